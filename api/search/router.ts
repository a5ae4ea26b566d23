// GET /api/search — HTTP only: passes the query string to the service, answers its JSON.
import { Router } from 'express';
import type { SearchService } from './service.ts';

export function searchRouter(service: SearchService | undefined): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    if (!service) {
      res.status(503).json({
        error: {
          code: 'search_unavailable',
          message: "La recherche n'est pas disponible sur ce serveur. La liste des lieux par commune reste sur /annuaire.",
        },
      });
      return;
    }
    const result = await service.search(req.query);
    res.set('Cache-Control', 'no-store').json(result);
  });
  return router;
}
