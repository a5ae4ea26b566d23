// `npm run index`: full rebuild of the search indexes from content/, swapped in atomically
// (fresh indexes are filled beside the live ones, then exchanged in one Meilisearch task).
// Uses the bundled Meilisearch on the data directory, or MEILI_HOST + MEILI_MASTER_KEY.
import '../core/model/timezone.ts';
import { createLogger } from '../api/logger.ts';
import { createMeiliClient } from '../api/search/meili-client.ts';
import { indexingMemoryFor, startMeili } from '../api/search/meili-server.ts';
import { indexNames, SearchStore } from '../api/search/search-store.ts';
import { listInitiativeFiles, loadContentModel, resolvePaths } from '../core/model/index.ts';
import { createPluginHost } from '../plugins/api/index.ts';

const paths = resolvePaths();
const meili = await startMeili({ dataDir: paths.data, maxIndexingMemory: indexingMemoryFor(listInitiativeFiles(paths.initiatives).length) });
try {
  const started = Date.now();
  const model = loadContentModel(paths);
  // The plugins' toSearchDocument hooks, as the server applies them.
  const plugins = await createPluginHost({ paths, model, logger: createLogger(), runtime: 'cli' });
  const store = new SearchStore(createMeiliClient(meili.host, meili.apiKey), indexNames(process.env.MEILI_INDEX_PREFIX), (doc, i) =>
    plugins.toSearchDocument(doc, i),
  );
  const counts = await store.rebuild(model);
  console.log(
    `Index reconstruit : ${counts.initiatives} initiatives, ${counts.docs} sections de guides et de formation (${((Date.now() - started) / 1000).toFixed(1)} s).`,
  );
} finally {
  await meili.stop();
}
