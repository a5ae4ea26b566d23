// The search rules, as five steps each in its own module: parse and check the query
// (query.ts) → resolve the place (place.ts) → build the filter from whitelisted values only
// (filters.ts) → ask Meilisearch (meili-query.ts) → answer in the wire shape (result.ts).
// The words go through french.ts first: stems, grammar words out, and, for the places only,
// the intent words of the editors' vocabulary (« comment installer itsme » asks the places
// for « itsme », the guides for all three). Nothing typed by a user is ever spliced into
// filter syntax.
import { EMPTY_VOCABULARY, loadSearchVocabulary, type SearchVocabulary } from '../../core/content/search-vocabulary.ts';
import type { ContentModel } from '../../core/model/index.ts';
import type { SearchResult } from '../../core/wire/search.ts';
import { HttpError } from '../http/errors.ts';
import { HORIZON_DAYS, startOfDay } from './documents.ts';
import { buildFilter } from './filters.ts';
import { intentWords, searchText } from './french.ts';
import type { MeiliPost } from './meili-client.ts';
import { type IndexRequest, indexRequests, type MatchingStrategy, queryIndexes } from './meili-query.ts';
import { resolvePlace } from './place.ts';
import { allowedValues, parseSearchQuery, type SearchQuery } from './query.ts';
import { toSearchResult } from './result.ts';
import type { IndexNames } from './search-store.ts';

export type { DocHit, FacetValue, SearchHit, SearchResult } from '../../core/wire/search.ts';
export { type SearchQuery, searchQuerySchema } from './query.ts';

export interface SearchService {
  /** One search, for a query string as Express parses it; `now` decides "open now" (the query's `at` wins). */
  search(raw: unknown, now?: Date): Promise<SearchResult>;
  /** The Meilisearch request that search would send (the benchmark sends it directly). */
  request(raw: unknown, now?: Date): { path: string; body: Record<string, unknown> };
}

export const DEFAULT_LIMIT = 20;

/**
 * `all`: a place must have every word that is left once grammar and intent words are out
 * (measured on the everyday queries, see scripts/bench/relevance.ts: 'last' and 'frequency'
 * let « cours informatique seniors » end on a WiFi « cour »).
 */
export const DEFAULT_MATCHING: MatchingStrategy = 'all';

/** When no place has every word: drop words from the end (French puts the verb, what to do, first). Measured likewise. */
export const DEFAULT_FALLBACK: Exclude<MatchingStrategy, 'all'> = 'last';

export interface SearchOptions {
  matchingStrategy?: MatchingStrategy;
  /** Word forms (stems) on: the default; off only to measure what they bring. */
  forms?: boolean;
  /** With `all`, a search no place fully matches is asked again with this strategy (false: never). */
  fallback?: Exclude<MatchingStrategy, 'all'> | false;
  /** The vocabulary (default: the content's content/search/vocabulaire.yml). */
  vocabulary?: SearchVocabulary;
}

export function createSearchService(post: MeiliPost, names: IndexNames, model: ContentModel, options: SearchOptions = {}): SearchService {
  const allowed = allowedValues(model);
  const vocabulary = options.vocabulary ?? safeVocabulary(model.paths.content);
  const intents = intentWords(vocabulary);
  const matchingStrategy = options.matchingStrategy ?? DEFAULT_MATCHING;
  const fallback = options.fallback ?? DEFAULT_FALLBACK;
  const words = (q: string, drop?: ReadonlySet<string>) => (options.forms === false ? q.trim() : searchText(q, drop));

  const plan = (raw: unknown, clock: Date) => {
    const query: SearchQuery = parseSearchQuery(raw, allowed);
    const now = query.at ?? clock;
    const from = startOfDay(clock).getTime();
    if (query.at && (now.getTime() < from || now.getTime() >= from + HORIZON_DAYS * 86_400_000)) {
      const message = `at doit tomber entre aujourd'hui et les ${HORIZON_DAYS - 1} jours suivants : « ouvert maintenant » n'est connu que pour ces jours-là.`;
      throw new HttpError(400, 'invalid_query', message, { at: message });
    }
    const near = resolvePlace(query, model.territory);
    const filter = buildFilter(query, near, now, allowed);
    const q = query.q?.trim() ?? '';
    const page = query.page ?? 1;
    const limit = query.limit ?? DEFAULT_LIMIT;
    const request: IndexRequest = {
      q: words(q, intents),
      docsQ: words(q),
      filter,
      page,
      limit,
      ...(near ? { near } : {}),
      openNow: query.openNow === true,
      withSections: query.scope === 'all' && q !== '',
      matchingStrategy,
    };
    return { request, now, page, limit, near };
  };

  return {
    async search(raw, clock = new Date()) {
      const { request, now, page, limit, near } = plan(raw, clock);
      const found = await queryIndexes(post, names, request, now);
      // No place has every word: rather than nothing, the places that have most of them, said so.
      if (found.total === 0 && request.matchingStrategy === 'all' && request.q.includes(' ') && fallback) {
        const partial = await queryIndexes(post, names, { ...request, matchingStrategy: fallback }, now);
        if (partial.total > 0) return { ...toSearchResult(partial, { page, limit, near, now, model }), partial: true };
      }
      return toSearchResult(found, { page, limit, near, now, model });
    },
    request(raw, clock = new Date()) {
      return indexRequests(names, plan(raw, clock).request);
    },
  };
}

/** The vocabulary, or none when the file is wrong (`npm run check` says why; search still answers). */
function safeVocabulary(contentDir: string): SearchVocabulary {
  try {
    return loadSearchVocabulary(contentDir);
  } catch {
    return EMPTY_VOCABULARY;
  }
}
