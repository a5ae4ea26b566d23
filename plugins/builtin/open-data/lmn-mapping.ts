// The mapping between one of our initiatives and one record of the French open-data
// standard « lieux de médiation numérique » (LaMednum/standard-mediation-num, v1.0.1 as
// published on schema.data.gouv.fr), in both directions, so the directory can be merged
// into the French national map and a French dataset can be imported into ours. The file
// formats (JSON, CSV) live in lmn.ts; this module only knows records.
//
// Standard v1.0.1 in short: a flat table of 32 columns (LMN_FIELDS, in the standard's
// order); multi-valued columns hold their values separated by `|`; controlled columns take
// the exact values listed by the standard; required: id, pivot, nom, commune, code_postal,
// adresse, date_maj.
//
// Our → standard (toLmn):
// - vocabularies go through each term's `standard` value; terms without one (Belgian
//   additions such as `tout-public`) are left out. v1.0.1 keeps only the part of a value
//   before « : » (« Gratuit », not « Gratuit : Je peux accéder… », as in the drafts our
//   vocabularies.yml quotes): `lmnValue` writes that short form, and reading accepts both.
// - `commune` is our locality (the section: « Marcinelle »), as Belgian addresses write it.
// - `pivot` (a French SIRET/RNA, required) gets the placeholder the national data uses for
//   an unknown one, LMN_PIVOT_PLACEHOLDER. `code_insee` is left out: no Belgian place has one.
// - `telephone` is written in international form without spaces, as the standard asks
//   (« 071 12 34 56 » → « +3271123456 »).
// - Two deviations remain, as the standard is French: `code_postal` has 4 digits (its
//   pattern wants 5) and `telephone` starts with +32 (its pattern lists French prefixes).
// - Never written: `source.submission` and anything about a submitter (not even read).
//
// Standard → our (fromLmn): see the defaults documented on `fromLmn`. What cannot be
// mapped is returned as French warnings next to the fields, for the import report.
import { hoursError } from '../../../core/hours/index.ts';
import type { ContentModel } from '../../../core/model/index.ts';
import { normalizeName, type Section, type Territory } from '../../../core/model/territory.ts';
import type { Term, Vocabularies, VocabularyName } from '../../../core/model/vocabularies.ts';
import type { PublishedInitiative } from '../../api/types.ts';

/** Every column of the standard v1.0.1, in its order (CSV files must have them all, in this order). */
export const LMN_FIELDS = [
  'id',
  'pivot',
  'nom',
  'commune',
  'code_postal',
  'code_insee',
  'adresse',
  'complement_adresse',
  'latitude',
  'longitude',
  'typologie',
  'telephone',
  'courriels',
  'site_web',
  'horaires',
  'presentation_resume',
  'presentation_detail',
  'source',
  'itinerance',
  'structure_parente',
  'date_maj',
  'services',
  'publics_specifiquement_adresses',
  'prise_en_charge_specifique',
  'frais_a_charge',
  'dispositif_programmes_nationaux',
  'formations_labels',
  'autres_formations_labels',
  'modalites_acces',
  'modalites_accompagnement',
  'fiche_acces_libre',
  'prise_rdv',
] as const;
export type LmnField = (typeof LMN_FIELDS)[number];

/** Columns the standard requires. */
export const LMN_REQUIRED_FIELDS: readonly LmnField[] = ['id', 'pivot', 'nom', 'commune', 'code_postal', 'adresse', 'date_maj'];

/** Separator of multi-valued columns in v1.0.1. */
export const LMN_LIST_SEPARATOR = '|';

/** The SIRET placeholder of the national data for a place without a known one (14 zeros). */
export const LMN_PIVOT_PLACEHOLDER = '00000000000000';

/** What we write in `source` (« structure collectant la donnée »). */
export const LMN_SOURCE = 'Passerelle';

/** One record as we write it: the columns we fill, the others are left empty (a type, so it reads as LmnInput). */
export type LmnRecord = {
  id: string;
  pivot: string;
  nom: string;
  commune: string;
  code_postal: string;
  adresse: string;
  latitude: number;
  longitude: number;
  telephone?: string;
  courriels?: string;
  site_web?: string;
  horaires?: string;
  presentation_resume: string;
  presentation_detail?: string;
  source: string;
  structure_parente: string;
  date_maj: string;
  services?: string;
  publics_specifiquement_adresses?: string;
  prise_en_charge_specifique?: string;
  frais_a_charge?: string;
  modalites_acces?: string;
};

/** A record as read from someone else's file: any column, strings (CSV) or JSON values. */
export type LmnInput = Readonly<Record<string, unknown>>;

/** Our initiative fields built from a record, and what could not be carried over (French). */
export interface LmnImport {
  fields: Record<string, unknown>;
  warnings: string[];
}

/** The standard's controlled columns and the vocabulary each one maps to. */
const VOCABULARY_COLUMNS = {
  services: 'services',
  publics_specifiquement_adresses: 'publics',
  prise_en_charge_specifique: 'support',
  modalites_acces: 'access_modes',
  frais_a_charge: 'costs',
} as const satisfies Partial<Record<LmnField, VocabularyName>>;
type VocabularyColumn = keyof typeof VOCABULARY_COLUMNS;

/**
 * Our fields that survive our → standard → our, as dotted paths. Vocabulary fields survive
 * only for terms with a `standard` value; the phone survives in international form. Compare
 * two initiatives on these with `lmnComparable`.
 */
export const LMN_MAPPED_FIELDS = [
  'name',
  'summary',
  'description',
  'organisation.name',
  'services',
  'publics',
  'support',
  'access.cost',
  'access.modes',
  'address.street',
  'address.postcode',
  'address.locality',
  'address.commune',
  'geo.lat',
  'geo.lng',
  'hours',
  'contact.phone',
  'contact.email',
  'contact.website',
] as const;
export type LmnMappedField = (typeof LMN_MAPPED_FIELDS)[number];

/** The value of a term in v1.0.1: the `standard` value up to « : », if any. */
export function lmnValue(term: Term): string | undefined {
  return term.standard?.split(' : ')[0]?.trim();
}

/** International form without spaces, as the standard asks; Belgian numbers get +32, « (0) » goes. */
export function lmnPhone(phone: string): string {
  const compact = phone.replace(/\(0\)/g, '').replace(/[^\d+]/g, '');
  if (compact.startsWith('+')) return compact;
  if (compact.startsWith('00')) return `+${compact.slice(2)}`;
  if (compact.startsWith('0')) return `+32${compact.slice(1)}`;
  return compact;
}

function standardList(vocabularies: Vocabularies, name: VocabularyName, slugs: readonly string[] | undefined): string | undefined {
  const values = (slugs ?? [])
    .map((slug) => vocabularies[name].find((t) => t.slug === slug))
    .map((term) => (term ? lmnValue(term) : undefined))
    .filter((v): v is string => Boolean(v));
  return values.length ? [...new Set(values)].join(LMN_LIST_SEPARATOR) : undefined;
}

/** One initiative as a record of the standard. Only public fields are read. */
export function toLmn(initiative: PublishedInitiative, context: { model: ContentModel }): LmnRecord {
  const v = context.model.vocabularies;
  const i = initiative;
  return withoutUndefined<LmnRecord>({
    id: i.id,
    pivot: LMN_PIVOT_PLACEHOLDER,
    nom: i.name,
    commune: i.address.locality,
    code_postal: i.address.postcode,
    adresse: i.address.street,
    latitude: i.geo.lat,
    longitude: i.geo.lng,
    telephone: i.contact?.phone ? lmnPhone(i.contact.phone) : undefined,
    courriels: i.contact?.email,
    site_web: i.contact?.website,
    horaires: i.hours,
    presentation_resume: i.summary,
    presentation_detail: i.description,
    source: LMN_SOURCE,
    structure_parente: i.organisation.name,
    date_maj: i.updated,
    services: standardList(v, 'services', i.services),
    publics_specifiquement_adresses: standardList(v, 'publics', i.publics),
    prise_en_charge_specifique: standardList(v, 'support', i.support),
    frais_a_charge: standardList(v, 'costs', [i.access.cost]),
    modalites_acces: standardList(v, 'access_modes', i.access.modes),
  });
}

/** Empty columns absent rather than undefined, so a record holds exactly what is written. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

// ---------------------------------------------------------------- standard → our

/** Text of a cell: trimmed string, numbers as written, empty → undefined. */
function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  return t ? t : undefined;
}

/** Values of a multi-valued cell: `|` (v1.0.1), `;` (drafts) or a JSON array. */
function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(text).filter((v): v is string => Boolean(v));
  const t = text(value);
  return t
    ? t
        .split(/[|;]/)
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
}

function number(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const t = text(value);
  if (!t) return undefined;
  const n = Number(t.replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

/** Slugs of a vocabulary by standard value, full or short form, compared without case or accents. */
function slugsByValue(vocabularies: Vocabularies, name: VocabularyName): Map<string, string> {
  const map = new Map<string, string>();
  for (const term of vocabularies[name]) {
    if (!term.standard) continue;
    map.set(normalizeName(term.standard), term.slug);
    map.set(normalizeName(lmnValue(term) ?? term.standard), term.slug);
  }
  return map;
}

function fromVocabularyColumn(record: LmnInput, column: VocabularyColumn, vocabularies: Vocabularies, warnings: string[]): string[] {
  const bySlug = slugsByValue(vocabularies, VOCABULARY_COLUMNS[column]);
  const slugs: string[] = [];
  for (const value of list(record[column])) {
    const slug = bySlug.get(normalizeName(value));
    if (!slug) warnings.push(`« ${value} » (${column}) n'a pas d'équivalent dans nos listes : valeur ignorée.`);
    else if (!slugs.includes(slug)) slugs.push(slug);
  }
  return slugs;
}

/** The term of a vocabulary whose standard value is `value` (short form), if we have it. */
function slugOf(vocabularies: Vocabularies, name: VocabularyName, value: string): string | undefined {
  return vocabularies[name].find((t) => lmnValue(t) === value)?.slug;
}

interface Located {
  commune?: string;
  section?: Section;
}

/**
 * Our commune from the postcode; when several communes share it, the one with a section
 * (or commune) named like `commune`. An unknown postcode falls back on the name alone.
 */
export function locate(territory: Territory, postcode: string | undefined, name: string | undefined, warnings: string[]): Located {
  const key = name ? normalizeName(name) : '';
  const named = (s: Section) => normalizeName(s.name) === key || normalizeName(s.communeName) === key;
  const sections = postcode ? territory.sectionsByPostcode(postcode) : [];
  if (sections.length) {
    const communes = [...new Set(sections.map((s) => s.commune))];
    const match = sections.find((s) => normalizeName(s.name) === key) ?? sections.find(named);
    if (communes.length === 1) return { commune: communes[0], section: match ?? sections[0] };
    if (match) return { commune: match.commune, section: match };
    warnings.push(
      `Le code postal ${postcode} est partagé par plusieurs communes (${communes.join(', ')}) et « ${name ?? ''} » n'en désigne aucune : précisez la commune.`,
    );
    return {};
  }
  const byName = key ? territory.sections.find(named) : undefined;
  if (byName) {
    warnings.push(`Le code postal « ${postcode ?? ''} » n'est pas celui d'une commune du territoire : commune trouvée par son nom (${byName.communeName}).`);
    return { commune: byName.commune, section: byName };
  }
  warnings.push(`L'adresse (« ${postcode ?? ''} ${name ?? ''} ») n'est pas dans le territoire.`);
  return {};
}

/** Cut at a word boundary, with an ellipsis, to fit `max` characters. */
function shorten(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const SUMMARY_MAX = 280;

/**
 * One record of the standard as our initiative fields (to be validated by the caller).
 *
 * Mapped: nom → name; presentation_resume → summary; presentation_detail → description;
 * structure_parente → organisation.name; adresse (+ complement_adresse) → address.street;
 * code_postal, commune → address.postcode, address.locality, and address.commune (see
 * `locate`); latitude, longitude → geo; horaires → hours; the first of telephone,
 * courriels, site_web → contact; the controlled columns → our slugs via `standard`.
 *
 * Defaults, for what the standard lacks or leaves empty (those of standard columns are
 * reported as warnings, to check at moderation):
 * - kind: `epn` when valid hours are given, else `accompagnement` (needs neither hours nor dates);
 * - languages: `fr`, plus `en` when prise_en_charge_specifique says « Langues étrangères (anglais) »;
 * - services: `maitrise-outils-quotidien` (the most general one) when no value maps, with a warning;
 * - publics: `tout-public` when no value maps (the standard's default is « tout public »);
 * - access.appointment: `sans` when modalites_acces include « Se présenter », else `obligatoire`;
 * - access.modes when empty: « Se présenter » if hours are given, else « Téléphoner » if a
 *   phone is, else « Contacter par mail » if an e-mail is, else « Se présenter »;
 * - access.cost when empty: the term of « Gratuit »; with several values, the first one;
 * - organisation.name when structure_parente is empty: the place's own name;
 * - summary when empty: the start of presentation_detail, else « Lieu de médiation
 *   numérique à <commune>. »; longer than 280 characters: shortened;
 * - geo when missing or unreadable: the approximate centre of the section (territory);
 * - hours that are not valid opening_hours: left out.
 * Lost: pivot, code_insee, typologie, itinerance, dispositif_programmes_nationaux,
 * formations_labels, autres_formations_labels, modalites_accompagnement, fiche_acces_libre,
 * prise_rdv, source, date_maj (ours is set on approval), extra phones, e-mails and sites.
 */
export function fromLmn(record: LmnInput, model: ContentModel): LmnImport {
  const { vocabularies: v, territory } = model;
  const warnings: string[] = [];
  const name = text(record.nom);
  const postcode = text(record.code_postal);
  const locality = text(record.commune);
  const located = locate(territory, postcode, locality, warnings);

  let services = fromVocabularyColumn(record, 'services', v, warnings);
  if (!services.length && v.has('services', DEFAULT_SERVICE)) {
    services = [DEFAULT_SERVICE];
    warnings.push(`Aucun service reconnu (colonne services) : « ${v.label('services', DEFAULT_SERVICE)} » est mis par défaut ; vérifiez-le avant d'approuver.`);
  }
  let publics = fromVocabularyColumn(record, 'publics_specifiquement_adresses', v, warnings);
  if (!publics.length && v.has('publics', 'tout-public')) publics = ['tout-public'];
  const support = fromVocabularyColumn(record, 'prise_en_charge_specifique', v, warnings);

  let hours = text(record.horaires);
  if (hours && hoursError(hours)) {
    warnings.push(`Les horaires « ${hours} » ne sont pas au format opening_hours : ils ne sont pas repris.`);
    hours = undefined;
  }

  const phone = list(record.telephone)[0];
  const email = list(record.courriels)[0];
  const website = list(record.site_web)[0];
  for (const [column, values] of [
    ['telephone', list(record.telephone)],
    ['courriels', list(record.courriels)],
    ['site_web', list(record.site_web)],
  ] as const) {
    if (values.length > 1) warnings.push(`Seule la première valeur de ${column} est reprise ; ignoré : ${values.slice(1).join(', ')}.`);
  }

  let modes = fromVocabularyColumn(record, 'modalites_acces', v, warnings);
  if (!modes.length) {
    const preferred = [hours && 'Se présenter', phone && 'Téléphoner', email && 'Contacter par mail', 'Se présenter'];
    const fallback = preferred.map((value) => (value ? slugOf(v, 'access_modes', value) : undefined)).find(Boolean);
    if (fallback) {
      modes = [fallback];
      warnings.push(`Modalités d'accès non précisées : « ${v.label('access_modes', fallback)} » mis par défaut, à vérifier.`);
    }
  }
  const walkIn = slugOf(v, 'access_modes', 'Se présenter');
  const appointment = walkIn && modes.includes(walkIn) ? 'sans' : 'obligatoire';

  const costs = fromVocabularyColumn(record, 'frais_a_charge', v, warnings);
  let cost: string | undefined = costs[0];
  if (cost && costs.length > 1) warnings.push(`Plusieurs frais à charge : seul « ${v.label('costs', cost)} » est repris.`);
  if (!cost) {
    cost = slugOf(v, 'costs', 'Gratuit');
    if (cost) warnings.push(`Frais à charge non précisés : « ${v.label('costs', cost)} » mis par défaut, à vérifier.`);
  }

  const languages = v.has('languages', 'fr') ? ['fr'] : [];
  const english = slugOf(v, 'support', 'Langues étrangères (anglais)');
  if (english && support.includes(english) && v.has('languages', 'en')) languages.push('en');

  const description = text(record.presentation_detail);
  let summary = text(record.presentation_resume);
  if (!summary) {
    summary = description
      ? shorten(description.replace(/\s+/g, ' '), SUMMARY_MAX)
      : `Lieu de médiation numérique à ${locality ?? located.section?.name ?? 'préciser'}.`;
    warnings.push('Pas de présentation résumée : un résumé a été composé, à relire.');
  } else if (summary.length > SUMMARY_MAX) {
    summary = shorten(summary, SUMMARY_MAX);
    warnings.push(`La présentation résumée dépasse ${SUMMARY_MAX} caractères : elle a été raccourcie.`);
  }

  let lat = number(record.latitude);
  let lng = number(record.longitude);
  if ((lat === undefined || lng === undefined) && located.section) {
    lat = located.section.lat;
    lng = located.section.lng;
    warnings.push(`Coordonnées absentes ou illisibles : centre approximatif de ${located.section.name}, à préciser.`);
  }

  const street = [text(record.adresse), text(record.complement_adresse)].filter(Boolean).join(', ') || undefined;
  const contact = { phone, email, website };
  const fields: Record<string, unknown> = {
    name,
    kind: hours ? 'epn' : 'accompagnement',
    summary,
    description,
    organisation: { name: text(record.structure_parente) ?? name },
    services,
    publics,
    support: support.length ? support : undefined,
    languages,
    access: { cost, appointment, modes },
    address: { street, postcode, locality, commune: located.commune },
    geo: { lat: lat ?? text(record.latitude), lng: lng ?? text(record.longitude) },
    hours,
    contact: phone || email || website ? contact : undefined,
  };
  return { fields: prune(fields) as Record<string, unknown>, warnings };
}

/** Drops undefined values (recursively in plain objects), so validation sees only what was read. */
function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, prune(v)]),
    );
  }
  return value;
}

// ---------------------------------------------------------------- comparing

/** What an import gets when no service of the standard is given (see fromLmn). */
export const DEFAULT_SERVICE = 'maitrise-outils-quotidien';

/** Fields of our model as far as they survive the standard (see LMN_MAPPED_FIELDS): what ours → standard → ours gives back. */
export function lmnComparable(fields: Record<string, unknown>, model: ContentModel): Record<LmnMappedField, unknown> {
  const v = model.vocabularies;
  const at = (path: string): unknown =>
    path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), fields);
  const standardOnly = (name: VocabularyName, value: unknown) =>
    (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((slug) => v[name].some((t) => t.slug === slug && t.standard));
  const out = {} as Record<LmnMappedField, unknown>;
  for (const path of LMN_MAPPED_FIELDS) out[path] = at(path);
  out.services = standardOnly('services', out.services);
  if (!(out.services as string[]).length) out.services = [DEFAULT_SERVICE]; // the documented default of an import
  out.publics = standardOnly('publics', out.publics);
  out.support = standardOnly('support', out.support);
  out['access.modes'] = standardOnly('access_modes', out['access.modes']);
  out['access.cost'] = standardOnly('costs', out['access.cost'])[0];
  if (typeof out['contact.phone'] === 'string') out['contact.phone'] = lmnPhone(out['contact.phone']);
  return out;
}
