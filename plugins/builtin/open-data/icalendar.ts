// Open-data export: trainings and events as an iCalendar feed (RFC 5545), so anyone can
// subscribe to them in a calendar application or show them on another site's agenda.
//
// Only initiatives of kind `formation` and `evenement` are included (they have a `period`).
// - With opening hours: one VEVENT per session, the hours' open intervals between the
//   first day of the period and the end of its last day (public holidays and dated
//   exceptions such as `PH off` or `2027 Jan 19 off` are honoured by the hours library).
//   At most MAX_SESSIONS sessions per initiative; beyond that the last event's
//   description says the rest is on the initiative's page.
// - Without hours, or when the hours give no session in the period: one all-day VEVENT
//   spanning the period (DTEND is the day after the last day, as RFC 5545 wants).
//
// Times are written in UTC (`…Z`): the sessions are computed in Europe/Brussels (see
// model/timezone.ts) and converted, so daylight saving time is already applied and every
// reader (ical.js, Google, Outlook, Apple) agrees without needing a VTIMEZONE block.
// All-day events are plain dates, which have no time zone.
//
// UIDs are stable: `<id>-<start>@passerelle`, start being the UTC start of a session or the
// first date of an all-day event. DTSTAMP is the export's date, so the file is the same
// for the same input and date. Nothing from `source` nor about a submitter is written.
//
// ical-generator writes the properties (escaping, dates, GEO…); its line folding creates a
// TextEncoder per character, which takes about a minute for 50,000 events, so the events
// are folded here (same rule: at most 75 octets per line, never inside a character).
import ical, { escape as escapeIcal, type ICalEventData } from 'ical-generator';
import { openIntervals } from '../../../core/hours/index.ts';
import { initiativeUrl } from '../../../core/urls.ts';
import type { ExportContext, Exporter, PublishedInitiative } from '../../api/types.ts';

/** Sessions per initiative: enough for a weekly course over several years, not a daily flood. */
export const MAX_SESSIONS = 200;

export const CALENDAR_NAME = 'Formations et événements — Passerelle';

const DATED_KINDS = new Set(['formation', 'evenement']);

/** `YYYY-MM-DD` plus `days`, in calendar days. */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A calendar date as ical-generator wants it for an all-day value (it reads UTC fields). */
const utcDate = (date: string) => new Date(`${date}T00:00:00Z`);

/** 20270316T080000Z */
const compactUtc = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

function addressText(i: PublishedInitiative): string {
  return `${i.address.street}, ${i.address.postcode} ${i.address.locality}`;
}

// Many trainings of a series share hours and dates, and the hours library takes ~10 ms
// for six months of sessions: remember the answers (a pure function of the key).
const sessionCache = new Map<string, [number, number][]>();

/** Open intervals from local midnight of the first day to local midnight after the last (Europe/Brussels). */
function sessionsOf(hours: string, first: string, last: string): [number, number][] {
  const key = `${hours}\u0000${first}\u0000${last}`;
  let sessions = sessionCache.get(key);
  if (!sessions) {
    sessions = openIntervals(hours, new Date(`${first}T00:00:00`), new Date(`${addDays(last, 1)}T00:00:00`));
    if (sessionCache.size > 5000) sessionCache.clear();
    sessionCache.set(key, sessions);
  }
  return sessions;
}

function events(i: PublishedInitiative, context: ExportContext): ICalEventData[] {
  if (!i.period) return [];
  const first = i.period.start;
  const last = i.period.end ?? first;
  const url = initiativeUrl(context.siteUrl, i.id);
  const common = {
    summary: i.name,
    location: { title: addressText(i), geo: { lat: i.geo.lat, lon: i.geo.lng } },
    url,
    stamp: context.generatedAt,
    categories: [{ name: context.model.vocabularies.label('kinds', i.kind) }],
  };
  const description = (extra?: string) => [i.summary, extra, `Plus d'informations : ${url}`].filter(Boolean).join('\n\n');

  const sessions = i.hours ? sessionsOf(i.hours, first, last) : [];
  if (!sessions.length) {
    return [
      {
        ...common,
        id: `${i.id}-${first.replace(/-/g, '')}@passerelle`,
        allDay: true,
        start: utcDate(first),
        end: utcDate(addDays(last, 1)),
        description: description(),
      },
    ];
  }
  const kept = sessions.slice(0, MAX_SESSIONS);
  const capped = sessions.length > MAX_SESSIONS;
  return kept.map(([start, end], n) => ({
    ...common,
    id: `${i.id}-${compactUtc(start)}@passerelle`,
    start: new Date(start),
    end: new Date(end),
    description: description(
      capped && n === kept.length - 1
        ? `Ce calendrier s'arrête aux ${MAX_SESSIONS} premières séances : les suivantes sont sur la page de l'initiative.`
        : undefined,
    ),
  }));
}

const startKey = (e: ICalEventData) => (e.start instanceof Date ? e.start.getTime() : 0);
const byStartThenUid = (a: ICalEventData, b: ICalEventData) => {
  const [x, y] = [String(a.id), String(b.id)];
  return startKey(a) - startKey(b) || (x < y ? -1 : x > y ? 1 : 0);
};

export function toICalendar(initiatives: PublishedInitiative[], context: ExportContext): string {
  const all = initiatives
    .filter((i) => i.status === 'active' && DATED_KINDS.has(i.kind))
    .flatMap((i) => events(i, context))
    .sort(byStartThenUid);
  const meta = {
    prodId: { company: 'Passerelle', product: 'Annuaire', language: 'FR' },
    name: escapeIcal(CALENDAR_NAME, false),
    description: escapeIcal(
      `Formations et événements d'inclusion numérique de l'annuaire Passerelle. Données ouvertes sous licence ${context.licence.name} (${context.licence.url}).`,
      false,
    ),
    url: context.siteUrl,
  };
  const header = ical(meta).toString(); // BEGIN:VCALENDAR … END:VCALENDAR, without events
  const body = ical({ ...meta, events: all })
    .events()
    .map((e) => foldLines(e.toString()))
    .join('');
  // RFC 5545 §3.1: every content line ends with CRLF, the last one too.
  return `${header.replace(/END:VCALENDAR$/, `${body}END:VCALENDAR`)}\r\n`;
}

/** UTF-8 length of one code point. */
const octets = (cp: number) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/** RFC 5545 §3.1 folding of CRLF-separated lines: 75 octets at most, continuation lines start with a space. */
export function foldLines(text: string): string {
  return text
    .split('\r\n')
    .map((line) => {
      if (line.length <= 25) return line; // a UTF-16 unit is at most 3 octets
      let out = '';
      let size = 0;
      for (const ch of line) {
        const n = octets(ch.codePointAt(0) ?? 0);
        if (size + n > 75) {
          out += '\r\n ';
          size = 1;
        }
        out += ch;
        size += n;
      }
      return out;
    })
    .join('\r\n');
}

export const icalendarExporter: Exporter = {
  format: 'ical',
  label: 'iCalendar (agenda)',
  description: 'Les formations et les événements, séance par séance, à ajouter à un agenda (Google, Outlook, Apple, Thunderbird) ou à un autre site.',
  fileName: 'formations-evenements.ics',
  contentType: 'text/calendar; charset=utf-8',
  export: toICalendar,
};
