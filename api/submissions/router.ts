// POST /api/submissions and GET /api/submissions/:id?token= — HTTP only, plus the rate
// limit of public submissions (per IP; behind a proxy only when TRUST_PROXY says so),
// shared with the no-JavaScript forms, which get a French page with the waiting time.
import { type RequestHandler, Router } from 'express';
import { type RateLimitInfo, rateLimit } from 'express-rate-limit';
import { escapeHtml } from '../../core/html.ts';
import { MESSAGES } from '../../core/messages.ts';
import { sitePaths } from '../../core/urls.ts';
import { renderPlainPage } from '../../site/directory/index.ts';
import type { SubmissionsService } from './service.ts';

export interface SubmissionsRouterOptions {
  /** Submissions accepted per IP and window (default 20 per 10 minutes). */
  limit?: number;
  windowMs?: number;
}

/** One limiter for every way a submission comes in (JSON API and the no-JS forms): JSON for the API, a French page for a form. */
export function submissionLimiter({ limit = 20, windowMs = 10 * 60_000 }: SubmissionsRouterOptions = {}, buildDir?: string): RequestHandler {
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, res) => {
      const reset = (req as typeof req & { rateLimit?: RateLimitInfo }).rateLimit?.resetTime?.getTime() ?? Date.now() + windowMs;
      const minutes = Math.max(1, Math.ceil((reset - Date.now()) / 60_000));
      if (req.originalUrl.startsWith('/api/')) {
        res.status(429).json({ error: { code: 'too_many_requests', message: MESSAGES.tooManyRequests } });
        return;
      }
      const wait = minutes === 1 ? 'une minute' : `${minutes} minutes`;
      res
        .status(429)
        .type('html')
        .send(
          renderPlainPage(buildDir, {
            title: 'Trop d’envois pour le moment',
            path: req.path,
            body: `<h1 tabindex="-1">Trop d’envois depuis cette connexion</h1><p>Pour protéger le site, chaque connexion peut envoyer ${limit} formulaires par ${Math.round(windowMs / 60_000)} minutes. <strong>Réessayez dans ${escapeHtml(wait)}.</strong></p><p>Ce que vous avez écrit n’est pas perdu : revenez à la page précédente avec le bouton « retour » de votre navigateur, attendez, puis envoyez à nouveau.</p><p><a href="${escapeHtml(sitePaths.home)}">Retour à l’accueil</a></p>`,
          }),
        );
    },
  });
}

export function submissionsRouter(service: SubmissionsService, limiter: RequestHandler): Router {
  const router = Router();
  router.post('/', limiter, async (req, res) => {
    const receipt = await service.create(req.body);
    res.status(202).json(receipt);
  });
  router.post('/:id/resubmit', limiter, async (req, res) => {
    res.json(await service.resubmit(String(req.params.id), req.query.token, req.body));
  });
  router.get('/:id', (req, res) => {
    res.set('Cache-Control', 'no-store').json(service.status(req.params.id, req.query.token));
  });
  return router;
}
