// Search rules: checks every parameter (filter values against the vocabularies, places
// against the territory) before anything reaches Meilisearch, so nothing typed by a user
// is ever spliced into filter syntax: filters are built only from known slugs and numbers.
import type { Meilisearch, SearchParams } from 'meilisearch';
import * as z from 'zod';
import { toFieldErrors } from '../../core/field-errors.ts';
import { MESSAGES } from '../../core/messages.ts';
import { type ContentModel, lookupPlace } from '../../core/model/index.ts';
import { sitePaths } from '../../core/urls.ts';
import type { DocHit, FacetValue, SearchHit, SearchResult } from '../../core/wire/search.ts';
import { type FieldErrors, HttpError } from '../http/errors.ts';
import { type InitiativeDocument, slotOf, startOfDay } from './documents.ts';
import { isUnavailable } from './meili-client.ts';
import type { DocDocument, IndexNames } from './search-store.ts';

const many = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const num = (min: number, max: number, what: string) =>
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/, `${what} doit être un nombre.`)
    .transform(Number)
    .pipe(z.number().min(min, `${what} doit valoir au moins ${min}.`).max(max, `${what} doit valoir au plus ${max}.`));

export const searchQuerySchema = z
  .object({
    q: z.string().max(200, 'La recherche est trop longue (200 caractères au plus).').optional(),
    near: z.string().trim().min(1).max(100, 'Le lieu est trop long.').optional(),
    lat: num(-90, 90, 'lat').optional(),
    lng: num(-180, 180, 'lng').optional(),
    radiusKm: num(0.1, 200, 'radiusKm').optional(),
    kind: many.optional(),
    service: many.optional(),
    public: many.optional(),
    commune: many.optional(),
    openNow: bool.optional(),
    page: num(1, 500, 'page').pipe(z.number().int('page doit être un nombre entier.')).optional(),
    limit: num(1, 50, 'limit').pipe(z.number().int('limit doit être un nombre entier.')).optional(),
    scope: z.enum(['places', 'all'], { error: 'scope vaut « places » ou « all ».' }).optional(),
  })
  .strict();

export type SearchQuery = z.infer<typeof searchQuerySchema>;

export type { DocHit, FacetValue, SearchHit, SearchResult } from '../../core/wire/search.ts';

export interface SearchService {
  search(raw: unknown, now?: Date): Promise<SearchResult>;
}

const FACETS = { kind: 'kinds', service: 'services', public: 'publics' } as const;
const FACET_FIELDS = { kind: 'kind', service: 'services', public: 'publics', commune: 'commune' } as const;

const unavailable = () => new HttpError(503, 'search_unavailable', MESSAGES.searchUnavailable);

/** Today's hours in words, « Fermé aujourd'hui », or null for a place without hours. */
function todayHours(weekHours: (string | null)[] | undefined, now: Date): string | null {
  if (!weekHours?.length) return null;
  return weekHours[(now.getDay() + 6) % 7] ?? "Fermé aujourd'hui";
}

export function createSearchService(client: Meilisearch, names: IndexNames, model: ContentModel): SearchService {
  const v = model.vocabularies;
  const communeSlugs = new Set(model.territory.communes.map((c) => c.slug));

  function checkValues(query: SearchQuery): FieldErrors {
    const fields: FieldErrors = {};
    for (const [param, vocab] of Object.entries(FACETS) as [keyof typeof FACETS, (typeof FACETS)[keyof typeof FACETS]][]) {
      const bad = (query[param] ?? []).filter((s) => !v.has(vocab, s));
      if (bad.length)
        fields[param] = `Valeur inconnue : ${bad.map((b) => `« ${b.slice(0, 40)} »`).join(', ')}. Valeurs possibles : ${v.slugs(vocab).join(', ')}.`;
    }
    const badCommunes = (query.commune ?? []).filter((c) => !communeSlugs.has(c));
    if (badCommunes.length) fields.commune = `Commune inconnue : ${badCommunes.map((b) => `« ${b.slice(0, 40)} »`).join(', ')}.`;
    if ((query.lat === undefined) !== (query.lng === undefined))
      fields[query.lat === undefined ? 'lat' : 'lng'] = 'lat et lng vont ensemble : donnez les deux.';
    if (query.near && query.lat !== undefined) fields.near = 'Donnez soit near, soit lat et lng, pas les deux.';
    return fields;
  }

  // Only slugs checked above and numbers reach the filter string.
  const anyOf = (field: string, values: string[]) => `${field} IN [${values.map((s) => JSON.stringify(s)).join(', ')}]`;

  return {
    async search(raw, now = new Date()) {
      const parsed = searchQuerySchema.safeParse(raw);
      if (!parsed.success) {
        const fields = toFieldErrors(parsed.error.issues, { root: 'query', unknownKey: MESSAGES.unknownParameter(Object.keys(searchQuerySchema.shape)) });
        throw new HttpError(400, 'invalid_query', 'La recherche contient un paramètre invalide.', fields);
      }
      const query = parsed.data;
      const fields = checkValues(query);
      if (Object.keys(fields).length) throw new HttpError(400, 'invalid_query', 'La recherche contient une valeur inconnue.', fields);

      let near: SearchResult['near'];
      if (query.near) {
        const found = lookupPlace(model.territory, query.near);
        if (!found.place) {
          const hint = `${found.suggestions.length ? ` Vouliez-vous dire : ${found.suggestions.join(', ')} ?` : ''} Vous pouvez aussi taper un code postal de Charleroi Métropole, par exemple 6000.`;
          throw new HttpError(400, 'unknown_place', `Nous ne trouvons pas « ${query.near.slice(0, 60)} ».${hint}`, { near: `Lieu inconnu.${hint}` });
        }
        near = { label: found.place.label, lat: found.place.lat, lng: found.place.lng };
      } else if (query.lat !== undefined && query.lng !== undefined) {
        near = { label: 'Votre position', lat: query.lat, lng: query.lng };
      }

      const filter: string[] = ['status = "active"'];
      for (const [param, field] of Object.entries(FACET_FIELDS) as [keyof typeof FACET_FIELDS, string][]) {
        const values = query[param];
        if (values?.length) filter.push(anyOf(field, values));
      }
      if (query.openNow) filter.push(`openSlots = ${slotOf(now.getTime())}`);
      if (near && query.radiusKm) filter.push(`_geoRadius(${near.lat}, ${near.lng}, ${Math.round(query.radiusKm * 1000)})`);

      const limit = query.limit ?? 20;
      const page = query.page ?? 1;
      const params: SearchParams = {
        filter,
        hitsPerPage: limit,
        page,
        facets: Object.values(FACET_FIELDS),
        attributesToRetrieve: [
          'id',
          'name',
          'kind',
          'kindLabel',
          'summary',
          'street',
          'postcode',
          'locality',
          'commune',
          'communeName',
          'demo',
          'hours',
          'weekHours',
          'todaySlots',
          'horizonStart',
          '_geo',
        ],
        ...(near ? { sort: [`_geoPoint(${near.lat}, ${near.lng}):asc`] } : {}),
      };
      const q = query.q?.trim() ?? '';
      let places: Awaited<ReturnType<ReturnType<Meilisearch['index']>['search']>>;
      let openIds = new Set<string>();
      let docs: DocHit[] | undefined;
      try {
        const requests: Promise<unknown>[] = [client.index<InitiativeDocument>(names.initiatives).search(q, params)];
        if (query.scope === 'all' && q) {
          requests.push(
            client
              .index<DocDocument>(names.docs)
              .search(q, { limit: 10, attributesToCrop: ['text'], cropLength: 24, attributesToRetrieve: ['title', 'section', 'url', 'source'] }),
          );
        }
        const [p, d] = await Promise.all(requests);
        places = p as typeof places;
        // Which of this page's places are open now: from today's slots sent with each hit
        // when the index was synced today; otherwise one more exact query on their ids.
        const pageHits = (places.hits as InitiativeDocument[]).filter((h) => h.hours);
        const pageIds = pageHits.map((h) => h.id);
        const slot = slotOf(now.getTime());
        const today = startOfDay(now).getTime();
        if (query.openNow) openIds = new Set(pageIds);
        else if (pageHits.every((h) => h.horizonStart === today)) openIds = new Set(pageHits.filter((h) => h.todaySlots.includes(slot)).map((h) => h.id));
        else if (pageIds.length) {
          const open = await client
            .index<InitiativeDocument>(names.initiatives)
            .search('', { filter: [`openSlots = ${slotOf(now.getTime())}`, anyOf('id', pageIds)], limit: pageIds.length, attributesToRetrieve: ['id'] });
          openIds = new Set(open.hits.map((h) => h.id));
        }
        if (d) {
          const docHits = (d as { hits: (DocDocument & { _formatted?: { text?: string } })[] }).hits;
          docs = docHits.map((h) => ({ title: h.title, section: h.section, url: h.url, excerpt: h._formatted?.text ?? '', source: h.source }));
        }
      } catch (e) {
        if (isUnavailable(e)) throw unavailable();
        throw e;
      }
      const hits: SearchHit[] = (places.hits as (InitiativeDocument & { _geoDistance?: number })[]).map((h) => ({
        id: h.id,
        name: h.name,
        kind: h.kind,
        kindLabel: h.kindLabel,
        summary: h.summary,
        address: { street: h.street, postcode: h.postcode, locality: h.locality, commune: h.commune, communeName: h.communeName },
        geo: h._geo,
        ...(near && typeof h._geoDistance === 'number' ? { distanceKm: Math.round(h._geoDistance / 100) / 10 } : {}),
        openNow: h.hours ? openIds.has(h.id) : null,
        todayHours: todayHours(h.weekHours, now),
        url: sitePaths.initiative(h.id),
        demo: h.demo,
      }));
      const distribution = (places.facetDistribution ?? {}) as Record<string, Record<string, number>>;
      const facet = (field: string, label: (slug: string) => string): FacetValue[] =>
        Object.entries(distribution[field] ?? {})
          .map(([value, count]) => ({ value, label: label(value), count }))
          .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'fr'));
      return {
        hits,
        total: places.totalHits ?? places.estimatedTotalHits ?? hits.length,
        page,
        limit,
        facets: {
          kind: facet('kind', (s) => v.label('kinds', s)),
          service: facet('services', (s) => v.label('services', s)),
          public: facet('publics', (s) => v.label('publics', s)),
          commune: facet('commune', (s) => model.territory.commune(s)?.name ?? s),
        },
        ...(near ? { near } : {}),
        ...(docs ? { docs } : {}),
      };
    },
  };
}
