// Starts the server on PORT (default 3000) and stops it cleanly on SIGINT/SIGTERM.
import '../plugins/model/timezone.ts';
import type { Server } from 'node:http';
import { loadContentModel, type ContentModel } from '../plugins/model/index.ts';
import { resolvePaths, type ProjectPaths } from '../plugins/model/paths.ts';
import { createLogger, type Logger } from './logger.ts';
import type { HealthProbe } from './health/router.ts';
import { createSearchRuntime, type SearchConfig, type SearchRuntime } from './search/runtime.ts';
import { createApp } from './server.ts';
import { lockDataDir } from './storage/data-lock.ts';
import { openModerators } from './auth/moderators.ts';
import { createAuthService, openSessions } from './auth/service.ts';
import { openAudit } from './moderation/audit.ts';
import { createModerationService } from './moderation/service.ts';
import { commitToGit, rerenderPage, updateSearch } from './moderation/side-effects.ts';
import { SubmissionRecords } from './submissions/store.ts';
import { createSubmissionsService } from './submissions/service.ts';
import type { SubmissionsRouterOptions } from './submissions/router.ts';

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export interface ServerOptions {
  paths?: ProjectPaths;
  port?: number;
  host?: string;
  logger?: Logger;
  model?: ContentModel;
  /** Meilisearch to use; without it /api/search answers 503. */
  search?: SearchConfig;
  submissionsLimit?: SubmissionsRouterOptions;
  loginLimit?: number;
}

export async function startServer(opts: ServerOptions = {}): Promise<RunningServer & { search?: SearchRuntime }> {
  const paths = opts.paths ?? resolvePaths();
  const logger = opts.logger ?? createLogger();
  const model = opts.model ?? loadContentModel(paths);
  const releaseLock = lockDataDir(paths.data);
  const records = await SubmissionRecords.open(paths.data);
  const submissions = createSubmissionsService(model, records, logger);
  const search = opts.search ? createSearchRuntime(opts.search, model, logger) : undefined;
  if (search) await search.sync();
  const auth = createAuthService(await openModerators(paths.data), await openSessions(paths.data), logger);
  // Search first: it has the 2 s budget; re-rendering the list and committing can follow.
  const effects = [...(search ? [updateSearch(model, search)] : []), rerenderPage(model, paths.build, process.env.PASSERELLE_SITE_URL), commitToGit(model)];
  const moderation = createModerationService(model, records, await openAudit(paths.data), logger, effects);
  const repaired = await moderation.reconcile();
  if (repaired) logger.warn({ repaired }, 'interrupted approvals completed');
  const health: HealthProbe = {
    search: async () => (search ? ((await search.store.healthy()) ? 'ok' : 'unavailable') : 'disabled'),
    storage: async () => 'ok',
  };
  const app = createApp({ model, logger, buildDir: paths.build, health, search: search?.service, submissions: { service: submissions, options: opts.submissionsLimit }, moderation: { auth, service: moderation, loginLimit: opts.loginLimit } });
  const port = opts.port ?? Number(process.env.PORT ?? 3000);
  const host = opts.host ?? process.env.HOST ?? '127.0.0.1';
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, host, () => resolve(s));
    s.on('error', reject);
  });
  server.keepAliveTimeout = 5000;
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${actualPort}`;
  return {
    server,
    url,
    search,
    close: () =>
      new Promise<void>((resolve) => {
        search?.stop();
        releaseLock();
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

/** Runs `stop` once on SIGINT/SIGTERM, then exits. */
export function onShutdown(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    stop().then(
      () => process.exit(0),
      (err) => {
        logger.error({ err }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
