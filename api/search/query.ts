// Step 1 of a search: the query string, checked in full before anything else runs. zod
// reads the shape (types, bounds, unknown parameters); then every filter value is checked
// against the vocabularies and the territory, and lat/lng against each other. A query
// that comes out of here holds only known slugs and finite numbers.
import * as z from 'zod';
import { toFieldErrors } from '../../core/field-errors.ts';
import { MESSAGES } from '../../core/messages.ts';
import type { ContentModel } from '../../core/model/index.ts';
import { type FieldErrors, HttpError } from '../http/errors.ts';

// Every message is French and names the parameter: zod's defaults are English.
const text = (what: string) => z.string({ error: `${what} se donne une seule fois.` });
const many = (what: string) => z.union([z.string(), z.array(z.string())], { error: `${what} attend un texte.` }).transform((v) => (Array.isArray(v) ? v : [v]));
const bool = (what: string) => z.enum(['true', 'false', '1', '0'], { error: `${what} vaut true ou false.` }).transform((v) => v === 'true' || v === '1');
const num = (min: number, max: number, what: string) =>
  text(what)
    .regex(/^-?\d+(\.\d+)?$/, `${what} doit être un nombre.`)
    .transform(Number)
    .pipe(z.number().min(min, `${what} doit valoir au moins ${min}.`).max(max, `${what} doit valoir au plus ${max}.`));

export const searchQuerySchema = z
  .object({
    q: text('q').max(200, 'La recherche est trop longue (200 caractères au plus).').optional(),
    near: text('near').trim().min(1, 'Le lieu est vide : tapez un code postal ou une commune.').max(100, 'Le lieu est trop long.').optional(),
    lat: num(-90, 90, 'lat').optional(),
    lng: num(-180, 180, 'lng').optional(),
    radiusKm: num(0.1, 200, 'radiusKm').optional(),
    kind: many('kind').optional(),
    service: many('service').optional(),
    public: many('public').optional(),
    commune: many('commune').optional(),
    openNow: bool('openNow').optional(),
    page: num(1, 500, 'page').pipe(z.number().int('page doit être un nombre entier.')).optional(),
    limit: num(1, 50, 'limit').pipe(z.number().int('limit doit être un nombre entier.')).optional(),
    scope: z.enum(['places', 'all'], { error: 'scope vaut « places » ou « all ».' }).optional(),
    /** « Open now » as at this time (ISO 8601 with its offset), within the days the index knows: for benchmarks and for planning a visit. */
    at: text('at')
      .pipe(z.iso.datetime({ offset: true, error: 'at est une date et une heure ISO 8601 avec son fuseau, par exemple 2026-12-21T10:00:00+01:00.' }))
      .transform((s) => new Date(s))
      .optional(),
  })
  .strict();

export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** The query parameters that filter on a field of the index. */
export const FILTER_PARAMS = ['kind', 'service', 'public', 'commune'] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

/** The only values each filter may take (in vocabulary or territory order). */
export type AllowedValues = Record<FilterParam, ReadonlySet<string>>;

export function allowedValues(model: ContentModel): AllowedValues {
  const v = model.vocabularies;
  return {
    kind: new Set(v.slugs('kinds')),
    service: new Set(v.slugs('services')),
    public: new Set(v.slugs('publics')),
    commune: new Set(model.territory.communes.map((c) => c.slug)),
  };
}

const quoted = (values: string[]) => values.map((b) => `« ${b.slice(0, 40)} »`).join(', ');

/** Unknown filter values and lat/lng given apart, each under its parameter. */
function checkValues(query: SearchQuery, allowed: AllowedValues): FieldErrors {
  const fields: FieldErrors = {};
  for (const param of ['kind', 'service', 'public'] as const) {
    const bad = (query[param] ?? []).filter((s) => !allowed[param].has(s));
    if (bad.length) fields[param] = `Valeur inconnue : ${quoted(bad)}. Valeurs possibles : ${[...allowed[param]].join(', ')}.`;
  }
  const badCommunes = (query.commune ?? []).filter((c) => !allowed.commune.has(c));
  if (badCommunes.length) fields.commune = `Commune inconnue : ${quoted(badCommunes)}.`;
  if ((query.lat === undefined) !== (query.lng === undefined)) fields[query.lat === undefined ? 'lat' : 'lng'] = 'lat et lng vont ensemble : donnez les deux.';
  if (query.near && query.lat !== undefined) fields.near = 'Donnez soit near, soit lat et lng, pas les deux.';
  return fields;
}

/** The query string read and checked; a 400 `invalid_query` naming every field to fix. */
export function parseSearchQuery(raw: unknown, allowed: AllowedValues): SearchQuery {
  const parsed = searchQuerySchema.safeParse(raw);
  if (!parsed.success) {
    const fields = toFieldErrors(parsed.error.issues, { root: 'query', unknownKey: MESSAGES.unknownParameter(Object.keys(searchQuerySchema.shape)) });
    throw new HttpError(400, 'invalid_query', 'La recherche contient un paramètre invalide.', fields);
  }
  const fields = checkValues(parsed.data, allowed);
  if (Object.keys(fields).length) throw new HttpError(400, 'invalid_query', 'La recherche contient une valeur inconnue.', fields);
  return parsed.data;
}
