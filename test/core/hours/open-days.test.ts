// formatOpenDays: the open days of a typical week in words, as a listing says them before
// its script knows the time (and on paper).
import { describe, expect, it } from 'vitest';
import { formatOpenDays, formatWeek, typicalWeek } from '../../../core/hours/index.ts';

const now = new Date('2026-11-30T10:00:00Z');
const days = (hours: string) => formatOpenDays(formatWeek(typicalWeek(hours, now)));

describe('formatOpenDays', () => {
  it.each([
    ['Tu 09:00-12:00; Th 13:30-16:00; PH off', 'mardi et jeudi'],
    ['Mo-Fr 09:00-17:00', 'du lundi au vendredi'],
    ['Mo-Fr 09:00-12:00,13:30-16:30; Sa 09:00-12:00', 'du lundi au samedi'],
    ['24/7', 'tous les jours'],
    ['Mo-Su 10:00-18:00', 'tous les jours'],
    ['Mo-We,Sa 10:00-12:00', 'du lundi au mercredi et samedi'],
    ['Mo,Tu,Th,Fr 10:00-12:00', 'lundi, mardi, jeudi et vendredi'],
    ['We 14:00-16:00', 'mercredi'],
    ['Sa-Su 10:00-12:00', 'samedi et dimanche'],
    ['off', ''],
  ])('%s → « %s »', (hours, expected) => {
    expect(days(hours)).toBe(expected);
  });
});
