// /api/moderation — HTTP only, behind the moderator guard (session + CSRF): the desk's
// settings, the queue (filters, sort), one submission, a preview of edits, the decisions,
// what publishing still has to do, and the decision log.
import { type RequestHandler, Router } from 'express';
import { moderatorOf } from '../auth/router.ts';
import type { ModerationService } from './service.ts';

export function moderationRouter(service: ModerationService, guard: RequestHandler): Router {
  const router = Router();
  router.use(guard);
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  router.get('/desk', (_req, res) => {
    res.json(service.desk());
  });
  router.get('/submissions', (req, res) => {
    res.json({ submissions: service.list(req.query) });
  });
  router.get('/submissions/:id', (req, res) => {
    res.json(service.get(req.params.id));
  });
  router.post('/submissions/:id/preview', (req, res) => {
    res.json(service.preview(req.params.id, (req.body as { edits?: unknown } | undefined)?.edits));
  });
  router.post('/submissions/:id/approve', async (req, res) => {
    const body = (req.body ?? {}) as { edits?: unknown; action?: unknown };
    res.json(await service.approve(req.params.id, moderatorOf(req).email, body.edits, body.action));
  });
  router.post('/submissions/:id/reject', async (req, res) => {
    res.json(await service.reject(req.params.id, moderatorOf(req).email, (req.body as { reason?: unknown } | undefined)?.reason));
  });
  router.post('/submissions/:id/request-changes', async (req, res) => {
    res.json(await service.requestChanges(req.params.id, moderatorOf(req).email, (req.body as { message?: unknown } | undefined)?.message));
  });
  router.get('/publishing', (_req, res) => {
    res.json({ listings: service.publishing() });
  });
  router.get('/audit', (_req, res) => {
    res.json({ entries: service.audit() });
  });
  return router;
}
