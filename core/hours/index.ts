// Opening hours in OpenStreetMap `opening_hours` syntax: validation, and what pages and
// search need from them (a typical week, open intervals over a period, open at a time).
// All Date arithmetic happens in Europe/Brussels (see timezone.ts).
import '../model/timezone.ts';
import OpeningHours from 'opening_hours';

// Belgian public holidays (Wallonia) for `PH` rules.
const BELGIUM = { lat: 50.41, lon: 4.44, address: { country_code: 'be', state: 'Wallonie' } };

export const WEEKDAYS_FR = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;

export function parseHours(value: string): OpeningHours {
  return new OpeningHours(value, BELGIUM);
}

// The parser takes ~1 ms per value and many places share the same hours: remember verdicts.
const verdicts = new Map<string, string | null>();

/** `null` when valid; otherwise the library's reason, on one line. */
export function hoursError(value: string): string | null {
  const known = verdicts.get(value);
  if (known !== undefined) return known;
  let verdict: string | null = null;
  try {
    const oh = parseHours(value);
    // The library silently "corrects" some French input (e.g. "mardi 9h-12h"): refuse it and
    // show the canonical form, so the file says exactly what every tool will read.
    const pretty = oh.prettifyValue();
    if (oh.getWarnings().length && pretty !== value) verdict = `écrivez plutôt « ${pretty} » (syntaxe opening_hours en anglais).`;
  } catch (e) {
    verdict = String(e instanceof Error ? e.message : e).replace(/\s+/g, ' ').trim();
  }
  if (verdicts.size > 5000) verdicts.clear();
  verdicts.set(value, verdict);
  return verdict;
}

export interface TimeRange {
  from: string; // "09:00"
  to: string; // "12:00"
}

const hhmm = (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

/**
 * A typical week, Monday first: the rules evaluated without public holidays over a
 * fixed reference week, so the table shows the usual pattern rather than this week's exceptions.
 * Date-bound rules (e.g. `Dec off`) are evaluated for the week containing `reference`.
 */
export function typicalWeek(value: string, reference = new Date()): TimeRange[][] {
  const oh = new OpeningHours(value, null);
  const monday = new Date(reference);
  monday.setHours(0, 0, 0, 0);
  monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
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
    for (let d = 0; d < 7; d++) {
      const start = dayStarts[d];
      const end = d < 6 ? dayStarts[d + 1] : sunday;
      const from = a > start ? a : start;
      const to = b < end ? b : end;
      if (from < to) week[d].push({ from: hhmm(from), to: to.getTime() === end.getTime() ? '24:00' : hhmm(to) });
    }
  }
  return week;
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
  if (/\bPH\s+off\b/i.test(value)) notes.push('Fermé les jours fériés.');
  else if (/\bPH\b/.test(value)) notes.push('Horaires particuliers les jours fériés.');
  if (/\bSH\b/.test(value)) notes.push('Horaires particuliers pendant les vacances scolaires.');
  if (/\b(week|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/.test(value)) notes.push('Les horaires changent selon la période : vérifiez avant de vous déplacer.');
  return notes;
}
