// What a proposal changes, said to people: field by field, with the form's French labels
// and human values (vocabulary labels, commune names, hours read in French, dates), never
// codes; a reordered list is no change. Shown to moderators on the desk and to the
// submitter on the tracking page. Also the duplicate hint of the queue, with the
// importer's rules (api/imports/duplicates.ts).
import { formatDate } from '../../core/format-fr.ts';
import { formatWeeklyHours, joinFr } from '../../core/hours/format.ts';
import { readOpeningHours } from '../../core/hours/french-input.ts';
import type { ContentModel, InitiativeFields, VocabularyName } from '../../core/model/index.ts';
import { diffPatch, isPlainObject, patchPaths } from '../../core/model/initiative-patch.ts';
import { labelOfPath } from '../../core/proposal-form.ts';
import type { Change, DuplicateHint } from '../../core/wire/moderation.ts';
import { findDuplicate, type PlaceKey } from '../imports/duplicates.ts';

const VOCABULARY_OF: Record<string, VocabularyName> = {
  kind: 'kinds',
  services: 'services',
  publics: 'publics',
  support: 'support',
  languages: 'languages',
  'access.cost': 'costs',
  'access.appointment': 'appointments',
  'access.modes': 'access_modes',
  'access.accessibility': 'accessibility',
};

function valueAt(o: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((acc, k) => (isPlainObject(acc) ? acc[k] : undefined), o);
}

/** A value as people read it, or null when there is none. */
export function humanValue(model: ContentModel, path: string, value: unknown): string | null {
  if (value === undefined || value === null || (Array.isArray(value) && !value.length)) return null;
  const vocabulary = VOCABULARY_OF[path];
  if (vocabulary) {
    const list = Array.isArray(value) ? value.map(String) : [String(value)];
    return joinFr(list.map((v) => model.vocabularies.label(vocabulary, v)));
  }
  if (path === 'address.commune') return model.territory.commune(String(value))?.name ?? String(value);
  if (path === 'hours') {
    const structure = readOpeningHours(String(value));
    return structure ? formatWeeklyHours(structure).replace(/\u00a0/g, ' ') : String(value);
  }
  if (path === 'period.start' || path === 'period.end' || path === 'closure.until') return formatDate(String(value));
  if (path === 'geo' || path === 'geo.lat' || path === 'geo.lng') return String(value);
  if (isPlainObject(value))
    return Object.entries(value)
      .map(([k, v]) => `${labelOfPath(`${path}.${k}`)} : ${humanValue(model, `${path}.${k}`, v) ?? '—'}`)
      .join(' ; ');
  return Array.isArray(value) ? joinFr(value.map(String)) : String(value);
}

/** Field by field, what goes from `before` to `after` (the map point as one field). */
export function describeChanges(model: ContentModel, before: Partial<InitiativeFields>, after: Partial<InitiativeFields>): Change[] {
  const patch = diffPatch(before as Record<string, unknown>, after as Record<string, unknown>);
  const paths = patchPaths(patch).map((p) => (p.startsWith('geo.') ? 'geo' : p));
  return [...new Set(paths)].map((field) => {
    const b = valueAt(before, field);
    const a = valueAt(after, field);
    const geo = (g: unknown) => (isPlainObject(g) ? `${g.lat}, ${g.lng}` : null);
    return {
      field,
      label: labelOfPath(field),
      before: field === 'geo' ? geo(b) : humanValue(model, field, b),
      after: field === 'geo' ? geo(a) : humanValue(model, field, a),
    };
  });
}

const WHY = {
  same_name_and_address: 'même nom et même adresse',
  near_with_similar_name: 'nom proche, à moins de 50 m',
} as const;

export interface KnownPlace extends PlaceKey {
  listing?: string;
  submission?: string;
}

/** The first place a proposal looks like (another waiting proposal or a published listing), in French. */
export function duplicateHint(candidate: Omit<PlaceKey, 'ref'>, known: KnownPlace[]): DuplicateHint | undefined {
  const match = findDuplicate(candidate, known);
  if (!match) return undefined;
  const of = match.of as KnownPlace;
  const distance = Number.isFinite(match.metres) && match.why === 'near_with_similar_name' ? `nom proche, à ${Math.round(match.metres)} m` : WHY[match.why];
  return { name: of.name, why: distance, ...(of.listing ? { listing: of.listing } : {}), ...(of.submission ? { submission: of.submission } : {}) };
}
