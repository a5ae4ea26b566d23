// GET /api/health — { status, search, storage }: what works right now.
import { Router } from 'express';

export type ComponentState = 'ok' | 'unavailable' | 'disabled';
export interface HealthProbe {
  search(): Promise<ComponentState>;
  storage(): Promise<ComponentState>;
}

export function healthRouter(probe: HealthProbe): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const [search, storage] = await Promise.all([probe.search(), probe.storage()]);
    const status = storage === 'unavailable' ? 'degraded' : search === 'unavailable' ? 'degraded' : 'ok';
    res.set('Cache-Control', 'no-store').json({ status, search, storage });
  });
  return router;
}
