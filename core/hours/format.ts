// The one French way to write opening hours, for every page, search hit, export and
// e-mail: « 9 h », « 13 h 30 », « 9 h à 12 h et 13 h 30 à 16 h », « Fermé ». Each function
// returns the structure (for markup that wants to style or group it) and the text. A
// time never breaks across lines: the spaces inside it are non-breaking. Pure: the
// browser scripts import this file too.
import { formatDate as formatDateFr } from '../format-fr.ts';

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
  const open = week.flatMap((d, i) => (d.closed ? [] : [i]));
  if (open.length === 7) return 'tous les jours';
  const name = (i: number) => week[i]?.name ?? '';
  const parts = dayRuns(open).flatMap(([a, b]) => (b - a >= 2 ? [`du ${name(a)} au ${name(b)}`] : a === b ? [name(a)] : [name(a), name(b)]));
  return joinFr(parts);
}

// ---- A weekly schedule as people give it, and its reading in plain French ----
// The structure behind the hours editor and the French text understanding
// (french-input.ts): weekly rules, monthly ones (« le 1er mercredi du mois »), appointment,
// public holidays and closures. format.ts says it back; french-input.ts writes its OSM value.

/** Days (0 = Monday) open in these ranges; with `nth`, only their nth occurrence in the month (-1 = the last). */
export interface WeeklyRule {
  days: number[];
  nth?: number[];
  ranges: TimeRange[];
}

export interface MonthDay {
  /** 1 = January. */
  month: number;
  day: number;
}

/** Whole months closed (« fermé en juillet », « de juillet à août »), or dates (« du 24 décembre au 2 janvier »). */
export type ClosedPeriod = { months: [number, number] } | { dates: [MonthDay, MonthDay] };

export interface WeeklyHours {
  rules: WeeklyRule[];
  /** Only on appointment (« sur rendez-vous »). */
  appointment: boolean;
  /** Closed on public holidays (the editor's default). */
  holidaysClosed: boolean;
  closures: ClosedPeriod[];
}

export const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'] as const;

/** What pages say when the hours are not known. */
export const HOURS_UNKNOWN_TEXT = 'Horaires : à confirmer, appelez avant de venir.';
export const APPOINTMENT_ONLY_TEXT = 'Uniquement sur rendez-vous : appelez pour fixer un moment.';

/** A temporary closure in a sentence: « Fermé temporairement jusqu'au 15 mars 2027 inclus : travaux. » */
export function temporaryClosureText(reason: string, until?: string): string {
  const why = reason.replace(/[.\s]+$/, '');
  return until ? `Fermé temporairement jusqu'au ${formatDateFr(until)} inclus : ${why}.` : `Fermé temporairement : ${why}.`;
}

/** « de 9 h à 12 h et de 13 h 30 à 16 h », « toute la journée ». */
export function formatRanges(ranges: TimeRange[]): string {
  if (ranges.length === 1 && ranges[0]?.from === '00:00' && ranges[0]?.to === '24:00') return 'toute la journée';
  return joinFr(ranges.map((r) => `de ${formatTime(r.from)} à ${formatTime(r.to)}`));
}

const ordinalFr = (n: number) => (n === -1 ? 'dernier' : n === 1 ? '1er' : `${n}e`);

/** Runs of consecutive days: [[0,4],[6,6]] for Mo-Fr,Su. */
export function dayRuns(days: number[]): [number, number][] {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const d of sorted) {
    const last = runs[runs.length - 1];
    if (last && d === last[1] + 1) last[1] = d;
    else runs.push([d, d]);
  }
  return runs;
}

/** « le mardi », « du lundi au vendredi », « le lundi, le mercredi et le vendredi », « tous les jours ». */
export function formatDays(days: number[]): string {
  const unique = [...new Set(days)];
  if (unique.length === 7) return 'tous les jours';
  const parts = dayRuns(unique).flatMap(([a, b]) =>
    b - a >= 2 ? [`du ${WEEKDAYS_FR[a]} au ${WEEKDAYS_FR[b]}`] : a === b ? [`le ${WEEKDAYS_FR[a]}`] : [`le ${WEEKDAYS_FR[a]}`, `le ${WEEKDAYS_FR[b]}`],
  );
  return joinFr(parts);
}

/** « le 1er mercredi du mois », « les 1er et 3e mardis du mois », « le dernier vendredi du mois ». */
function formatMonthlyDays(days: number[], nth: number[]): string {
  const order = [...nth].sort((a, b) => (a === -1 ? 9 : a) - (b === -1 ? 9 : b));
  return joinFr(
    [...new Set(days)].map((d) => {
      const name = WEEKDAYS_FR[d] ?? 'lundi';
      return order.length === 1 ? `le ${ordinalFr(order[0] ?? 1)} ${name} du mois` : `les ${joinFr(order.map(ordinalFr))} ${name}s du mois`;
    }),
  );
}

/** « le mardi de 9 h à 12 h », « le 1er mercredi du mois de 14 h à 16 h ». */
export function formatRule(rule: WeeklyRule): string {
  const days = rule.nth?.length ? formatMonthlyDays(rule.days, rule.nth) : formatDays(rule.days);
  return `${days} ${formatRanges(rule.ranges)}`;
}

const dayOfMonth = (d: MonthDay) => `${d.day === 1 ? '1er' : d.day} ${MONTHS_FR[d.month - 1] ?? ''}`;

/** « Fermé en juillet », « Fermé en juillet et en août », « Fermé du 24 décembre au 2 janvier ». */
export function formatClosure(c: ClosedPeriod): string {
  if ('months' in c) {
    const [a, b] = c.months;
    const name = (m: number) => MONTHS_FR[m - 1] ?? '';
    if (a === b) return `Fermé en ${name(a)}`;
    if ((a % 12) + 1 === b) return `Fermé en ${name(a)} et en ${name(b)}`;
    return `Fermé de ${name(a)} à ${name(b)}`;
  }
  const [from, to] = c.dates;
  if (from.month === to.month && from.day === to.day) return `Fermé le ${dayOfMonth(from)}`;
  return from.month === to.month ? `Fermé du ${from.day === 1 ? '1er' : from.day} au ${dayOfMonth(to)}` : `Fermé du ${dayOfMonth(from)} au ${dayOfMonth(to)}`;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Open every day from midnight to midnight (a WiFi point). */
export function isAlwaysOpen(hours: WeeklyHours): boolean {
  return hours.rules.some(
    (r) => !r.nth?.length && new Set(r.days).size === 7 && r.ranges.length === 1 && r.ranges[0]?.from === '00:00' && r.ranges[0]?.to === '24:00',
  );
}

/**
 * The schedule in plain French, one sentence per idea: « Du lundi au vendredi de 9 h à 12 h
 * et de 13 h 30 à 16 h ; le samedi de 10 h à 12 h. Fermé les jours fériés. Fermé en juillet. »
 */
export function formatWeeklyHours(hours: WeeklyHours): string {
  if (!hours.rules.length) return hours.appointment ? APPOINTMENT_ONLY_TEXT : HOURS_UNKNOWN_TEXT;
  const sentences = [isAlwaysOpen(hours) ? 'Ouvert tous les jours, 24 heures sur 24' : capitalize(hours.rules.map(formatRule).join(' ; '))];
  if (hours.appointment) sentences.push('Sur rendez-vous');
  if (hours.holidaysClosed) sentences.push('Fermé les jours fériés');
  for (const c of hours.closures) sentences.push(formatClosure(c));
  return sentences.map((s) => `${s}.`).join(' ');
}
