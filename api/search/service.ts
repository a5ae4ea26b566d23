// The search rules, as five steps each in its own module: parse and check the query
// (query.ts) → resolve the place (place.ts) → build the filter from whitelisted values only
// (filters.ts) → ask Meilisearch (meili-query.ts) → answer in the wire shape (result.ts).
// Nothing typed by a user is ever spliced into filter syntax.
import type { Meilisearch } from 'meilisearch';
import type { ContentModel } from '../../core/model/index.ts';
import type { SearchResult } from '../../core/wire/search.ts';
import { buildFilter } from './filters.ts';
import { queryIndexes } from './meili-query.ts';
import { resolvePlace } from './place.ts';
import { allowedValues, parseSearchQuery } from './query.ts';
import { toSearchResult } from './result.ts';
import type { IndexNames } from './search-store.ts';

export type { DocHit, FacetValue, SearchHit, SearchResult } from '../../core/wire/search.ts';
export { type SearchQuery, searchQuerySchema } from './query.ts';

export interface SearchService {
  /** One search, for a query string as Express parses it; `now` decides "open now". */
  search(raw: unknown, now?: Date): Promise<SearchResult>;
}

export const DEFAULT_LIMIT = 20;

export function createSearchService(client: Meilisearch, names: IndexNames, model: ContentModel): SearchService {
  const allowed = allowedValues(model);
  return {
    async search(raw, now = new Date()) {
      const query = parseSearchQuery(raw, allowed);
      const near = resolvePlace(query, model.territory);
      const filter = buildFilter(query, near, now, allowed);
      const q = query.q?.trim() ?? '';
      const page = query.page ?? 1;
      const limit = query.limit ?? DEFAULT_LIMIT;
      const found = await queryIndexes(
        client,
        names,
        { q, filter, page, limit, near, openNow: query.openNow === true, withSections: query.scope === 'all' && q !== '' },
        now,
      );
      return toSearchResult(found, { page, limit, near, now, model });
    },
  };
}
