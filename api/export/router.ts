// GET /api/export (the formats and their licence) and GET /api/export/<format> (the file).
// Open data: any site may fetch it (CORS), caches may keep it five minutes.
import { Router } from 'express';
import type { ExportService } from './service.ts';

export function exportRouter(service: ExportService): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    res.set('Access-Control-Allow-Origin', '*').json(service.list());
  });
  router.get('/:format', (req, res) => {
    const file = service.render(String(req.params.format));
    res
      .set({
        'Content-Type': file.contentType,
        'Content-Disposition': `inline; filename="${file.fileName}"`,
        'Access-Control-Allow-Origin': '*',
        'Cache-Control': 'public, max-age=300',
      })
      .send(file.body);
  });
  return router;
}
