// Step 4 of a search: asking Meilisearch. One search on the places (filtered, one page, with
// facet counts, nearest first when there is a point) and, when scope=all has words, one on
// the guide and curriculum sections, both in one multi-search; then, only when the index
// was not synced today, which places of the page are open now. The requests are built apart
// (`indexRequests`) so the benchmark sends Meilisearch the very same ones. Only the fields
// the answer uses are asked for. An unreachable Meilisearch becomes the 503 the contract promises.
import type { SearchParams } from 'meilisearch';
import { MESSAGES } from '../../core/messages.ts';
import { HttpError } from '../http/errors.ts';
import { type InitiativeDocument, inRanges, slotOf, startOfDay } from './documents.ts';
import { FILTER_FIELDS, openAmongFilter } from './filters.ts';
import { isUnavailable, type MeiliPost } from './meili-client.ts';
import type { Near } from './place.ts';
import type { DocDocument, IndexNames } from './search-store.ts';

/** What a place hit carries: only what the answer needs (never the week's open slots, nor the hours' text). */
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
  'hasHours',
  'closure',
  'weekHours',
  'todayOpen',
  'horizonStart',
  '_geo',
] as const satisfies readonly (keyof InitiativeDocument)[];

export type PlaceHit = Pick<InitiativeDocument, (typeof PLACE_FIELDS)[number]> & { _geoDistance?: number };

/** A guide or curriculum section; `_formatted.text` is the cropped excerpt. */
export type SectionHit = Pick<DocDocument, 'title' | 'section' | 'url' | 'source'> & { text?: string; _formatted?: { text?: string } };

/** How many of the query's words a place must have: chosen by measurement (`npm run bench -- relevance`). */
export type MatchingStrategy = 'all' | 'last' | 'frequency';

export interface IndexRequest {
  /** The words for the places, as sent (stems, without grammar and intent words; '' lists everything). */
  q: string;
  /** The words for the guides (stems, intent words kept). */
  docsQ?: string;
  filter: string[];
  page: number;
  limit: number;
  near?: Near;
  /** The filter already keeps only places open now. */
  openNow: boolean;
  /** Also search the guide and curriculum sections (scope=all with words). */
  withSections: boolean;
  matchingStrategy: MatchingStrategy;
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
    q: request.q,
    filter: request.filter,
    hitsPerPage: request.limit,
    page: request.page,
    facets: Object.values(FILTER_FIELDS),
    attributesToRetrieve: [...PLACE_FIELDS],
    matchingStrategy: request.matchingStrategy,
    ...(near ? { sort: [`_geoPoint(${near.lat}, ${near.lng}):asc`] } : {}),
  };
}

/** Guide sections: `frequency` (a word no guide has, « comment », is dropped rather than emptying the list). */
export function sectionParams(request: IndexRequest): SearchParams {
  return {
    q: request.docsQ ?? request.q,
    limit: 10,
    attributesToCrop: ['text'],
    cropLength: 24,
    attributesToRetrieve: ['title', 'section', 'url', 'source'],
    matchingStrategy: 'frequency',
  };
}

/** The HTTP request a search sends Meilisearch: path and JSON body (the benchmark sends the same). */
export function indexRequests(names: IndexNames, request: IndexRequest): { path: string; body: Record<string, unknown> } {
  if (!request.withSections) return { path: `/indexes/${names.initiatives}/search`, body: placeParams(request) };
  return {
    path: '/multi-search',
    body: {
      queries: [
        { indexUid: names.initiatives, ...placeParams(request) },
        { indexUid: names.docs, ...sectionParams(request) },
      ],
    },
  };
}

/**
 * Which of the page's places are open at `now`, read from the hits themselves: all of them
 * when the filter kept only open places, else today's open ranges sent with each hit when
 * the index was synced today. Undefined when they are from another day: ask the index.
 */
export function openFromHits(hits: readonly PlaceHit[], now: Date, openNowFiltered: boolean): ReadonlySet<string> | undefined {
  const withHours = hits.filter((h) => h.hasHours);
  if (openNowFiltered) return new Set(withHours.map((h) => h.id));
  const today = startOfDay(now).getTime();
  if (!withHours.every((h) => h.horizonStart === today)) return undefined;
  const slot = slotOf(now.getTime());
  return new Set(withHours.filter((h) => inRanges(h.todayOpen, slot)).map((h) => h.id));
}

interface PlaceAnswer {
  hits: PlaceHit[];
  totalHits?: number;
  facetDistribution?: Record<string, Record<string, number>>;
}

async function askIndexes(post: MeiliPost, names: IndexNames, request: IndexRequest, now: Date): Promise<Found> {
  const { path, body } = indexRequests(names, request);
  const answer = await post(path, body);
  const [found, sections] = request.withSections
    ? ((answer as { results: [PlaceAnswer, { hits: SectionHit[] }] }).results ?? [])
    : [answer as PlaceAnswer, undefined];
  let openIds = openFromHits(found.hits, now, request.openNow);
  if (!openIds) {
    const ids = found.hits.filter((h) => h.hasHours).map((h) => h.id);
    const open = (await post(`/indexes/${names.initiatives}/search`, {
      q: '',
      filter: openAmongFilter(ids, now),
      limit: ids.length,
      attributesToRetrieve: ['id'],
    })) as { hits: { id: string }[] };
    openIds = new Set(open.hits.map((h) => h.id));
  }
  return {
    hits: found.hits,
    total: found.totalHits ?? found.hits.length,
    facets: found.facetDistribution ?? {},
    openIds,
    ...(sections ? { sections: sections.hits } : {}),
  };
}

/** The places (and sections) matching the request; a 503 `search_unavailable` when Meilisearch is out of reach. */
export async function queryIndexes(post: MeiliPost, names: IndexNames, request: IndexRequest, now: Date): Promise<Found> {
  try {
    return await askIndexes(post, names, request, now);
  } catch (e) {
    if (isUnavailable(e)) throw new HttpError(503, 'search_unavailable', MESSAGES.searchUnavailable);
    throw e;
  }
}
