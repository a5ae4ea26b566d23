// Starts the server (options checked by api/config/env.ts; defaults 127.0.0.1:3000) and
// stops it cleanly on SIGINT/SIGTERM. A port that cannot be taken is an error, not a start.
import '../core/model/timezone.ts';
import type { Server } from 'node:http';
import { type ContentModel, loadContentModel } from '../core/model/index.ts';
import { type ProjectPaths, resolvePaths } from '../core/model/paths.ts';
import { normalizeSiteUrl, type SiteUrl } from '../core/urls.ts';
import { createPluginHost, type PasserelleConfig, type PluginHost } from '../plugins/api/index.ts';
import { openModerators } from './auth/moderators.ts';
import { createAuthService, openSessions } from './auth/service.ts';
import { DEFAULT_HOST, DEFAULT_PORT, type TrustProxy } from './config/env.ts';
import { createExportService } from './export/service.ts';
import type { HealthProbe } from './health/router.ts';
import { createLogger, type Logger } from './logger.ts';
import { openAudit } from './moderation/audit.ts';
import { createModerationService } from './moderation/service.ts';
import { rerenderPage } from './moderation/side-effects.ts';
import { createSearchRuntime, type SearchConfig, type SearchRuntime } from './search/runtime.ts';
import { createApp } from './server.ts';
import { lockDataDir } from './storage/data-lock.ts';
import type { SubmissionsRouterOptions } from './submissions/router.ts';
import { createSubmissionsService } from './submissions/service.ts';
import { SubmissionRecords } from './submissions/store.ts';

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
  /** Plugins to use instead of importing `paths.config` (tests). */
  config?: PasserelleConfig;
  /** The public address (PASSERELLE_SITE_URL); default http://localhost:3000. */
  siteUrl?: SiteUrl;
  trustProxy?: TrustProxy;
  /** Map tile template (PASSERELLE_TILE_URL). */
  tileUrl?: string;
}

export async function startServer(opts: ServerOptions = {}): Promise<RunningServer & { search?: SearchRuntime; plugins: PluginHost }> {
  const paths = opts.paths ?? resolvePaths();
  const logger = opts.logger ?? createLogger();
  const model = opts.model ?? loadContentModel(paths);
  const siteUrl = opts.siteUrl ?? normalizeSiteUrl(undefined);
  // The search index applies the plugins' toSearchDocument; the plugins get the index.
  let plugins: PluginHost | undefined;
  const search = opts.search ? createSearchRuntime(opts.search, model, logger, (doc, i) => (plugins ? plugins.toSearchDocument(doc, i) : doc)) : undefined;
  plugins = await createPluginHost({
    paths,
    model,
    logger,
    runtime: 'server',
    siteUrl,
    ...(opts.config ? { config: opts.config } : {}),
    ...(search ? { search: { upsertInitiative: (i) => search.store.upsertInitiative(model, i), markStale: () => search.markStale() } } : {}),
  });
  logger.info({ plugins: plugins.names }, 'plugins loaded');
  const releaseLock = lockDataDir(paths.data);
  const records = await SubmissionRecords.open(paths.data);
  const submissions = createSubmissionsService(model, records, logger, plugins);
  if (search) await search.sync();
  const auth = createAuthService(await openModerators(paths.data), await openSessions(paths.data), logger);
  const moderation = createModerationService(model, records, await openAudit(paths.data), logger, plugins, [
    rerenderPage(model, paths.build, plugins, siteUrl),
  ]);
  const repaired = await moderation.reconcile();
  if (repaired) logger.warn({ repaired }, 'interrupted approvals completed');
  const health: HealthProbe = {
    search: async () => (search ? ((await search.store.healthy()) ? 'ok' : 'unavailable') : 'disabled'),
    storage: async () => 'ok',
  };
  const app = createApp({
    model,
    logger,
    buildDir: paths.build,
    health,
    search: search?.service,
    submissions: { service: submissions, options: opts.submissionsLimit },
    moderation: { auth, service: moderation, loginLimit: opts.loginLimit },
    exports: createExportService(model, plugins),
    trustProxy: opts.trustProxy,
    tileUrl: opts.tileUrl,
  });
  const port = opts.port ?? DEFAULT_PORT;
  const host = opts.host ?? DEFAULT_HOST;
  // Express 5 hands a listen error (EADDRINUSE…) to this callback: it must not count as ready.
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, host, (err?: Error) => (err ? reject(err) : resolve(s)));
  }).catch((err: unknown) => {
    search?.stop();
    plugins.close();
    releaseLock();
    throw err;
  });
  server.keepAliveTimeout = 5000;
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${actualPort}`;
  return {
    server,
    url,
    search,
    plugins,
    close: () =>
      new Promise<void>((resolve) => {
        search?.stop();
        plugins.close();
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
