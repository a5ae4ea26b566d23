// Step 4 of a search: asking Meilisearch. One search on the places (filtered, one page,
// with facet counts, nearest first when there is a point), one on the guide and
// curriculum sections when scope=all has words (both at once), then which places of the
// page are open now. An unreachable Meilisearch becomes the 503 the contract promises.
import type { Meilisearch, SearchParams } from 'meilisearch';
import { MESSAGES } from '../../core/messages.ts';
import { HttpError } from '../http/errors.ts';
import { type InitiativeDocument, slotOf, startOfDay } from './documents.ts';
import { FILTER_FIELDS, openAmongFilter } from './filters.ts';
import { isUnavailable } from './meili-client.ts';
import type { Near } from './place.ts';
import type { DocDocument, IndexNames } from './search-store.ts';

/** What a place hit carries: only what the answer needs (never the week's open slots). */
export const PLACE_FIELDS = [
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
] as const satisfies readonly (keyof InitiativeDocument)[];

export type PlaceHit = Pick<InitiativeDocument, (typeof PLACE_FIELDS)[number]> & { _geoDistance?: number };

/** A guide or curriculum section; `_formatted.text` is the cropped excerpt. */
export type SectionHit = Pick<DocDocument, 'title' | 'section' | 'url' | 'source'> & { text?: string; _formatted?: { text?: string } };

export interface IndexRequest {
  /** The words, trimmed ('' lists everything). */
  q: string;
  filter: string[];
  page: number;
  limit: number;
  near?: Near;
  /** The filter already keeps only places open now. */
  openNow: boolean;
  /** Also search the guide and curriculum sections (scope=all with words). */
  withSections: boolean;
}

export interface Found {
  hits: PlaceHit[];
  total: number;
  /** Facet field → value → count. */
  facets: Record<string, Record<string, number>>;
  /** The ids of this page's places open now. */
  openIds: ReadonlySet<string>;
  sections?: SectionHit[];
}

type PlaceParams = SearchParams & { hitsPerPage: number; page: number };

export function placeParams(request: IndexRequest): PlaceParams {
  const { near } = request;
  return {
    filter: request.filter,
    hitsPerPage: request.limit,
    page: request.page,
    facets: Object.values(FILTER_FIELDS),
    attributesToRetrieve: [...PLACE_FIELDS],
    ...(near ? { sort: [`_geoPoint(${near.lat}, ${near.lng}):asc`] } : {}),
  };
}

/**
 * Which of the page's places are open at `now`, read from the hits themselves: all of them
 * when the filter kept only open places, else today's slots sent with each hit when the
 * index was synced today. Undefined when the slots are from another day: ask the index.
 */
export function openFromHits(hits: readonly PlaceHit[], now: Date, openNowFiltered: boolean): ReadonlySet<string> | undefined {
  const withHours = hits.filter((h) => h.hours);
  if (openNowFiltered) return new Set(withHours.map((h) => h.id));
  const today = startOfDay(now).getTime();
  if (!withHours.every((h) => h.horizonStart === today)) return undefined;
  const slot = slotOf(now.getTime());
  return new Set(withHours.filter((h) => h.todaySlots.includes(slot)).map((h) => h.id));
}

async function askIndexes(client: Meilisearch, names: IndexNames, request: IndexRequest, now: Date): Promise<Found> {
  const places = client.index<InitiativeDocument>(names.initiatives);
  const [found, sections] = await Promise.all([
    places.search<PlaceHit, PlaceParams>(request.q, placeParams(request)),
    request.withSections
      ? client.index<DocDocument>(names.docs).search<SectionHit>(request.q, {
          limit: 10,
          attributesToCrop: ['text'],
          cropLength: 24,
          attributesToRetrieve: ['title', 'section', 'url', 'source'],
        })
      : undefined,
  ]);
  let openIds = openFromHits(found.hits, now, request.openNow);
  if (!openIds) {
    const ids = found.hits.filter((h) => h.hours).map((h) => h.id);
    const open = await places.search<Pick<InitiativeDocument, 'id'>>('', {
      filter: openAmongFilter(ids, now),
      limit: ids.length,
      attributesToRetrieve: ['id'],
    });
    openIds = new Set(open.hits.map((h) => h.id));
  }
  return {
    hits: found.hits,
    total: found.totalHits,
    facets: found.facetDistribution ?? {},
    openIds,
    ...(sections ? { sections: sections.hits } : {}),
  };
}

/** The places (and sections) matching the request; a 503 `search_unavailable` when Meilisearch is out of reach. */
export async function queryIndexes(client: Meilisearch, names: IndexNames, request: IndexRequest, now: Date): Promise<Found> {
  try {
    return await askIndexes(client, names, request, now);
  } catch (e) {
    if (isUnavailable(e)) throw new HttpError(503, 'search_unavailable', MESSAGES.searchUnavailable);
    throw e;
  }
}
