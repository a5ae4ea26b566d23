// The one French way to write opening hours, for every page, search hit, export and
// e-mail: « 9 h », « 13 h 30 », « 9 h à 12 h et 13 h 30 à 16 h », « Fermé ». Each function
// returns the structure (for markup that wants to style or group it) and the text. A
// time never breaks across lines: the spaces inside it are non-breaking. Pure: the
// browser scripts import this file too.

export const WEEKDAYS_FR = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;
export type WeekdayFr = (typeof WEEKDAYS_FR)[number];

/** `HH:MM`, 24-hour clock; the end of a day is `24:00`. */
export interface TimeRange {
  from: string;
  to: string;
}

export interface RangeText extends TimeRange {
  fromText: string;
  toText: string;
  /** « 9 h à 12 h » */
  text: string;
}

export interface DayHours {
  /** 0 = Monday. */
  day: number;
  name: WeekdayFr;
  closed: boolean;
  ranges: RangeText[];
  /** « 9 h à 12 h et 13 h 30 à 16 h », « Ouvert toute la journée » or « Fermé ». */
  text: string;
}

const NBSP = '\u00a0';
export const CLOSED_TEXT = 'Fermé';
export const ALL_DAY_TEXT = 'Ouvert toute la journée';

/** « 9 h », « 13 h 30 », « minuit » (for 00:00 and 24:00). */
export function formatTime(time: string): string {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!match) return time;
  const hour = Number(match[1]);
  const minutes = match[2] ?? '00';
  if ((hour === 0 || hour === 24) && minutes === '00') return 'minuit';
  return minutes === '00' ? `${hour}${NBSP}h` : `${hour}${NBSP}h${NBSP}${minutes}`;
}

/** A time of day of a Date, in the process' (or browser's) time zone settings given. */
export function formatClock(date: Date, timeZone = 'Europe/Brussels'): string {
  const parts = new Intl.DateTimeFormat('fr-BE', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).formatToParts(date);
  const value = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return formatTime(`${value('hour')}:${value('minute')}`);
}

export function formatRange(range: TimeRange): RangeText {
  const fromText = formatTime(range.from);
  const toText = formatTime(range.to);
  return { ...range, fromText, toText, text: `${fromText} à ${toText}` };
}

/** « a », « a et b », « a, b et c ». */
export function joinFr(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

export function formatDay(day: number, ranges: TimeRange[]): DayHours {
  const name = WEEKDAYS_FR[day] ?? 'lundi';
  const formatted = ranges.map(formatRange);
  const allDay = ranges.length === 1 && ranges[0]?.from === '00:00' && ranges[0]?.to === '24:00';
  const text = !ranges.length ? CLOSED_TEXT : allDay ? ALL_DAY_TEXT : joinFr(formatted.map((r) => r.text));
  return { day, name, closed: ranges.length === 0, ranges: formatted, text };
}

/** A typical week (Monday first, as `typicalWeek` gives it), day by day. */
export function formatWeek(week: TimeRange[][]): DayHours[] {
  return week.map((ranges, day) => formatDay(day, ranges));
}

/** True when every day is open from midnight to midnight. */
export function alwaysOpen(week: TimeRange[][]): boolean {
  return week.length === 7 && week.every((d) => d.length === 1 && d[0]?.from === '00:00' && d[0]?.to === '24:00');
}

/**
 * The open days of a typical week in words: « tous les jours », « du lundi au vendredi »,
 * « mardi et jeudi », « du lundi au mercredi et samedi »; '' when no day is open. Runs of
 * three days or more are said as « du … au … ».
 */
export function formatOpenDays(week: Pick<DayHours, 'name' | 'closed'>[]): string {
  const open = week.map((d) => !d.closed);
  if (open.length === 7 && open.every(Boolean)) return 'tous les jours';
  const parts: string[] = [];
  for (let day = 0; day < week.length; day++) {
    if (!open[day]) continue;
    let end = day;
    while (end + 1 < week.length && open[end + 1]) end++;
    const first = week[day]?.name ?? '';
    const last = week[end]?.name ?? '';
    if (end - day >= 2) parts.push(`du ${first} au ${last}`);
    else for (let d = day; d <= end; d++) parts.push(week[d]?.name ?? '');
    day = end;
  }
  return joinFr(parts);
}
