// `npm start`: checks the environment (a wrong variable stops here, before anything runs),
// builds the site when it is missing or older than the sources and content, starts
// Meilisearch (bundled binary, or MEILI_HOST), syncs the indexes, then serves site + API on
// one port. `--no-build` serves what is there. A port that cannot be taken (another program
// on it) stops the start with a message, exit code 1. Runs compiled (dist/start.mjs, see
// scripts/launch.mjs) in production, or through tsx in development.
import '../core/model/timezone.ts';
import { configOrExit } from '../api/config/env.ts';
import { onShutdown, startServer } from '../api/index.ts';
import { createLogger } from '../api/logger.ts';
import { indexingMemoryFor, type MeiliEndpoint, MeiliStartError, startMeili } from '../api/search/meili-server.ts';
import { DataLockError } from '../api/storage/data-lock.ts';
import { listInitiativeFiles } from '../core/model/index.ts';
import { buildNeed, buildSite, renderDirectoryPages } from './lib/build-site.ts';

const config = configOrExit();
const { paths } = config;
const logger = createLogger({ LOG_LEVEL: config.logLevel });

/** Why the port could not be taken, for people; undefined for an error we do not expect. */
function listenProblem(err: unknown, host: string, port: number): string | undefined {
  switch ((err as NodeJS.ErrnoException).code) {
    case 'EADDRINUSE':
      return `port ${port} on ${host} is already in use by another program (another Passerelle?). Stop it, or choose another port: PORT=${port === 3000 ? 3001 : 3000} npm start.`;
    case 'EACCES':
      return `port ${port} on ${host} needs administrator rights. Use a port above 1023 (PORT=3000), behind a reverse proxy if it must answer on port 80 or 443.`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return `HOST=${host} is not an address of this machine. Use HOST=127.0.0.1 (this machine only) or HOST=0.0.0.0 (every network interface).`;
    default:
      return undefined;
  }
}

if (!process.argv.includes('--no-build')) {
  const need = buildNeed(paths);
  if (need === 'full') {
    logger.info('building the site (first start or sources changed), this takes about a minute');
    await buildSite(paths, { siteUrl: config.siteUrl });
  } else if (need === 'directory') {
    const pages = await renderDirectoryPages(paths, config.siteUrl);
    logger.info({ pages }, 'initiatives changed: directory pages re-rendered');
  }
}

let meili: MeiliEndpoint | undefined;
try {
  const external = config.meili ? { MEILI_HOST: config.meili.host, MEILI_MASTER_KEY: config.meili.apiKey } : {};
  // Indexing memory sized to the listings unless MEILI_MAX_INDEXING_MEMORY says otherwise.
  const maxIndexingMemory = config.maxIndexingMemory ?? indexingMemoryFor(listInitiativeFiles(paths.initiatives).length);
  meili = await startMeili({ dataDir: paths.data, env: external, maxIndexingMemory });
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
    port: config.port,
    host: config.host,
    siteUrl: config.siteUrl,
    trustProxy: config.trustProxy,
    tileUrl: config.tileUrl,
    ...(config.failpoints ? { failpoints: config.failpoints } : {}),
    search: meili ? { host: meili.host, apiKey: meili.apiKey, prefix: config.indexPrefix } : undefined,
  });
} catch (err) {
  await meili?.stop();
  const problem = err instanceof DataLockError ? err.message : listenProblem(err, config.host, config.port);
  if (!problem) throw err;
  logger.error({ err }, 'start failed');
  console.error(`\n  Passerelle ne démarre pas : ${problem}\n`);
  process.exit(1);
}
logger.info({ url: running.url }, `Passerelle is ready: ${running.url}`);
console.log(`\n  Passerelle tourne sur ${running.url}  (Ctrl+C pour arrêter)\n`);
onShutdown(logger, async () => {
  await running.close();
  await meili?.stop();
});
