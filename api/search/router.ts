// GET /api/search — HTTP only: passes the query string to the service and answers its JSON
// (never cached: "open now" changes by the minute). Errors go to the one JSON error handler.
import { Router } from 'express';
import { HttpError } from '../http/errors.ts';
import type { SearchService } from './service.ts';

const NOT_CONFIGURED = "La recherche n'est pas disponible sur ce serveur. La liste des lieux par commune reste sur /annuaire.";

export function searchRouter(service: SearchService | undefined): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    if (!service) throw new HttpError(503, 'search_unavailable', NOT_CONFIGURED);
    const result = await service.search(req.query);
    res.set('Cache-Control', 'no-store').json(result);
  });
  return router;
}
