// Open-data export: the directory in the Open Referral Human Services Data Specification
// (HSDS 3.0, https://docs.openreferral.org), the exchange format of social-service
// directories, so referral tools and other directories can import our listings as they are.
//
// Shape: HSDS 3.0 JSON is a set of nested objects with no official multi-record file, so
// the file is one API Reference `Page` (as `GET /services` answers) whose `contents` hold
// every service fully dereferenced, as `GET /services/{id}` would: organization, phones,
// schedules, languages, attributes (our vocabularies as taxonomy terms) and one
// service_at_location with its location, address and accessibility.
//
// Identifiers: HSDS requires UUIDs. Ours are slugs, so every id is a UUID v5 (RFC 4122
// §4.3: SHA-1, URL namespace) of `passerelle:<object>:<key>`: the same listing always gets
// the same UUIDs, across exports and instances, and anyone can recompute them.
//
// Times: schedules give local wall-clock times in Europe/Brussels ("09:00") and say so in
// `notes`. HSDS' `timezone` is a fixed UTC offset, which cannot describe a zone with
// daylight saving time, so it is left out rather than wrong half of the year.
//
// Nothing from `source` (the submission reference) nor about a submitter is written.
import crypto from 'node:crypto';
import { formatPeriod } from '../../../core/format-fr.ts';
import { formatRange, hoursNotes, joinFr, type TimeRange, typicalWeek, WEEKDAYS_FR } from '../../../core/hours/index.ts';
import { normalizeName } from '../../../core/model/territory.ts';
import type { VocabularyName } from '../../../core/model/vocabularies.ts';
import { initiativeUrl } from '../../../core/urls.ts';
import type { ExportContext, Exporter, PublishedInitiative } from '../../api/types.ts';

/** RFC 4122 Appendix C: the URL namespace. */
const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/** UUID version 5 (RFC 4122 §4.3) of `name` in the URL namespace. */
export function uuidV5(name: string): string {
  const hash = crypto
    .createHash('sha1')
    .update(Buffer.from(URL_NAMESPACE.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const hsdsId = (object: string, key: string) => uuidV5(`passerelle:${object}:${key}`);

// Taxonomy, term and organization ids repeat in every service: compute each once.
const sharedIds = new Map<string, string>();
function sharedId(object: string, key: string): string {
  const name = `${object}:${key}`;
  let id = sharedIds.get(name);
  if (!id) {
    id = hsdsId(object, key);
    if (sharedIds.size > 10_000) sharedIds.clear();
    sharedIds.set(name, id);
  }
  return id;
}

// ---- The HSDS 3.0 objects we write (field names and required fields as in the standard) ----

export interface HsdsTaxonomyTerm {
  id: string;
  code: string;
  name: string;
  description: string;
  /** The taxonomy's name; its full record is left out (it would repeat in every attribute). */
  taxonomy: string;
  taxonomy_id: string;
  language: string;
}

export interface HsdsAttribute {
  id: string;
  link_id: string;
  link_type: string;
  link_entity: 'service';
  taxonomy_term_id: string;
  taxonomy_term: HsdsTaxonomyTerm;
}

export interface HsdsSchedule {
  id: string;
  service_id: string;
  valid_from?: string;
  valid_to?: string;
  dtstart?: string;
  freq?: 'WEEKLY';
  wkst?: 'MO';
  byday?: string;
  opens_at?: string;
  closes_at?: string;
  description: string;
  notes?: string;
}

export interface HsdsPhone {
  id: string;
  service_id: string;
  number: string;
  type: 'voice';
}

export interface HsdsLanguage {
  id: string;
  service_id: string;
  name: string;
  code: string;
}

export interface HsdsAddress {
  id: string;
  location_id: string;
  address_1: string;
  city: string;
  region: string;
  state_province: string;
  postal_code: string;
  country: string;
  address_type: 'physical';
}

export interface HsdsAccessibility {
  id: string;
  location_id: string;
  description: string;
}

export interface HsdsLocation {
  id: string;
  location_type: 'physical';
  organization_id: string;
  name: string;
  latitude: number;
  longitude: number;
  addresses: HsdsAddress[];
  accessibility: HsdsAccessibility[];
}

export interface HsdsServiceAtLocation {
  id: string;
  service_id: string;
  location_id: string;
  location: HsdsLocation;
}

export interface HsdsOrganization {
  id: string;
  name: string;
  description: string;
  website?: string;
}

export interface HsdsService {
  id: string;
  organization_id: string;
  name: string;
  description: string;
  url: string;
  email?: string;
  status: 'active';
  application_process: string;
  fees_description: string;
  eligibility_description: string;
  assured_date: string;
  last_modified: string;
  organization: HsdsOrganization;
  phones: HsdsPhone[];
  schedules: HsdsSchedule[];
  languages: HsdsLanguage[];
  service_at_locations: HsdsServiceAtLocation[];
  attributes: HsdsAttribute[];
}

/** The API Reference's `Page` (HSDS 3.0 API, "Lists and pagination"), holding every service. */
export interface HsdsServicePage {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: HsdsService[];
}

// ---- Mapping ----

const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** Our vocabularies published as HSDS taxonomies, and what each term says of a service (`link_type`). */
const TAXONOMIES: { vocabulary: VocabularyName; linkType: string; name: string }[] = [
  { vocabulary: 'kinds', linkType: 'kind', name: 'Passerelle — types de lieu' },
  { vocabulary: 'services', linkType: 'service', name: 'Passerelle — services' },
  { vocabulary: 'publics', linkType: 'audience', name: 'Passerelle — publics' },
  { vocabulary: 'support', linkType: 'support', name: 'Passerelle — prises en charge spécifiques' },
  { vocabulary: 'access_modes', linkType: 'access_mode', name: "Passerelle — modes d'accès" },
  { vocabulary: 'costs', linkType: 'cost', name: 'Passerelle — coûts' },
  { vocabulary: 'appointments', linkType: 'appointment', name: 'Passerelle — rendez-vous' },
];

function slugsOf(i: PublishedInitiative, vocabulary: VocabularyName): string[] {
  switch (vocabulary) {
    case 'kinds':
      return [i.kind];
    case 'services':
      return i.services;
    case 'publics':
      return i.publics;
    case 'support':
      return i.support ?? [];
    case 'access_modes':
      return i.access.modes;
    case 'costs':
      return [i.access.cost];
    case 'appointments':
      return [i.access.appointment];
    default:
      return [];
  }
}

function attributes(i: PublishedInitiative, serviceId: string, context: ExportContext): HsdsAttribute[] {
  const v = context.model.vocabularies;
  return TAXONOMIES.flatMap((t) => {
    const taxonomyId = sharedId('taxonomy', t.vocabulary);
    return slugsOf(i, t.vocabulary).map((slug) => {
      const term = v[t.vocabulary].find((x) => x.slug === slug);
      const termId = sharedId('taxonomy_term', `${t.vocabulary}:${slug}`);
      return {
        id: hsdsId('attribute', `${i.id}:${t.vocabulary}:${slug}`),
        link_id: serviceId,
        link_type: t.linkType,
        link_entity: 'service' as const,
        taxonomy_term_id: termId,
        taxonomy_term: {
          id: termId,
          code: slug,
          name: v.label(t.vocabulary, slug),
          description: term?.description ?? term?.standard ?? v.label(t.vocabulary, slug),
          taxonomy: t.name,
          taxonomy_id: taxonomyId,
          language: 'fr',
        },
      };
    });
  });
}

/** One weekly row per distinct time range, listing the days it applies to (Monday first). */
function weeklyRows(week: TimeRange[][]): { days: number[]; range: TimeRange }[] {
  const rows = new Map<string, { days: number[]; range: TimeRange }>();
  week.forEach((ranges, day) => {
    for (const range of ranges) {
      const key = `${range.from}-${range.to}`;
      const row = rows.get(key) ?? { days: [], range };
      row.days.push(day);
      rows.set(key, row);
    }
  });
  return [...rows.values()].sort((a, b) => (a.days[0] ?? 0) - (b.days[0] ?? 0) || (a.range.from < b.range.from ? -1 : 1));
}

/** HSDS `HH:MM`; opening_hours writes the end of a day as 24:00, HSDS has no such time. */
const hsdsTime = (t: string) => (t === '24:00' ? '23:59' : t);

function schedules(i: PublishedInitiative, serviceId: string, generatedAt: Date): HsdsSchedule[] {
  const start = i.period?.start;
  const end = i.period?.end ?? start;
  const validity = start && end ? { valid_from: start, valid_to: end } : {};
  if (!i.hours) {
    if (!start || !end) return [];
    return [{ id: hsdsId('schedule', `${i.id}:period`), service_id: serviceId, ...validity, dtstart: start, description: formatPeriod(start, end) }];
  }
  // The week shown is the week of the first session for dated initiatives, else the export's week.
  const reference = start ? new Date(`${start}T12:00:00`) : generatedAt;
  const notes = [`Heures locales de Bruxelles (Europe/Brussels). Horaires au format OpenStreetMap : « ${i.hours} ».`, ...hoursNotes(i.hours)].join(' ');
  const rows = weeklyRows(typicalWeek(i.hours, reference));
  if (!rows.length) {
    return [{ id: hsdsId('schedule', `${i.id}:hours`), service_id: serviceId, ...validity, description: `Horaires : ${i.hours}`, notes }];
  }
  return rows.map(({ days, range }) => ({
    id: hsdsId('schedule', `${i.id}:${days.join(',')}:${range.from}-${range.to}`),
    service_id: serviceId,
    ...validity,
    ...(start ? { dtstart: start } : {}),
    freq: 'WEEKLY' as const,
    wkst: 'MO' as const,
    byday: days.map((d) => DAY_CODES[d]).join(','),
    opens_at: hsdsTime(range.from),
    closes_at: hsdsTime(range.to),
    description: `Le ${joinFr(days.map((d) => WEEKDAYS_FR[d] ?? ''))} : ${formatRange(range).text}${start && end ? ` (${formatPeriod(start, end).toLowerCase()})` : ''}.`,
    notes,
  }));
}

interface OrganisationRecord {
  name: string;
  website?: string;
}

function organizationOf(i: PublishedInitiative, organisations: Map<string, OrganisationRecord>): HsdsOrganization {
  const key = normalizeName(i.organisation.name);
  const { name, website } = organisations.get(key) ?? i.organisation;
  return {
    id: sharedId('organization', key),
    name,
    description: `${name} : organisation qui propose des services d'inclusion numérique référencés dans l'annuaire Passerelle.`,
    ...(website ? { website } : {}),
  };
}

function service(i: PublishedInitiative, context: ExportContext, organisations: Map<string, OrganisationRecord>): HsdsService {
  const v = context.model.vocabularies;
  const serviceId = hsdsId('service', i.id);
  const locationId = hsdsId('location', i.id);
  const organization = organizationOf(i, organisations);
  const communeName = context.model.territory.commune(i.address.commune)?.name ?? i.address.commune;
  const modes = i.access.modes.map((m) => v.label('access_modes', m)).join(', ');
  return {
    id: serviceId,
    organization_id: organization.id,
    name: i.name,
    description: [i.summary, i.description].filter(Boolean).join('\n\n'),
    url: initiativeUrl(context.siteUrl, i.id),
    ...(i.contact?.email ? { email: i.contact.email } : {}),
    status: 'active',
    application_process: `${v.label('appointments', i.access.appointment)}. ${modes}.`,
    fees_description: v.label('costs', i.access.cost),
    eligibility_description: i.publics.map((p) => v.label('publics', p)).join(', '),
    assured_date: i.updated,
    // Local midnight of the day it was last updated, as an instant.
    last_modified: new Date(`${i.updated}T00:00:00`).toISOString(),
    organization,
    phones: i.contact?.phone ? [{ id: hsdsId('phone', i.id), service_id: serviceId, number: i.contact.phone, type: 'voice' }] : [],
    schedules: schedules(i, serviceId, context.generatedAt),
    languages: i.languages.map((code) => ({ id: hsdsId('language', `${i.id}:${code}`), service_id: serviceId, name: v.label('languages', code), code })),
    service_at_locations: [
      {
        id: hsdsId('service_at_location', i.id),
        service_id: serviceId,
        location_id: locationId,
        location: {
          id: locationId,
          location_type: 'physical',
          organization_id: organization.id,
          name: i.name,
          latitude: i.geo.lat,
          longitude: i.geo.lng,
          addresses: [
            {
              id: hsdsId('address', i.id),
              location_id: locationId,
              address_1: i.address.street,
              city: i.address.locality,
              region: communeName,
              state_province: 'Hainaut',
              postal_code: i.address.postcode,
              country: 'BE',
              address_type: 'physical',
            },
          ],
          accessibility: (i.access.accessibility ?? []).map((a) => ({
            id: hsdsId('accessibility', `${i.id}:${a}`),
            location_id: locationId,
            description: v.label('accessibility', a),
          })),
        },
      },
    ],
    attributes: attributes(i, serviceId, context),
  };
}

export function toHsds(initiatives: PublishedInitiative[], context: ExportContext): HsdsServicePage {
  const active = initiatives.filter((i) => i.status === 'active').sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // One organization per name (compared without case or accents): the name as first
  // written and the first website given, in id order.
  const organisations = new Map<string, OrganisationRecord>();
  for (const i of active) {
    const key = normalizeName(i.organisation.name);
    const known = organisations.get(key);
    if (!known) organisations.set(key, { name: i.organisation.name, website: i.organisation.website });
    else if (!known.website && i.organisation.website) known.website = i.organisation.website;
  }
  const contents = active.map((i) => service(i, context, organisations));
  return {
    total_items: contents.length,
    total_pages: 1,
    page_number: 1,
    size: contents.length,
    first_page: true,
    last_page: true,
    empty: contents.length === 0,
    contents,
  };
}

export const hsdsExporter: Exporter = {
  format: 'hsds',
  label: 'Open Referral HSDS 3.0 (JSON)',
  description: "Les services au format international Open Referral (HSDS 3.0), pour les outils d'orientation sociale et les autres annuaires de services.",
  fileName: 'hsds.json',
  contentType: 'application/json; charset=utf-8',
  export: (initiatives, context) => {
    // One service per line: compact, yet readable and diffable line by line.
    const { contents, ...page } = toHsds(initiatives, context);
    const head = JSON.stringify(page).slice(0, -1);
    return `${head},"contents":[${contents.length ? `\n${contents.map((c) => JSON.stringify(c)).join(',\n')}\n` : ''}]}\n`;
  },
};
