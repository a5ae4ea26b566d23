// The one French wording of opening hours: times, ranges, days; no time ever breaks
// across a line (non-breaking spaces inside a time).
import { describe, expect, it } from 'vitest';
import { formatDay, formatRange, formatTime, formatWeek, joinFr, typicalWeek } from '../../../core/hours/index.ts';

const nb = (s: string) => s.replace(/ h/g, '\u00a0h').replace(/h (\d)/g, 'h\u00a0$1');

describe('French opening hours', () => {
  it.each([
    ['09:00', '9 h'],
    ['13:30', '13 h 30'],
    ['12:05', '12 h 05'],
    ['00:00', 'minuit'],
    ['24:00', 'minuit'],
  ])('%s → %s', (time, text) => {
    expect(formatTime(time)).toBe(nb(text));
  });

  it('never lets a line break inside a time', () => {
    expect(formatTime('13:30')).not.toMatch(/ /);
    expect(formatRange({ from: '09:00', to: '12:30' }).text).toBe('9\u00a0h à 12\u00a0h\u00a030');
  });

  it('joins the ranges of a day in plain French, and says when it is closed', () => {
    expect(
      formatDay(1, [
        { from: '09:00', to: '12:00' },
        { from: '13:30', to: '16:00' },
      ]).text,
    ).toBe(nb('9 h à 12 h et 13 h 30 à 16 h'));
    expect(formatDay(6, [])).toMatchObject({ name: 'dimanche', closed: true, text: 'Fermé' });
    expect(formatDay(0, [{ from: '00:00', to: '24:00' }]).text).toBe('Ouvert toute la journée');
    expect(joinFr(['a', 'b', 'c'])).toBe('a, b et c');
  });

  it('reads an OSM value as a week, Monday first', () => {
    const week = formatWeek(typicalWeek('Tu 09:00-12:00; Th 13:30-16:00; PH off', new Date('2026-11-30T12:00:00')));
    expect(week.map((d) => d.text)).toEqual(['Fermé', nb('9 h à 12 h'), 'Fermé', nb('13 h 30 à 16 h'), 'Fermé', 'Fermé', 'Fermé']);
    expect(week[1]).toMatchObject({ name: 'mardi', closed: false, ranges: [{ from: '09:00', to: '12:00' }] });
  });
});
