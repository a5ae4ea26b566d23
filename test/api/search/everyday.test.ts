// Search understands how people ask, on a real Meilisearch with the repository's content:
// every query of the everyday table (scripts/bench/everyday-queries.ts, ≥ 30 of them, written
// as citizens type) brings the right place (or guide) first; intent words never empty the
// places of scope=all; and the guides index is configured on the very first start (an empty
// data directory), not only after a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeiliClient, createMeiliPost } from '../../../api/search/meili-client.ts';
import { indexNames, SearchStore } from '../../../api/search/search-store.ts';
import { createSearchService, type SearchService } from '../../../api/search/service.ts';
import { loadSearchVocabulary } from '../../../core/content/search-vocabulary.ts';
import { type ContentModel, loadContentModel, loadInitiatives, resolvePaths } from '../../../core/model/index.ts';
import { EVERYDAY_QUERIES, missOf } from '../../../scripts/bench/everyday-queries.ts';
import { startMeiliForTest } from '../../helpers/search-stack.ts';

let meili: Awaited<ReturnType<typeof startMeiliForTest>>;
let model: ContentModel;
let service: SearchService;
const names = indexNames('quotidien_');

beforeAll(async () => {
  meili = await startMeiliForTest(); // a fresh, empty data directory
  model = loadContentModel(resolvePaths({}));
  await new SearchStore(createMeiliClient(meili.meili.host, meili.meili.apiKey), names).sync(model);
  service = createSearchService(createMeiliPost(meili.meili.host, meili.meili.apiKey), names, model);
});

afterAll(async () => {
  await meili?.cleanup();
});

const byId = () => new Map(loadInitiatives(model, model.paths.initiatives).initiatives.map((i) => [i.id, i]));

describe('everyday queries', () => {
  it('has at least 30 of them', () => {
    expect(EVERYDAY_QUERIES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(EVERYDAY_QUERIES.map((e) => [e.query, e] as const))('%s', async (_query, entry) => {
    const result = await service.search(Object.fromEntries(new URLSearchParams(`${entry.query}&limit=10`)));
    expect(missOf(entry, result, byId()), JSON.stringify(result.hits.slice(0, 5).map((h) => h.id))).toBeNull();
  });
});

describe('intent words', () => {
  it('never empty the places of scope=all: « comment installer itsme » finds the places « itsme » finds', async () => {
    const plain = await service.search({ q: 'itsme' });
    const asked = await service.search({ q: 'comment installer itsme', scope: 'all' });
    expect(plain.total).toBeGreaterThan(0);
    expect(asked.total).toBe(plain.total);
    expect(asked.docs?.length).toBeGreaterThan(0);
  });
});

describe('a first start', () => {
  it('configures the guides index too (synonyms, searchable fields, stop words)', async () => {
    const client = createMeiliClient(meili.meili.host, meili.meili.apiKey);
    const docs = await client.index(names.docs).getSettings();
    expect(docs.searchableAttributes).toEqual(['title', 'section', 'headingPath', 'text', 'formes']);
    expect(docs.stopWords?.length).toBeGreaterThan(10);
    const vocabulary = loadSearchVocabulary(model.paths.content);
    expect(Object.keys(docs.synonyms ?? {}).length).toBeGreaterThanOrEqual(Object.keys(vocabulary.everyday).length);
    const places = await client.index(names.initiatives).getSettings();
    expect(places.synonyms).toEqual(docs.synonyms);
  });
});
