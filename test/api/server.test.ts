// The API's HTTP contract on a real server: health, published initiatives (404, 410),
// the JSON error shape for every failure, security headers, and the site beside it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/index.ts';
import { loadContentModel, readInitiativeFile, resolvePaths, writeInitiativeFile } from '../../core/model/index.ts';
import { renderDirectory } from '../../site/directory/render-directory.tsx';
import { tempContent } from '../helpers/content.ts';
import { getJson, startTestServer } from '../helpers/server.ts';

let env: ReturnType<typeof tempContent>;
let server: RunningServer;

const expectErrorShape = (body: unknown, code: string) => {
  expect(body).toMatchObject({ error: { code, message: expect.any(String) } });
  expect((body as { error: { message: string } }).error.message.length).toBeGreaterThan(5);
};

beforeAll(async () => {
  env = tempContent();
  // The built site of the repo (made by the global setup) stands in for this content's site.
  fs.cpSync(resolvePaths({}).build, env.paths.build, { recursive: true });
  const model = loadContentModel(env.paths);
  const base = readInitiativeFile(model, path.join(env.paths.initiatives, 'permanence-marcinelle.yml'));
  writeInitiativeFile(env.paths.initiatives, { ...base, id: 'ancienne-permanence', status: 'archived' });
  renderDirectory({ buildDir: env.paths.build, model });
  server = await startTestServer(env.paths);
});

afterAll(async () => {
  await server?.close();
  env?.cleanup();
});

describe('GET /api/health', () => {
  it('says what works', async () => {
    const { status, body, headers } = await getJson(`${server.url}/api/health`);
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok', search: expect.any(String), storage: 'ok', publishing: expect.objectContaining({ failing: 0 }) });
    expect(headers.get('content-type')).toMatch(/application\/json/);
  });
});

describe('GET /api/initiatives/:id', () => {
  it('returns a published initiative', async () => {
    const { status, body } = await getJson(`${server.url}/api/initiatives/permanence-marcinelle`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: 'permanence-marcinelle', kind: 'permanence', address: { postcode: '6001' } });
  });

  it.each([
    ['an unknown id', 'nexiste-pas'],
    ['a path trick', '..%2f..%2fpackage.json'],
    ['an encoded dot-dot', '%2e%2e'],
    ['a NUL byte', 'abc%00def'],
    ['a very long name', 'a'.repeat(500)],
  ])('answers 404 in the contract shape for %s', async (_what, id) => {
    const { status, body } = await getJson(`${server.url}/api/initiatives/${id}`);
    expect(status).toBe(404);
    expectErrorShape(body, 'not_found');
  });

  it('answers 410 for an archived initiative', async () => {
    const { status, body } = await getJson(`${server.url}/api/initiatives/ancienne-permanence`);
    expect(status).toBe(410);
    expectErrorShape(body, 'gone');
  });
});

describe('errors and headers', () => {
  it('answers unknown API paths with a JSON 404, not the site', async () => {
    const { status, body } = await getJson(`${server.url}/api/nope`);
    expect(status).toBe(404);
    expectErrorShape(body, 'not_found');
  });

  it('sets security headers and hides the framework', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});

describe('the site beside the API', () => {
  it('serves pages by clean URL and a 404 page otherwise', async () => {
    for (const url of ['/', '/annuaire', '/annuaire/permanence-marcinelle', '/guides']) {
      const res = await fetch(`${server.url}${url}`);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type'), url).toMatch(/text\/html/);
    }
    const missing = await fetch(`${server.url}/page-qui-nexiste-pas`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toMatch(/introuvable|n'existe pas|Page non trouvée/i);
  });

  it('never serves files outside the build directory', async () => {
    for (const url of ['/..%2fpackage.json', '/%2e%2e/package.json', '/..%2f..%2fetc%2fpasswd']) {
      const res = await fetch(`${server.url}${url}`);
      expect(res.status, url).toBe(404);
      expect(await res.text(), url).not.toContain('"dependencies"');
    }
  });
});
