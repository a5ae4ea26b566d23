// Benchmark of relevance, not speed: how many of the everyday queries (everyday-queries.ts)
// bring the right place or guide first, for each matching strategy, with and without word
// forms (stems) and the fallback for searches no place fully matches; and how many places
// each lists (a short list of places that have all the words beats a long one that buries
// them among places that have one word). This is how the defaults of api/search/service.ts
// were chosen. Repository content, a throwaway Meilisearch.
// Usage: npm run bench -- relevance
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMeiliClient, createMeiliPost } from '../../api/search/meili-client.ts';
import type { MatchingStrategy } from '../../api/search/meili-query.ts';
import { startMeili } from '../../api/search/meili-server.ts';
import { indexNames, SearchStore } from '../../api/search/search-store.ts';
import { createSearchService, DEFAULT_FALLBACK, DEFAULT_MATCHING, type SearchOptions } from '../../api/search/service.ts';
import { loadContentModel, loadInitiatives, resolvePaths } from '../../core/model/index.ts';
import { EVERYDAY_QUERIES, missOf } from './everyday-queries.ts';

export async function benchRelevance(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-bench-relevance-'));
  const meili = await startMeili({ dataDir, env: {} });
  try {
    const model = loadContentModel(resolvePaths({}));
    const names = indexNames('relevance_');
    await new SearchStore(createMeiliClient(meili.host, meili.apiKey), names).sync(model);
    const byId = new Map(loadInitiatives(model, model.paths.initiatives).initiatives.map((i) => [i.id, i]));
    const post = createMeiliPost(meili.host, meili.apiKey);
    const configs: [string, SearchOptions][] = [];
    for (const strategy of ['last', 'frequency', 'all'] as MatchingStrategy[]) {
      for (const forms of [false, true]) {
        const fallbacks: SearchOptions['fallback'][] = strategy === 'all' ? [false, 'last', 'frequency'] : [false];
        for (const fallback of fallbacks) {
          configs.push([`${strategy.padEnd(9)} forms ${forms ? 'on ' : 'off'} fallback ${fallback || '-'}`, { matchingStrategy: strategy, forms, fallback }]);
        }
      }
    }
    console.log(`\nRelevance: ${EVERYDAY_QUERIES.length} everyday queries (right place or guide first)`);
    for (const [label, options] of configs) {
      const service = createSearchService(post, names, model, options);
      const misses: string[] = [];
      const totals: number[] = [];
      for (const entry of EVERYDAY_QUERIES) {
        const result = await service.search(Object.fromEntries(new URLSearchParams(`${entry.query}&limit=10`)));
        const miss = missOf(entry, result, byId);
        if (miss) misses.push(`${entry.query} → ${miss}`);
        if (!entry.query.includes('near=')) totals.push(result.total);
      }
      totals.sort((a, b) => a - b);
      const median = totals[Math.floor(totals.length / 2)] ?? 0;
      const mean = totals.reduce((a, b) => a + b, 0) / Math.max(1, totals.length);
      const chosen = options.matchingStrategy === DEFAULT_MATCHING && options.forms && options.fallback === DEFAULT_FALLBACK ? '  ← default' : '';
      console.log(
        `  ${label}: ${EVERYDAY_QUERIES.length - misses.length}/${EVERYDAY_QUERIES.length} first right; places listed: median ${median}, mean ${mean.toFixed(1)} of ${byId.size}${chosen}`,
      );
      for (const m of misses.slice(0, 6)) console.log(`      miss: ${m}`);
      if (misses.length > 6) console.log(`      … and ${misses.length - 6} more`);
    }
  } finally {
    await meili.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
