// The Express app, built apart from listening so tests call it in-process: the API under
// /api (JSON, errors in the contract's shape) and the built site for everything else.
// Everything goes out compressed: the build's files as compressed at build time
// (site/precompressed.ts), the rest (API JSON, pages made by the server or re-rendered
// since the build) on the fly, brotli or gzip as the browser accepts.
import compression from 'compression';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { ContentModel } from '../core/model/index.ts';
import { tileOrigin } from '../core/tiles.ts';
import { authRouter, requireModerator } from './auth/router.ts';
import type { AuthService } from './auth/service.ts';
import type { TrustProxy } from './config/env.ts';
import { exportRouter } from './export/router.ts';
import type { ExportService } from './export/service.ts';
import { type HealthProbe, healthRouter } from './health/router.ts';
import { hoursRouter } from './hours/router.ts';
import { apiNotFound, errorHandler } from './http/errors.ts';
import { initiativesRouter } from './initiatives/router.ts';
import { createInitiativesService } from './initiatives/service.ts';
import type { Logger } from './logger.ts';
import { moderationRouter } from './moderation/router.ts';
import type { ModerationService } from './moderation/service.ts';
import { openApiDocument } from './openapi/document.ts';
import type { ReachDeps } from './reach/deps.ts';
import { indicatorsApi, reachRouter, widgetApi } from './reach/router.ts';
import { searchRouter } from './search/router.ts';
import type { SearchService } from './search/service.ts';
import { inlineScriptHashes } from './site/inline-script-hashes.ts';
import { hashedChunks, precompressed } from './site/precompressed.ts';
import { proposalRoute } from './site/proposal-route.ts';
import { searchRoute } from './site/search-route.ts';
import { staticSite } from './site/static-site.ts';
import { type SubmissionsRouterOptions, submissionLimiter, submissionsRouter } from './submissions/router.ts';
import { fileListings, type ListingLookup, type SubmissionsService } from './submissions/service.ts';

export interface AppDeps {
  model: ContentModel;
  logger: Logger;
  /** Serve the built site from here; omitted in API-only tests. */
  buildDir?: string;
  health?: HealthProbe;
  /** Absent when no search engine is configured: /api/search answers 503. */
  search?: SearchService;
  submissions?: { service: SubmissionsService; options?: SubmissionsRouterOptions; listings?: ListingLookup };
  moderation?: { auth: AuthService; service: ModerationService; loginLimit?: number };
  /** Open-data exports of the plugins (/api/export). */
  exports?: ExportService;
  /** Express's `trust proxy` (TRUST_PROXY, checked by api/config/env.ts); off by default. */
  trustProxy?: TrustProxy;
  /** Map tile template (PASSERELLE_TILE_URL): its origin is allowed in `img-src`. */
  tileUrl?: string;
  /** The reach pages (/wifi…); absent in API-only tests. */
  reach?: ReachDeps;
}

const defaultHealth: HealthProbe = { search: async () => 'disabled', storage: async () => 'ok' };

export function createApp({
  model,
  logger,
  buildDir,
  health = defaultHealth,
  search,
  submissions,
  moderation,
  exports,
  trustProxy = false,
  tileUrl,
  reach,
}: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'script-src': ["'self'", ...(buildDir ? inlineScriptHashes(buildDir) : [])],
          'img-src': ["'self'", 'data:', tileOrigin(tileUrl ? { PASSERELLE_TILE_URL: tileUrl } : {})],
          'connect-src': ["'self'"],
        },
      },
    }),
  );

  // Brotli at quality 4 (compression's default): near gzip's CPU cost, smaller output.
  app.use(compression({ threshold: 1024 }));

  const api = express.Router();
  // The busiest route first: a search passes no other layer of the API.
  api.use('/search', searchRouter(search));
  api.use(express.json({ limit: '64kb' }));
  api.use('/health', healthRouter(health));
  const openapi = openApiDocument(model);
  api.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  api.use('/hours', hoursRouter());
  const limiter = submissionLimiter(submissions?.options, buildDir);
  if (submissions) api.use('/submissions', submissionsRouter(submissions.service, limiter));
  if (moderation) {
    api.use('/auth', authRouter(moderation.auth, { loginLimit: moderation.loginLimit }));
    api.use('/moderation', moderationRouter(moderation.service, requireModerator(moderation.auth)));
  }
  api.use('/initiatives', initiativesRouter(createInitiativesService(model)));
  if (reach) api.use('/export', indicatorsApi(reach));
  if (exports) api.use('/export', exportRouter(exports));
  if (reach) api.use('/widget', widgetApi(reach));
  api.use(apiNotFound);
  api.use(errorHandler(logger));
  app.use('/api', api);

  if (submissions)
    app.use(
      proposalRoute({
        service: submissions.service,
        limiter,
        model,
        listings: submissions.listings ?? fileListings(model),
        ...(buildDir ? { buildDir } : {}),
      }),
    );
  app.use(searchRoute(search, model, buildDir));
  if (reach) app.use(reachRouter(reach));
  if (buildDir) {
    app.use(precompressed(buildDir));
    app.use(hashedChunks(buildDir));
    app.use(staticSite(buildDir));
  }
  app.use(errorHandler(logger));
  return app;
}
