// What Meilisearch stores for an initiative. "Open now" is answered by precomputed open
// slots: for each 5-minute slot (epoch ms / 300 000) in a horizon of HORIZON_DAYS from the
// start of today in Brussels, the slot number is listed when the place is open during the
// whole slot. The query at time t filters `openSlots = floor(t / 5 min)`, so Meilisearch
// itself filters, paginates and counts exactly (at the minute level for hours written in
// multiples of 5 minutes, which is every real timetable). The slots come from the
// opening_hours library with Belgian holidays, so `PH off` and dated exceptions are exact.
// The horizon moves every day: sync re-sends the documents whose slots changed.
import crypto from 'node:crypto';
import { formatDay, openIntervals, typicalWeek } from '../../core/hours/index.ts';
import type { ContentModel, Initiative } from '../../core/model/index.ts';
import { formsOf } from './french.ts';

export const SLOT_MS = 5 * 60_000;
export const HORIZON_DAYS = 8;

/** The fields Passerelle builds for an initiative. */
export interface BuiltDocument {
  id: string;
  name: string;
  kind: string;
  kindLabel: string;
  summary: string;
  description: string;
  organisation: string;
  services: string[];
  serviceLabels: string[];
  publics: string[];
  publicLabels: string[];
  commune: string;
  communeName: string;
  postcode: string;
  locality: string;
  street: string;
  status: string;
  demo: boolean;
  hours: string | null;
  _geo: { lat: number; lng: number };
  openSlots: number[];
  /** Whether the place gives hours (a hit then says open or closed). */
  hasHours: boolean;
  /** The open slots of the horizon's first day as [first, end) pairs, flat: a few numbers sent back with each hit. */
  todayOpen: number[];
  /** Monday first: the day's hours in words (« 9 h à 12 h »), null when closed that day; empty without hours. */
  weekHours: (string | null)[];
  horizonStart: number;
  /** Searchable words that plugins add (toSearchDocument); empty by default. */
  keywords: string[];
  /** The stems of the document's words (french.ts): « réparer » finds « réparent ». */
  formes: string;
  /** Temporarily closed: the reason and the last closed day (null: until further notice); null when open. No open slot falls in it. */
  closure: { reason: string; until: string | null } | null;
  hash: string;
}

/** What is indexed: the built fields, plus any field plugins add (stored as given). */
export type InitiativeDocument = BuiltDocument & { [extra: string]: unknown };

/** Plugins' toSearchDocument, applied to each built document before it is hashed. */
export type DocumentTransform = (document: InitiativeDocument, initiative: Initiative) => InitiativeDocument;

/** Midnight today in Europe/Brussels (the process runs in that zone, see timezone.ts). */
export function startOfDay(now: Date): Date {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d;
}

export function nextDay(day: Date): Date {
  const d = new Date(day);
  d.setDate(d.getDate() + 1);
  return d;
}

export function slotOf(t: number): number {
  return Math.floor(t / SLOT_MS);
}

export function openSlots(hours: string, from: Date, days = HORIZON_DAYS): number[] {
  const to = new Date(from);
  to.setDate(from.getDate() + days);
  const slots: number[] = [];
  for (const [a, b] of openIntervals(hours, from, to)) {
    for (let s = Math.ceil(a / SLOT_MS); (s + 1) * SLOT_MS <= b; s++) slots.push(s);
  }
  return slots;
}

export function hashOf(value: unknown): string {
  return crypto.createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);
}

const slotCache = new Map<string, { slots: number[]; week: (string | null)[] }>();

function hoursData(hours: string, horizon: Date): { slots: number[]; week: (string | null)[] } {
  const key = `${horizon.getTime()}|${hours}`;
  const cached = slotCache.get(key);
  if (cached) return cached;
  const week = typicalWeek(hours, horizon).map((ranges, day) => {
    const d = formatDay(day, ranges);
    return d.closed ? null : d.text;
  });
  const data = { slots: openSlots(hours, horizon), week };
  if (slotCache.size > 5000) slotCache.clear();
  slotCache.set(key, data);
  return data;
}

/** Runs of consecutive slots as flat [first, end) pairs: 9 h–12 h is two numbers, not 36. */
export function slotRanges(slots: readonly number[]): number[] {
  const out: number[] = [];
  for (const slot of slots) {
    if (out.length && out[out.length - 1] === slot) out[out.length - 1] = slot + 1;
    else out.push(slot, slot + 1);
  }
  return out;
}

/** Whether `slot` is in flat [first, end) pairs. */
export function inRanges(ranges: readonly number[], slot: number): boolean {
  for (let k = 0; k + 1 < ranges.length; k += 2) if (slot >= (ranges[k] ?? 0) && slot < (ranges[k + 1] ?? 0)) return true;
  return false;
}

/** The texts whose stems go into `formes`. */
function textsOf(doc: Omit<BuiltDocument, 'formes' | 'hash'>): string[] {
  return [
    doc.name,
    doc.organisation,
    doc.kindLabel,
    ...doc.serviceLabels,
    ...doc.publicLabels,
    doc.summary,
    doc.description,
    ...doc.keywords.filter((k) => typeof k === 'string'),
    doc.locality,
    doc.communeName,
    doc.street,
  ];
}

export function initiativeDocument(model: ContentModel, i: Initiative, now: Date, transform?: DocumentTransform): InitiativeDocument {
  const v = model.vocabularies;
  const horizon = startOfDay(now);
  const data = i.hours ? hoursData(i.hours, horizon) : { slots: [], week: [] };
  // A temporary closure: not open now, whatever the hours say, until the day after its last day.
  const reopens = i.closure ? (i.closure.until ? nextDay(new Date(`${i.closure.until}T00:00:00`)).getTime() : Number.POSITIVE_INFINITY) : 0;
  const slots = reopens ? data.slots.filter((slot) => slot * SLOT_MS >= reopens) : data.slots;
  const week = data.week;
  const tomorrow = slotOf(nextDay(horizon).getTime());
  const doc: Omit<BuiltDocument, 'formes' | 'hash'> = {
    id: i.id,
    name: i.name,
    kind: i.kind,
    kindLabel: v.label('kinds', i.kind),
    summary: i.summary,
    description: i.description ?? '',
    organisation: i.organisation.name,
    services: i.services,
    serviceLabels: i.services.map((s) => v.label('services', s)),
    publics: i.publics,
    publicLabels: i.publics.map((p) => v.label('publics', p)),
    commune: i.address.commune,
    communeName: model.territory.commune(i.address.commune)?.name ?? i.address.commune,
    postcode: i.address.postcode,
    locality: i.address.locality,
    street: i.address.street,
    status: i.status,
    demo: i.source.origin === 'demo',
    hours: i.hours ?? null,
    _geo: { lat: i.geo.lat, lng: i.geo.lng },
    openSlots: slots,
    hasHours: Boolean(i.hours),
    todayOpen: slotRanges(slots.filter((slot) => slot < tomorrow)),
    weekHours: week,
    horizonStart: horizon.getTime(),
    keywords: [],
    closure: i.closure && reopens > horizon.getTime() ? { reason: i.closure.reason, until: i.closure.until ?? null } : null,
  };
  if (!transform) {
    const built = { ...doc, formes: formsOf(textsOf(doc)) };
    return { ...built, hash: hashOf(built) };
  }
  const { hash: _built, formes: _forms, ...changed } = transform({ ...doc, formes: '', hash: '' }, i);
  const withForms = { ...changed, formes: formsOf(textsOf(changed as Omit<BuiltDocument, 'formes' | 'hash'>)) };
  return { ...withForms, hash: hashOf(withForms) } as InitiativeDocument;
}
