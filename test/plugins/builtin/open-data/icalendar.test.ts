import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Initiative } from '../../../../core/model/index.ts';
import { CALENDAR_NAME, icalendarExporter, MAX_SESSIONS } from '../../../../plugins/builtin/open-data/icalendar.ts';
import { exportContext, variantOfPermanence } from '../../../fixtures/open-data/initiatives.ts';
import { fixtureModel } from '../../../helpers/content.ts';

const model = fixtureModel();
const context = exportContext(model, '2027-01-05T10:00:00Z');
const permanence = variantOfPermanence(model, {});
const initiative = (changes: Partial<Initiative>): Initiative => variantOfPermanence(model, changes);

// Three Tuesdays; Belgium switches to summer time on Sunday 28 March 2027.
const training = initiative({
  id: 'formation-smartphone',
  name: 'Apprivoiser son smartphone',
  kind: 'formation',
  hours: 'Tu 09:00-12:00',
  period: { start: '2027-03-16', end: '2027-03-30' },
});
const event = initiative({
  id: 'journee-portes-ouvertes',
  name: 'Journée portes ouvertes',
  kind: 'evenement',
  hours: undefined,
  period: { start: '2027-05-08', end: '2027-05-09' },
});

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  location: string;
  start: string;
  end: string;
  allDay: boolean;
  geo: unknown;
  url: unknown;
  stamp: string;
}

function parse(text: string): { name: unknown; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const instant = (t: ICAL.Time) => (t.isDate ? t.toString() : t.toJSDate().toISOString());
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const e = new ICAL.Event(component);
    return {
      uid: e.uid,
      summary: e.summary,
      description: e.description,
      location: e.location,
      start: instant(e.startDate),
      end: instant(e.endDate),
      allDay: e.startDate.isDate,
      geo: component.getFirstPropertyValue('geo'),
      url: component.getFirstPropertyValue('url'),
      stamp: instant(component.getFirstPropertyValue('dtstamp') as ICAL.Time),
    };
  });
  return { name: calendar.getFirstPropertyValue('x-wr-calname'), events };
}

const exportCalendar = (list: Initiative[]) => parse(icalendarExporter.export(list, context));

describe('iCalendar export', () => {
  it('describes itself as the contract asks', () => {
    expect(icalendarExporter).toMatchObject({ format: 'ical', fileName: 'formations-evenements.ics', contentType: 'text/calendar; charset=utf-8' });
  });

  it('is a calendar ical.js reads, named in French, with CRLF line ends', () => {
    const text = icalendarExporter.export([training], context);
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
    expect(text.split('\r\n').filter((line) => Buffer.byteLength(line) > 75)).toEqual([]);
    expect(parse(text).name).toBe(CALENDAR_NAME);
    expect(CALENDAR_NAME).toBe('Formations et événements — Passerelle');
  });

  it('gives one event per session of a weekly training, at the right instants across the change to summer time', () => {
    const { events } = exportCalendar([training]);
    expect(events.map((e) => [e.start, e.end])).toEqual([
      ['2027-03-16T08:00:00.000Z', '2027-03-16T11:00:00.000Z'], // 09:00-12:00 CET
      ['2027-03-23T08:00:00.000Z', '2027-03-23T11:00:00.000Z'],
      ['2027-03-30T07:00:00.000Z', '2027-03-30T10:00:00.000Z'], // 09:00-12:00 CEST
    ]);
    expect(events.map((e) => e.uid)).toEqual([
      'formation-smartphone-20270316T080000Z@passerelle',
      'formation-smartphone-20270323T080000Z@passerelle',
      'formation-smartphone-20270330T070000Z@passerelle',
    ]);
    const first = events[0]!;
    expect(first.allDay).toBe(false);
    expect(first.summary).toBe('Apprivoiser son smartphone');
    expect(first.description).toBe(`${permanence.summary}\n\nPlus d'informations : https://passerelle.example/annuaire/formation-smartphone`);
    expect(first.location).toBe('Avenue Eugène Mascaux 100, 6001 Marcinelle');
    expect(first.geo).toEqual([50.3889, 4.4335]);
    expect(first.url).toBe('https://passerelle.example/annuaire/formation-smartphone');
    expect(first.stamp).toBe('2027-01-05T10:00:00.000Z');
  });

  it('folds long lines without cutting a character in two', () => {
    const name = `Atelier « numérique » pour les aîné·es 📱 ${'é'.repeat(60)} 👩🏽‍💻 fin`;
    const text = icalendarExporter.export([initiative({ ...training, name })], context);
    expect(text.split('\r\n').filter((line) => Buffer.byteLength(line) > 75)).toEqual([]);
    expect(text).not.toContain('\ufffd');
    expect(parse(text).events[0]!.summary).toBe(name);
  });

  it('gives one all-day event spanning the period when there are no hours', () => {
    const { events } = exportCalendar([event]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      uid: 'journee-portes-ouvertes-20270508@passerelle',
      summary: 'Journée portes ouvertes',
      allDay: true,
      start: '2027-05-08',
      end: '2027-05-10', // exclusive: the day after the last day
    });
  });

  it('honours public holidays and dated exceptions', () => {
    // Tuesday 11 November 2025 is Armistice Day, a public holiday in Belgium.
    const holidays = initiative({
      id: 'formation-novembre',
      kind: 'formation',
      hours: 'Tu 09:00-12:00; PH off',
      period: { start: '2025-11-04', end: '2025-11-18' },
    });
    expect(exportCalendar([holidays]).events.map((e) => e.start)).toEqual(['2025-11-04T08:00:00.000Z', '2025-11-18T08:00:00.000Z']);
    const closedOnce = initiative({ ...training, id: 'formation-avec-relache', hours: 'Tu 09:00-12:00; 2027 Mar 23 off' });
    expect(exportCalendar([closedOnce]).events.map((e) => e.start)).toEqual(['2027-03-16T08:00:00.000Z', '2027-03-30T07:00:00.000Z']);
  });

  it('falls back to an all-day event when the hours give no session in the period', () => {
    const mondaysOnly = initiative({ ...training, id: 'formation-lundi', hours: 'Mo 09:00-12:00', period: { start: '2027-03-16', end: '2027-03-18' } });
    expect(exportCalendar([mondaysOnly]).events).toMatchObject([{ allDay: true, start: '2027-03-16', end: '2027-03-19' }]);
  });

  it(`stops at ${MAX_SESSIONS} sessions per initiative and says so`, () => {
    const daily = initiative({ ...training, id: 'formation-quotidienne', hours: 'Mo-Su 09:00-10:00', period: { start: '2027-01-01', end: '2027-12-31' } });
    const { events } = exportCalendar([daily]);
    expect(events).toHaveLength(MAX_SESSIONS);
    expect(events.at(-1)?.description).toContain(`${MAX_SESSIONS} premières séances`);
    expect(events[0]!.description).not.toContain('premières séances');
  });

  it('keeps only trainings and events that are published', () => {
    const archivedTraining = initiative({ ...training, id: 'formation-archivee', status: 'archived' });
    const { events } = exportCalendar([permanence, archivedTraining, training, event]);
    expect(new Set(events.map((e) => e.uid.replace(/-\d{8}(T\d{6}Z)?@passerelle$/, '')))).toEqual(new Set(['formation-smartphone', 'journee-portes-ouvertes']));
    expect(events).toHaveLength(4);
    expect(exportCalendar([permanence]).events).toEqual([]);
  });

  it('gives the same bytes for the same input, whatever its order', () => {
    const first = icalendarExporter.export([training, event], context);
    expect(icalendarExporter.export([event, training], context)).toBe(first);
    expect(icalendarExporter.export([training, event], context)).toBe(first);
  });

  it('never writes the submission reference nor anything of the submitter', () => {
    const submitted = initiative({ ...training, id: 'proposee-par-le-public', source: { origin: 'moderation', submission: 'sub_SECRET' } });
    const text = icalendarExporter.export([submitted, event], context);
    expect(text).not.toContain('sub_SECRET');
    expect(text).not.toContain('moderation');
  });
});
