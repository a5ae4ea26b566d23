// GET /api/initiatives/:id — HTTP only; the service decides.
import { Router } from 'express';
import type { InitiativesService } from './service.ts';

export function initiativesRouter(service: InitiativesService): Router {
  const router = Router();
  router.get('/:id', (req, res) => {
    res.set('Cache-Control', 'no-cache').json(service.get(req.params.id));
  });
  return router;
}
