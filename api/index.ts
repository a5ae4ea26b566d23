// Starts the server (options checked by api/config/env.ts; defaults 127.0.0.1:3000) and
// stops it cleanly on SIGINT/SIGTERM. A port that cannot be taken is an error, not a start.
import '../core/model/timezone.ts';
import type { Server } from 'node:http';
import { loadGuides } from '../core/content/guides.ts';
import { loadNews } from '../core/content/news.ts';
import { type ContentModel, loadContentModel } from '../core/model/index.ts';
import { type ProjectPaths, resolvePaths } from '../core/model/paths.ts';
import { loadCityFigures } from '../core/reach/city-figures.ts';
import { normalizeSiteUrl, type SiteUrl } from '../core/urls.ts';
import { createPluginHost, type PasserelleConfig, type PluginHost } from '../plugins/api/index.ts';
import { createDirectoryRenderer } from '../site/directory/index.ts';
import { openModerators } from './auth/moderators.ts';
import { createAuthService, openSessions } from './auth/service.ts';
import { DEFAULT_HOST, DEFAULT_PORT, type TrustProxy } from './config/env.ts';
import { createExportService } from './export/service.ts';
import type { HealthProbe } from './health/router.ts';
import { createLogger, type Logger } from './logger.ts';
import { openAudit } from './moderation/audit.ts';
import { createModerationService } from './moderation/service.ts';
import { dataDirMark, scheduleClosureRefresh } from './publish/ended-closures.ts';
import { createPublishing, failpointsFrom, gitRepository, type Publishing } from './publish/index.ts';
import { createDashboard } from './reach/dashboard.ts';
import { createSearchRuntime, type SearchConfig, type SearchRuntime } from './search/runtime.ts';
import { createApp } from './server.ts';
import { lockDataDir } from './storage/data-lock.ts';
import type { SubmissionsRouterOptions } from './submissions/router.ts';
import { type AnnounceSubmission, createSubmissionsService } from './submissions/service.ts';
import { SubmissionRecords, toPluginSubmission } from './submissions/store.ts';

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
  /** Crash tests only (PASSERELLE_FAILPOINTS): where the process kills itself, see api/publish/failpoints.ts. */
  failpoints?: string;
}

export interface StartedServer extends RunningServer {
  search?: SearchRuntime;
  plugins: PluginHost;
  /** The publish pipeline (tests and benchmarks wait on `drained()`). */
  publishing: Publishing;
}

export async function startServer(opts: ServerOptions = {}): Promise<StartedServer> {
  const paths = opts.paths ?? resolvePaths();
  const logger = opts.logger ?? createLogger();
  const model = opts.model ?? loadContentModel(paths);
  const siteUrl = opts.siteUrl ?? normalizeSiteUrl(undefined);
  const plugins = await createPluginHost({ paths, model, logger, runtime: 'server', siteUrl, ...(opts.config ? { config: opts.config } : {}) });
  logger.info({ plugins: plugins.names }, 'plugins loaded');
  // The index applies the plugins' toSearchDocument hooks.
  const search = opts.search ? createSearchRuntime(opts.search, model, logger, (doc, i) => plugins.toSearchDocument(doc, i)) : undefined;
  const releaseLock = lockDataDir(paths.data);
  const records = await SubmissionRecords.open(paths.data);
  const audit = await openAudit(paths.data);
  const guides = cached(() => loadGuides(paths.content));
  const cityFigures = loadCityFigures(paths.content);
  const dashboard = createDashboard({
    model,
    buildDir: paths.build,
    submissions: () => records.all(),
    decisions: () => audit.data.entries,
    guides,
    city: () => cityFigures,
  });
  const renderer = createDirectoryRenderer({ buildDir: paths.build, model, siteUrl, siteData: (scope) => plugins.siteData(scope) });
  const publishing = createPublishing({
    model,
    dataDir: paths.data,
    records,
    audit,
    plugins,
    logger,
    ...(renderer ? { renderer } : {}),
    ...(search ? { search: { apply: (upserts, removals) => search.store.apply(model, upserts, removals), healthy: () => search.store.healthy() } } : {}),
    repository: gitRepository(paths.content, plugins.committer),
    dashboard,
    failpoints: failpointsFrom(opts.failpoints),
  });
  // What a crash left is finished before any new decision is taken.
  await publishing.start();
  await dashboard.write(publishing.catalogue.all().values()).catch((err: unknown) => logger.error({ err }, 'the dashboard page could not be written'));
  const closures = renderer ? scheduleClosureRefresh(renderer, () => publishing.catalogue.all(), logger, undefined, dataDirMark(paths.data)) : undefined;
  await closures?.run().catch((err: unknown) => logger.error({ err }, 'pages of ended temporary closures could not be rendered'));
  const announce: AnnounceSubmission = async (submission, announcement) => {
    await publishing.pipeline.begin({
      kind: announcement?.kind ?? 'submitted',
      submission: toPluginSubmission(submission),
      ...(announcement?.trackingPath ? { trackingPath: announcement.trackingPath } : {}),
      ...(announcement?.message ? { message: announcement.message } : {}),
    });
  };
  const listings = { get: (id: string) => publishing.catalogue.get(id), all: () => publishing.catalogue.all().values() };
  const submissions = createSubmissionsService(model, records, logger, plugins, announce, listings);
  if (search) await search.sync();
  const auth = createAuthService(await openModerators(paths.data), await openSessions(paths.data), logger);
  const moderation = createModerationService({
    model,
    records,
    audit,
    plugins,
    pipeline: publishing.pipeline,
    catalogue: publishing.catalogue,
    dataDir: paths.data,
    ...(opts.tileUrl ? { tileUrl: opts.tileUrl } : {}),
  });
  const health: HealthProbe = {
    search: async () => (search ? ((await search.store.healthy()) ? 'ok' : 'unavailable') : 'disabled'),
    storage: async () => 'ok',
    publishing: () => publishing.pipeline.status(),
  };
  const app = createApp({
    model,
    logger,
    buildDir: paths.build,
    health,
    search: search?.service,
    submissions: { service: submissions, options: opts.submissionsLimit, listings },
    moderation: { auth, service: moderation, loginLimit: opts.loginLimit },
    exports: createExportService(model, plugins),
    trustProxy: opts.trustProxy,
    tileUrl: opts.tileUrl,
    reach: {
      model,
      initiatives: () => publishing.catalogue.all(),
      news: cached(() => loadNews(paths.content)),
      guides,
      indicators: () => dashboard.indicators(publishing.catalogue.all().values()),
      config: plugins.reach,
      siteUrl,
      buildDir: paths.build,
    },
  });
  const port = opts.port ?? DEFAULT_PORT;
  const host = opts.host ?? DEFAULT_HOST;
  // Express 5 hands a listen error (EADDRINUSE…) to this callback: it must not count as ready.
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, host, (err?: Error) => (err ? reject(err) : resolve(s)));
  }).catch((err: unknown) => {
    search?.stop();
    closures?.stop();
    publishing.stop();
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
    publishing,
    close: () =>
      new Promise<void>((resolve) => {
        search?.stop();
        closures?.stop();
        publishing.stop();
        releaseLock();
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

/** The news, read again at most once a minute (posts change with a rebuild, rarely). */
/** Content read from disk at most once a minute (news and guides change with a build). */
function cached<T>(load: () => T[]): () => T[] {
  let at = 0;
  let items: T[] = [];
  return () => {
    if (Date.now() - at > 60_000) {
      items = load();
      at = Date.now();
    }
    return items;
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
