// What a directory page shows, computed once from an initiative and the vocabularies:
// labels in French, the typical week, links. Components stay dumb and testable.
import { formatDate, formatPeriod } from '../../core/format-fr.ts';
import { alwaysOpen, type DayHours, formatWeek, HOURS_UNKNOWN_TEXT, hoursNotes, openIntervals, typicalWeek } from '../../core/hours/index.ts';
import type { ContentModel, Initiative } from '../../core/model/index.ts';
import { sitePaths } from '../../core/urls.ts';

export interface InitiativeView {
  id: string;
  url: string;
  name: string;
  kind: string;
  kindLabel: string;
  summary: string;
  descriptionParagraphs: string[];
  organisation: { name: string; website?: string };
  services: string[];
  publics: string[];
  support: string[];
  languages: string[];
  access: { cost: string; appointment: string; modes: string[]; accessibility: string[] };
  address: { street: string; postcode: string; locality: string; communeName: string };
  geo: { lat: number; lng: number };
  osmUrl: string;
  routeUrl: string;
  hours?: { raw: string; week: DayHours[]; alwaysOpen: boolean; notes: string[]; upcoming: [number, number][]; upcomingUntil: number };
  contact?: { phone?: string; phoneHref?: string; email?: string; website?: string };
  period?: { start: string; end?: string; text: string };
  demo: boolean;
  updated: string;
  updatedText: string;
  reportUrl: string;
  /** « Proposer une modification »: the form pre-set to change this listing. */
  editUrl: string;
  /** Temporarily closed (absent when open or once the closure has ended): the reason, until when, and the sentence to show. */
  closure?: { reason: string; until?: string; text: string };
  /** No hours given: the sentence to show instead of a table (« Horaires : à confirmer, appelez avant de venir. »). */
  hoursUnknownText?: string;
}

/** How far ahead open intervals are embedded in a page for the "open now" badge. */
export const UPCOMING_DAYS = 14;

// Computing a week and two weeks of intervals takes a few ms per value with the
// opening_hours library; a directory render uses one `now`, and many places share hours.
const hoursCache = new Map<string, NonNullable<InitiativeView['hours']>>();

function hoursView(raw: string, now: Date): NonNullable<InitiativeView['hours']> {
  const key = `${now.getTime()}|${raw}`;
  const cached = hoursCache.get(key);
  if (cached) return cached;
  const until = new Date(now.getTime() + UPCOMING_DAYS * 86_400_000);
  const view = {
    raw,
    week: formatWeek(typicalWeek(raw, now)),
    alwaysOpen: alwaysOpen(typicalWeek(raw, now)),
    notes: hoursNotes(raw),
    upcoming: openIntervals(raw, now, until),
    upcomingUntil: until.getTime(),
  };
  if (hoursCache.size > 2000) hoursCache.clear();
  hoursCache.set(key, view);
  return view;
}

export function toView(model: ContentModel, i: Initiative, now = new Date()): InitiativeView {
  const v = model.vocabularies;
  const labels = (name: Parameters<typeof v.label>[0], slugs: string[] = []) => slugs.map((s) => v.label(name, s));
  const commune = model.territory.commune(i.address.commune);
  const { lat, lng } = i.geo;
  let hours: InitiativeView['hours'];
  if (i.hours) hours = hoursView(i.hours, now);
  const phone = i.contact?.phone;
  const closure = closureView(i.closure, now);
  return {
    id: i.id,
    url: sitePaths.initiative(i.id),
    name: i.name,
    kind: i.kind,
    kindLabel: v.label('kinds', i.kind),
    summary: i.summary,
    descriptionParagraphs: (i.description ?? '')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean),
    organisation: i.organisation,
    services: labels('services', i.services),
    publics: labels('publics', i.publics),
    support: labels('support', i.support),
    languages: labels('languages', i.languages),
    access: {
      cost: v.label('costs', i.access.cost),
      appointment: v.label('appointments', i.access.appointment),
      modes: labels('access_modes', i.access.modes),
      accessibility: labels('accessibility', i.access.accessibility),
    },
    address: { ...i.address, communeName: commune?.name ?? i.address.commune },
    geo: i.geo,
    osmUrl: `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=18/${lat}/${lng}`,
    routeUrl: `https://www.openstreetmap.org/directions?to=${lat}%2C${lng}`,
    hours,
    contact: i.contact ? { ...i.contact, phoneHref: phone ? `tel:${phone.replace(/[^+0-9]/g, '')}` : undefined } : undefined,
    period: i.period ? { ...i.period, text: formatPeriod(i.period.start, i.period.end) } : undefined,
    demo: i.source.origin === 'demo',
    updated: i.updated,
    updatedText: formatDate(i.updated),
    reportUrl: sitePaths.proposalFor('report', i.id),
    editUrl: sitePaths.proposalFor('update', i.id),
    ...(closure ? { closure } : {}),
    ...(!i.hours && !i.period ? { hoursUnknownText: HOURS_UNKNOWN_TEXT } : {}),
  };
}

/** A closure still running at `now` (its last day included), said in French. */
export function closureView(closure: Initiative['closure'], now: Date): InitiativeView['closure'] {
  if (!closure) return undefined;
  const today = new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
  if (closure.until && closure.until < today) return undefined;
  const reason = closure.reason.replace(/[.\s]+$/, '');
  return {
    reason: closure.reason,
    ...(closure.until ? { until: closure.until } : {}),
    text: closure.until ? `Fermé temporairement jusqu'au ${formatDate(closure.until)} inclus : ${reason}.` : `Fermé temporairement : ${reason}.`,
  };
}
