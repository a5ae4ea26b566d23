// GET /api/search on a server started without Meilisearch: the router answers through the
// one JSON error handler, a 503 in plain French that sends people to the list by commune.
import type { Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from '../../../api/http/errors.ts';
import { createLogger } from '../../../api/logger.ts';
import { searchRouter } from '../../../api/search/router.ts';
import { getJson } from '../../helpers/server.ts';

let server: Server;
let url: string;

beforeAll(async () => {
  const app = express();
  app.use('/api/search', searchRouter(undefined));
  app.use(errorHandler(createLogger({ LOG_LEVEL: 'silent' })));
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

describe('search not configured on this server', () => {
  it('answers 503 search_unavailable with the way to the list by commune', async () => {
    const { status, body } = await getJson(`${url}/api/search?q=wifi`);
    expect(status).toBe(503);
    expect(body).toEqual({
      error: {
        code: 'search_unavailable',
        message: "La recherche n'est pas disponible sur ce serveur. La liste des lieux par commune reste sur /annuaire.",
      },
    });
  });
});
