// What a listing page shows, computed once from an initiative and the vocabularies: the
// citizen's words for every term (the standard's stay for exports), the typical week, the
// links (each once), the way back to its lists, the map. Components stay dumb and testable.
import { formatDate, formatPeriod } from '../../core/format-fr.ts';
import {
  alwaysOpen,
  type DayHours,
  formatOpenDays,
  formatWeek,
  HOURS_UNKNOWN_TEXT,
  hoursNotes,
  openIntervals,
  temporaryClosureText,
  typicalWeek,
} from '../../core/hours/index.ts';
import { closureRunning } from '../../core/model/closure.ts';
import type { ContentModel, Initiative, VocabularyName } from '../../core/model/index.ts';
import { sitePaths } from '../../core/urls.ts';
import { areaPath, areasOf } from './pages.ts';
import { type StaticMap, staticMap } from './static-map.ts';

export interface InitiativeView {
  id: string;
  url: string;
  name: string;
  kind: string;
  /** The kind in plain words (« Aide sur place, chaque semaine »). */
  kindLabel: string;
  summary: string;
  descriptionParagraphs: string[];
  organisation: { name: string };
  /** Every term in the citizen's words (vocabularies.yml `citizen`, else `label`). */
  services: string[];
  publics: string[];
  support: string[];
  languages: string[];
  access: { cost: string; appointment: string; modes: string[]; accessibility: string[] };
  address: { street: string; postcode: string; locality: string; communeName: string };
  geo: { lat: number; lng: number };
  /** The lists this listing is on, commune first: the way back (breadcrumb). */
  areas: { name: string; url: string }[];
  osmUrl: string;
  routeUrl: string;
  map: StaticMap;
  hours?: {
    raw: string;
    week: DayHours[];
    alwaysOpen: boolean;
    /** « mardi et jeudi », « du lundi au vendredi »: what the page says before its script knows the time. */
    openDays: string;
    notes: string[];
    upcoming: [number, number][];
    upcomingUntil: number;
  };
  contact?: { phone?: string; phoneHref?: string; email?: string };
  /** The place's web address, else its organisation's. */
  website?: string;
  /** The organisation's site when it is another address (the same link is never shown twice). */
  organisationWebsite?: string;
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
  const typical = typicalWeek(raw, now);
  const week = formatWeek(typical);
  const view = {
    raw,
    week,
    alwaysOpen: alwaysOpen(typical),
    openDays: formatOpenDays(week),
    notes: hoursNotes(raw),
    upcoming: openIntervals(raw, now, until),
    upcomingUntil: until.getTime(),
  };
  if (hoursCache.size > 2000) hoursCache.clear();
  hoursCache.set(key, view);
  return view;
}

/** `tel:` target of a written number: digits and a leading +. */
export const telHref = (phone: string) => `tel:${phone.replace(/[^+0-9]/g, '')}`;

function websites(own: string | undefined, organisation: string | undefined): Pick<InitiativeView, 'website' | 'organisationWebsite'> {
  const same = (a: string, b: string) => a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase();
  if (own && organisation && !same(own, organisation)) return { website: own, organisationWebsite: organisation };
  const one = own ?? organisation;
  return one ? { website: one } : {};
}

export function toView(model: ContentModel, i: Initiative, now = new Date()): InitiativeView {
  const v = model.vocabularies;
  const words = (name: VocabularyName, slugs: string[] = []) => slugs.map((s) => v.citizen(name, s));
  const commune = model.territory.commune(i.address.commune);
  const { lat, lng } = i.geo;
  const phone = i.contact?.phone;
  const email = i.contact?.email;
  const closure = closureView(i.closure, now);
  return {
    id: i.id,
    url: sitePaths.initiative(i.id),
    name: i.name,
    kind: i.kind,
    kindLabel: v.citizen('kinds', i.kind),
    summary: i.summary,
    descriptionParagraphs: (i.description ?? '')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean),
    organisation: { name: i.organisation.name },
    services: words('services', i.services),
    publics: words('publics', i.publics),
    support: words('support', i.support),
    languages: words('languages', i.languages),
    access: {
      cost: v.citizen('costs', i.access.cost),
      appointment: v.citizen('appointments', i.access.appointment),
      modes: words('access_modes', i.access.modes),
      accessibility: words('accessibility', i.access.accessibility),
    },
    address: { ...i.address, communeName: commune?.name ?? i.address.commune },
    geo: i.geo,
    areas: areasOf(model, i).map((a) => ({ name: a.name, url: areaPath(a) })),
    osmUrl: `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=18/${lat}/${lng}`,
    routeUrl: `https://www.openstreetmap.org/directions?to=${lat}%2C${lng}`,
    map: staticMap(lat, lng),
    ...(i.hours ? { hours: hoursView(i.hours, now) } : {}),
    ...(phone || email ? { contact: { ...(phone ? { phone, phoneHref: telHref(phone) } : {}), ...(email ? { email } : {}) } } : {}),
    ...websites(i.contact?.website, i.organisation.website),
    ...(i.period ? { period: { ...i.period, text: formatPeriod(i.period.start, i.period.end) } } : {}),
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
  if (!closure || !closureRunning(closure, now)) return undefined;
  return {
    reason: closure.reason,
    ...(closure.until ? { until: closure.until } : {}),
    text: temporaryClosureText(closure.reason, closure.until),
  };
}
