// What pages, search and exports need from opening hours: a typical week, the open
// intervals over a period, open at an instant, and the exceptions a week cannot show.
// All Date arithmetic happens in Europe/Brussels (see ../model/timezone.ts). The
// library is slow per call (a few ms) and many places share their hours: results that
// are pure functions of (value, day) are cached here, once for every caller.

import { formatClosure, formatRule, type TimeRange, WEEKDAYS_FR } from './format.ts';
import { readOpeningHours } from './french-input.ts';
import { parseHours, parseRulesOnly } from './parse.ts';

const hhmm = (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

function mondayOf(reference: Date): Date {
  const monday = new Date(reference);
  monday.setHours(0, 0, 0, 0);
  monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
  return monday;
}

const weeks = new Map<string, TimeRange[][]>();

/**
 * A typical week, Monday first: the rules evaluated without public holidays over the week
 * containing `reference`, so the table shows the usual pattern rather than this week's
 * exceptions. Date-bound rules (e.g. `Dec off`) are evaluated for that week.
 */
export function typicalWeek(value: string, reference = new Date()): TimeRange[][] {
  const monday = mondayOf(reference);
  const key = `${monday.getTime()}|${value}`;
  const cached = weeks.get(key);
  if (cached) return structuredClone(cached);
  const oh = parseRulesOnly(value);
  const dayStarts = WEEKDAYS_FR.map((_, i) => {
    const d = new Date(monday);
    d.setDate(monday.getDate() + i);
    return d;
  });
  const sunday = new Date(monday);
  sunday.setDate(monday.getDate() + 7);
  const week: TimeRange[][] = WEEKDAYS_FR.map(() => []);
  // One pass over the week (the library is slow per call), then split at midnight.
  for (const [a, b] of oh.getOpenIntervals(monday, sunday)) {
    dayStarts.forEach((start, d) => {
      const end = dayStarts[d + 1] ?? sunday;
      const from = new Date(Math.max(a.getTime(), start.getTime()));
      const to = new Date(Math.min(b.getTime(), end.getTime()));
      if (from < to) week[d]?.push({ from: hhmm(from), to: to.getTime() === end.getTime() ? '24:00' : hhmm(to) });
    });
  }
  if (weeks.size > 5000) weeks.clear();
  weeks.set(key, week);
  return structuredClone(week);
}

/** Open intervals (epoch ms) between two instants, public holidays included. */
export function openIntervals(value: string, from: Date, to: Date): [number, number][] {
  return parseHours(value)
    .getOpenIntervals(from, to)
    .map(([a, b]) => [a.getTime(), b.getTime()]);
}

export function isOpenAt(value: string, at: Date): boolean {
  return parseHours(value).getState(at);
}

/** Plain-French notes on exceptions a table of a typical week cannot show. */
export function hoursNotes(value: string): string[] {
  const notes: string[] = [];
  // What the editor writes is said exactly (« Le 1er mercredi du mois de 14 h à 16 h. », « Fermé en juillet. »).
  const structure = readOpeningHours(value);
  for (const rule of structure?.rules ?? []) if (rule.nth?.length) notes.push(`${capitalize(formatRule(rule))}.`);
  if (structure?.appointment) notes.push('Sur rendez-vous : appelez avant de venir.');
  if (/\bPH\s+off\b/i.test(value)) notes.push('Fermé les jours fériés.');
  else if (/\bPH\b/.test(value)) notes.push('Horaires particuliers les jours fériés.');
  if (/\bSH\b/.test(value)) notes.push('Horaires particuliers pendant les vacances scolaires.');
  if (structure) for (const c of structure.closures) notes.push(`${formatClosure(c)}.`);
  else if (/\b(week|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/.test(value))
    notes.push('Les horaires changent selon la période : vérifiez avant de vous déplacer.');
  return notes;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
