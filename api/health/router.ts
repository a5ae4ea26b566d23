// GET /api/health — { status, search, storage, publishing }: what works right now, and
// what the publish pipeline still has to do (pending jobs, failing ones, the oldest's age).
import { Router } from 'express';

export type ComponentState = 'ok' | 'unavailable' | 'disabled';

export interface PublishingHealth {
  pending: number;
  failing: number;
  oldestPendingSeconds: number;
}

export interface HealthProbe {
  search(): Promise<ComponentState>;
  storage(): Promise<ComponentState>;
  publishing?(): PublishingHealth;
}

export function healthRouter(probe: HealthProbe): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const [search, storage] = await Promise.all([probe.search(), probe.storage()]);
    const publishing = probe.publishing?.() ?? { pending: 0, failing: 0, oldestPendingSeconds: 0 };
    const status = storage === 'unavailable' || search === 'unavailable' || publishing.failing > 0 ? 'degraded' : 'ok';
    res.set('Cache-Control', 'no-store').json({ status, search, storage, publishing });
  });
  return router;
}
