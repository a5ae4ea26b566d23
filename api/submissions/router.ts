// POST /api/submissions and GET /api/submissions/:id?token= — HTTP only, plus the rate
// limit of public submissions (per IP; behind a proxy only when TRUST_PROXY says so).
import { type RequestHandler, Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { SubmissionsService } from './service.ts';

export interface SubmissionsRouterOptions {
  /** Submissions accepted per IP and window (default 20 per 10 minutes). */
  limit?: number;
  windowMs?: number;
}

/** One limiter for every way a submission comes in (JSON API and the no-JS form). */
export function submissionLimiter({ limit = 20, windowMs = 10 * 60_000 }: SubmissionsRouterOptions = {}): RequestHandler {
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      res
        .status(429)
        .json({ error: { code: 'too_many_requests', message: 'Trop de demandes envoyées depuis cette connexion. Réessayez dans quelques minutes.' } });
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
