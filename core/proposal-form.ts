// The proposal form's fields (flat names, as an HTML form posts them): their French labels,
// the values a published listing fills them with, and the submission JSON of
// POST /api/submissions they make. One module for every way in: the page's script (JSON),
// the plain no-JavaScript post handled by the server, the tracking page's corrections and
// the moderation desk's edits. A correction sends only what changed (a patch, see
// model/initiative-patch.ts). Hours come from the weekly editor (one field per day, plus a
// line for the rest) as French text, `initiative.hoursText`, which the server understands.
import { formatClosure, formatRanges, formatRule, WEEKDAYS_FR } from './hours/format.ts';
import { readOpeningHours } from './hours/french-input.ts';
import type { ContentModel } from './model/content-model.ts';
import type { InitiativeFields } from './model/initiative.ts';
import { diffPatch } from './model/initiative-patch.ts';

export type FormFields = Record<string, string | string[] | undefined>;

/** The editor's day fields, Monday first. */
export const DAY_FIELDS = ['hours_mo', 'hours_tu', 'hours_we', 'hours_th', 'hours_fr', 'hours_sa', 'hours_su'] as const;
/** Every field of the hours editor (they make `hours` together). */
export const HOURS_FIELDS = [...DAY_FIELDS, 'hours_more', 'hours_holidays', 'hours_appointment'] as const;

/** French label of each form field: the form's labels, error summaries and the moderators' diff say the same words. */
export const FIELD_LABELS: Record<string, string> = {
  targetId: 'Fiche concernée',
  name: 'Nom',
  kind: 'Type',
  summary: 'Résumé, en une ou deux phrases',
  description: 'Description plus longue',
  organisation_name: 'Organisation',
  organisation_website: "Site de l'organisation",
  services: "L'aide proposée",
  publics: 'Pour qui',
  support: 'Aide adaptée',
  languages: 'Langues parlées',
  access_cost: 'Prix',
  access_appointment: 'Rendez-vous',
  access_modes: 'Pour venir',
  access_accessibility: 'Accessibilité',
  address_street: 'Rue et numéro',
  address_postcode: 'Code postal',
  address_locality: 'Localité',
  address_commune: 'Commune',
  hours: 'Horaires',
  period_start: 'Date de début',
  period_end: 'Date de fin',
  contact_phone: 'Téléphone',
  contact_email: 'E-mail',
  contact_website: "Page web de l'initiative",
  closure_closed: 'Fermé pour un temps',
  closure_reason: 'Raison de la fermeture',
  closure_until: "Fermé jusqu'au",
  message: 'Message',
  submitter_name: 'Votre nom',
  submitter_email: 'Votre e-mail',
  submitter_organisation: 'Votre association ou service',
};

/** Labels of initiative paths the diff and the API speak of (`contact.phone` → Téléphone). */
export const PATH_LABELS: Record<string, string> = {
  name: FIELD_LABELS.name ?? '',
  kind: 'Type',
  summary: 'Résumé',
  description: 'Description',
  organisation: 'Organisation',
  'organisation.name': 'Organisation',
  'organisation.website': "Site de l'organisation",
  services: "L'aide proposée",
  publics: 'Pour qui',
  support: 'Aide adaptée',
  languages: 'Langues parlées',
  access: 'Accès',
  'access.cost': 'Prix',
  'access.appointment': 'Rendez-vous',
  'access.modes': 'Pour venir',
  'access.accessibility': 'Accessibilité',
  address: 'Adresse',
  'address.street': 'Rue et numéro',
  'address.postcode': 'Code postal',
  'address.locality': 'Localité',
  'address.commune': 'Commune',
  geo: 'Point sur la carte',
  'geo.lat': 'Point sur la carte',
  'geo.lng': 'Point sur la carte',
  hours: 'Horaires',
  hoursText: 'Horaires',
  contact: 'Contact',
  'contact.phone': 'Téléphone',
  'contact.email': 'E-mail',
  'contact.website': "Page web de l'initiative",
  period: 'Dates',
  'period.start': 'Date de début',
  'period.end': 'Date de fin',
  closure: 'Fermeture temporaire',
  'closure.reason': 'Raison de la fermeture',
  'closure.until': "Fermé jusqu'au",
  extra: 'Informations complémentaires',
};

/** The French label of an initiative path (`address.postcode`), or of its first part. */
export function labelOfPath(path: string): string {
  const clean = path.replace(/^(initiative|edits)\./, '');
  return PATH_LABELS[clean] ?? PATH_LABELS[clean.split('.').slice(0, 2).join('.')] ?? PATH_LABELS[clean.split('.')[0] ?? ''] ?? clean;
}

/** Form fields that exist (an error on another path is shown on the nearest one). */
const NEAREST: Record<string, string> = {
  initiative: 'name',
  'initiative.organisation': 'organisation_name',
  'initiative.access': 'access_cost',
  'initiative.address': 'address_street',
  'initiative.geo': 'address_postcode',
  'initiative.hours': 'hours',
  'initiative.hoursText': 'hours',
  'initiative.contact': 'contact_phone',
  'initiative.period': 'period_start',
  'initiative.closure': 'closure_reason',
  submitter: 'submitter_name',
};

/** Field name in the form for a path of the API's `fields` (initiative.address.street → address_street, initiative.period → period_start). */
export function formFieldFor(path: string): string {
  const clean = path.replace(/^edits\./, 'initiative.').replace(/\.\d+$/, '');
  const direct = clean.replace(/^initiative\./, '').replace(/\./g, '_');
  if (direct in FIELD_LABELS) return direct;
  return NEAREST[clean] ?? NEAREST[clean.split('.').slice(0, 2).join('.')] ?? direct;
}

/** The label to name a field in a summary of errors (never its code). */
export function labelOfField(name: string): string {
  return FIELD_LABELS[name] ?? FIELD_LABELS[formFieldFor(name)] ?? labelOfPath(name);
}

// ---- Choices ----

export interface Choice {
  value: string;
  label: string;
}

export interface ProposalVocabularies {
  kinds: Choice[];
  services: Choice[];
  publics: Choice[];
  support: Choice[];
  languages: Choice[];
  costs: Choice[];
  appointments: Choice[];
  accessModes: Choice[];
  accessibility: Choice[];
  communes: Choice[];
  /** What each postcode says: its communes and localities (the commune is asked only when there are several). */
  postcodes: Record<string, { communes: string[]; localities: string[] }>;
}

/** The form's choices, from the vocabularies and the territory (the site's build and the server give the same). */
export function proposalVocabularies(model: Pick<ContentModel, 'vocabularies' | 'territory'>): ProposalVocabularies {
  const v = model.vocabularies;
  const choices = (name: Parameters<typeof v.slugs>[0]) => v[name].map((t) => ({ value: t.slug, label: t.label }));
  const postcodes: ProposalVocabularies['postcodes'] = {};
  for (const s of model.territory.sections) {
    const entry = postcodes[s.postcode] ?? { communes: [], localities: [] };
    postcodes[s.postcode] = entry;
    if (!entry.communes.includes(s.commune)) entry.communes.push(s.commune);
    if (!entry.localities.includes(s.name)) entry.localities.push(s.name);
  }
  return {
    kinds: choices('kinds'),
    services: choices('services'),
    publics: choices('publics'),
    support: choices('support'),
    languages: choices('languages'),
    costs: choices('costs'),
    appointments: choices('appointments'),
    accessModes: choices('access_modes'),
    accessibility: choices('accessibility'),
    communes: model.territory.communes.map((c) => ({ value: c.slug, label: c.name })),
    postcodes,
  };
}

// ---- Reading the fields ----

const one = (f: FormFields, name: string): string | undefined => {
  const v = f[name];
  const s = (Array.isArray(v) ? v[0] : v)?.trim();
  return s ? s : undefined;
};
const many = (f: FormFields, name: string): string[] => {
  const v = f[name];
  return [...new Set((Array.isArray(v) ? v : v ? [v] : []).map((s) => s.trim()).filter(Boolean))];
};
const checked = (f: FormFields, name: string) => one(f, name) !== undefined;
const compact = <T extends Record<string, unknown>>(o: T): Partial<T> | undefined => {
  const entries = Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0));
  return entries.length ? (Object.fromEntries(entries) as Partial<T>) : undefined;
};

/** The listing a correction is about: its identifier, also from a pasted address (…/annuaire/<id>). */
export function targetFromInput(text: string | undefined): string | undefined {
  const value = text?.trim();
  if (!value) return undefined;
  const fromUrl = /\/annuaire\/([a-z0-9-]{3,80})(?:[/?#.]|$)/.exec(value);
  return fromUrl?.[1] ?? value;
}

/**
 * The hours editor as French text for the server: each day's times, then the free line,
 * appointment and holidays; empty when nothing is given (hours unknown).
 */
export function composeHoursText(f: FormFields): string {
  const parts = DAY_FIELDS.flatMap((name, day) => {
    const text = one(f, name);
    return text ? [`${WEEKDAYS_FR[day]} ${text}`] : [];
  });
  const more = one(f, 'hours_more');
  if (more) parts.push(more);
  if (checked(f, 'hours_appointment')) parts.push('sur rendez-vous');
  if (!parts.length) return '';
  parts.push(checked(f, 'hours_holidays') ? 'fermé les jours fériés' : 'ouvert les jours fériés');
  return parts.join(' ; ');
}

/** The editor's fields for an OSM value (days, the rest in French), or the raw value when the editor cannot show it. */
export function hoursFormValues(hours: string | undefined): FormFields {
  const out: FormFields = {};
  if (!hours) {
    out.hours_holidays = 'on';
    return out;
  }
  const structure = readOpeningHours(hours);
  if (!structure) {
    out.hours_more = hours;
    return out;
  }
  const rest: string[] = [];
  for (const rule of structure.rules) {
    if (rule.nth?.length) {
      rest.push(formatRule(rule));
      continue;
    }
    for (const d of rule.days) out[DAY_FIELDS[d] ?? 'hours_mo'] = formatRanges(rule.ranges).replace(/\u00a0/g, ' ');
  }
  for (const c of structure.closures) rest.push(formatClosure(c).replace(/^F/, 'f'));
  if (rest.length) out.hours_more = rest.join(' ; ').replace(/\u00a0/g, ' ');
  if (structure.holidaysClosed) out.hours_holidays = 'on';
  if (structure.appointment) out.hours_appointment = 'on';
  return out;
}

/** The form's values for a listing (a correction opens pre-filled; the moderation desk edits a proposal). */
export function formValuesOf(i: Partial<InitiativeFields>): FormFields {
  const f: FormFields = {
    name: i.name,
    kind: i.kind,
    summary: i.summary,
    description: i.description,
    organisation_name: i.organisation?.name,
    organisation_website: i.organisation?.website,
    services: i.services ?? [],
    publics: i.publics ?? [],
    support: i.support ?? [],
    languages: i.languages ?? [],
    access_cost: i.access?.cost,
    access_appointment: i.access?.appointment,
    access_modes: i.access?.modes ?? [],
    access_accessibility: i.access?.accessibility ?? [],
    address_street: i.address?.street,
    address_postcode: i.address?.postcode,
    address_locality: i.address?.locality,
    address_commune: i.address?.commune,
    ...hoursFormValues(i.hours),
    period_start: i.period?.start,
    period_end: i.period?.end,
    contact_phone: i.contact?.phone,
    contact_email: i.contact?.email,
    contact_website: i.contact?.website,
    closure_closed: i.closure ? 'on' : undefined,
    closure_reason: i.closure?.reason,
    closure_until: i.closure?.until,
  };
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined));
}

/** What a new proposal's form starts with: French spoken, for everyone, closed on public holidays. */
export const NEW_PROPOSAL_VALUES: FormFields = { languages: ['fr'], publics: ['tout-public'], hours_holidays: 'on' };

/** The initiative the fields describe (hours left out: they travel as French text). */
function initiativeOf(f: FormFields): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify({
      name: one(f, 'name'),
      kind: one(f, 'kind'),
      summary: one(f, 'summary'),
      description: one(f, 'description'),
      organisation: compact({ name: one(f, 'organisation_name'), website: one(f, 'organisation_website') }),
      services: many(f, 'services'),
      publics: many(f, 'publics'),
      support: many(f, 'support').length ? many(f, 'support') : undefined,
      languages: many(f, 'languages'),
      access: {
        cost: one(f, 'access_cost'),
        appointment: one(f, 'access_appointment'),
        modes: many(f, 'access_modes'),
        accessibility: many(f, 'access_accessibility'),
      },
      address: compact({
        street: one(f, 'address_street'),
        postcode: one(f, 'address_postcode'),
        locality: one(f, 'address_locality'),
        commune: one(f, 'address_commune'),
      }),
      contact: compact({ phone: one(f, 'contact_phone'), email: one(f, 'contact_email'), website: one(f, 'contact_website') }),
      period: compact({ start: one(f, 'period_start'), end: one(f, 'period_end') }),
      closure: checked(f, 'closure_closed') ? compact({ reason: one(f, 'closure_reason') ?? '', until: one(f, 'closure_until') }) : undefined,
    }),
  ) as Record<string, unknown>;
}

const hoursChanged = (f: FormFields, base: FormFields) => HOURS_FIELDS.some((name) => (one(f, name) ?? '') !== (one(base, name) ?? ''));

/**
 * The initiative part of a submission: everything for a new listing; for a correction
 * (`base` = the form's values of the listing as it is), only what the person changed,
 * with `null` for what they emptied.
 */
export function initiativeFromForm(f: FormFields, base?: FormFields): Record<string, unknown> {
  const current = initiativeOf(f);
  if (!base) {
    const hoursText = composeHoursText(f);
    return { ...current, ...(hoursText ? { hoursText } : {}) };
  }
  // A commune the page did not ask (the postcode says it) is not a change: the server derives it.
  const before = initiativeOf('address_commune' in f ? base : { ...base, address_commune: undefined });
  // A changed postcode alone: the server derives the commune and locality again.
  const patch = diffPatch(before, current);
  if (hoursChanged(f, base)) patch.hoursText = composeHoursText(f);
  return patch;
}

/** The submission JSON of POST /api/submissions. With `base`, a correction sends only what changed. */
export function formToSubmission(f: FormFields, { base }: { base?: FormFields } = {}): Record<string, unknown> {
  const type = one(f, 'type') ?? 'create';
  const initiative = type === 'report' ? undefined : initiativeFromForm(f, type === 'update' ? base : undefined);
  return JSON.parse(
    JSON.stringify({
      type,
      targetId: targetFromInput(one(f, 'targetId')),
      initiative,
      message: one(f, 'message'),
      submitter: {
        name: one(f, 'submitter_name') ?? '',
        email: one(f, 'submitter_email') ?? '',
        organisation: one(f, 'submitter_organisation') ?? (type === 'create' ? one(f, 'organisation_name') : undefined),
      },
      website: one(f, 'website'),
    }),
  ) as Record<string, unknown>;
}

/** Fields read from a posted form or a FormData (several values under one name become a list). */
export function fieldsOf(entries: Iterable<[string, unknown]>): FormFields {
  const out: FormFields = {};
  for (const [key, value] of entries) {
    if (typeof value !== 'string') continue;
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}
