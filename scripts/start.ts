// `npm start`: builds the site when it is missing or older than the sources and content,
// starts Meilisearch (bundled binary, or MEILI_HOST), syncs the indexes, then serves site
// + API on one port. `--no-build` serves what is there.
import '../core/model/timezone.ts';
import { onShutdown, startServer } from '../api/index.ts';
import { createLogger } from '../api/logger.ts';
import { type MeiliEndpoint, MeiliStartError, startMeili } from '../api/search/meili-server.ts';
import { DataLockError } from '../api/storage/data-lock.ts';
import { resolvePaths } from '../core/model/paths.ts';
import { buildNeed, buildSite, renderDirectoryPages } from './lib/build-site.ts';

const logger = createLogger();
const paths = resolvePaths();

if (!process.argv.includes('--no-build')) {
  const need = buildNeed(paths);
  if (need === 'full') {
    logger.info('building the site (first start or sources changed), this takes about a minute');
    await buildSite(paths, { siteUrl: process.env.PASSERELLE_SITE_URL });
  } else if (need === 'directory') {
    const pages = await renderDirectoryPages(paths, process.env.PASSERELLE_SITE_URL);
    logger.info({ pages }, 'initiatives changed: directory pages re-rendered');
  }
}

let meili: MeiliEndpoint | undefined;
try {
  meili = await startMeili({ dataDir: paths.data });
  logger.info({ host: meili.host, external: meili.external }, 'Meilisearch ready');
} catch (err) {
  if (!(err instanceof MeiliStartError)) throw err;
  logger.error(err.message);
  console.error(`\n  La recherche ne démarre pas : ${err.message}\n  Le site et l'annuaire fonctionnent sans elle.\n`);
}

let running: Awaited<ReturnType<typeof startServer>>;
try {
  running = await startServer({
    paths,
    logger,
    search: meili ? { host: meili.host, apiKey: meili.apiKey, prefix: process.env.MEILI_INDEX_PREFIX } : undefined,
  });
} catch (err) {
  await meili?.stop();
  if (!(err instanceof DataLockError)) throw err;
  console.error(`\n  Passerelle ne démarre pas : ${err.message}\n`);
  process.exit(1);
}
logger.info({ url: running.url }, `Passerelle is ready: ${running.url}`);
console.log(`\n  Passerelle tourne sur ${running.url}  (Ctrl+C pour arrêter)\n`);
onShutdown(logger, async () => {
  await running.close();
  await meili?.stop();
});
