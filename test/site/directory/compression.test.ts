// Compression and caching by the real server on a copy of the real build: files compressed
// at build time go out as they are (brotli, else gzip, as the browser accepts), with
// Content-Encoding, Vary and the right Cache-Control (hashed files immutable, pages
// revalidated); a page re-rendered since the build is never answered with its stale
// variant; directory pages, server pages and API JSON are compressed on the fly.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accepts } from '../../../api/site/precompressed.ts';
import { resolvePaths } from '../../../core/model/paths.ts';
import { tempDir } from '../../helpers/content.ts';
import { startTestServer } from '../../helpers/server.ts';

let root: string;
let build: string;
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  root = tempDir('passerelle-compression-');
  build = path.join(root, 'build');
  fs.cpSync(resolvePaths({}).build, build, { recursive: true });
  server = await startTestServer({ ...resolvePaths({}), build });
});

afterAll(async () => {
  await server?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function get(urlPath: string, acceptEncoding?: string, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${server.url}${urlPath}`, { method, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const decoded = (r: Raw) =>
  r.headers['content-encoding'] === 'br' ? zlib.brotliDecompressSync(r.body) : r.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(r.body) : r.body;

describe('files compressed at build', () => {
  it('sends the brotli variant of a page, revalidated, and the same page as the file', async () => {
    const r = await get('/', 'gzip, deflate, br');
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers.vary).toContain('Accept-Encoding');
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(r.headers.etag).toBeTruthy();
    expect(r.body.length).toBe(fs.statSync(path.join(build, 'index.html.br')).size);
    expect(decoded(r).equals(fs.readFileSync(path.join(build, 'index.html')))).toBe(true);
  });

  it('falls back to gzip, then to the plain file', async () => {
    const gz = await get('/guides', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(decoded(gz).toString()).toContain('</html>');
    expect((await get('/guides', 'br;q=0, gzip')).headers['content-encoding']).toBe('gzip');
    const plain = await get('/guides');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toContain('</html>');
  });

  it('caches hashed assets for a year, immutable', async () => {
    const js = fs.readdirSync(path.join(build, 'assets', 'js')).find((f) => f.endsWith('.js') && fs.statSync(path.join(build, 'assets', 'js', f)).size > 2048);
    const r = await get(`/assets/js/${js}`, 'br');
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['content-type']).toMatch(/javascript/);
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const chunk = fs.readdirSync(path.join(build, 'passerelle', 'chunks'))[0];
    expect((await get(`/passerelle/chunks/${chunk}`, 'identity')).headers['cache-control']).toContain('immutable');
    expect((await get('/passerelle/search.js', 'br')).headers['cache-control']).toBe('no-cache');
  });

  it('answers HEAD with the headers only', async () => {
    const r = await get('/', 'br', 'HEAD');
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.body.length).toBe(0);
  });

  it('never sends a variant older than its page: the page is compressed on the fly', async () => {
    const file = path.join(build, 'glossaire.html');
    const changed = fs.readFileSync(file, 'utf8').replace('</body>', '<!-- changed after the build --></body>');
    fs.writeFileSync(file, changed);
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(file, later, later);
    const r = await get('/glossaire', 'br');
    expect(r.headers['content-encoding']).toBe('br');
    expect(decoded(r).toString()).toBe(changed);
  });
});

describe('compressed on the fly', () => {
  it('compresses directory pages (never precompressed: they are re-rendered one by one)', async () => {
    expect(fs.existsSync(path.join(build, 'annuaire', 'charleroi.html.br'))).toBe(false);
    const r = await get('/annuaire/charleroi', 'br');
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(decoded(r).toString()).toContain('Aide numérique : Charleroi');
  });

  it('compresses API JSON and the pages the server makes', async () => {
    const json = await get('/api/openapi.json', 'gzip');
    expect(json.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(decoded(json).toString()).openapi).toMatch(/^3\.1/);
    const page = await get('/annuaire/recherche?q=wifi', 'br'); // no search engine here: the page says so
    expect(page.status).toBe(503);
    expect(page.headers['content-encoding']).toBe('br');
    expect(decoded(page).toString()).toContain('Voir tous les lieux, par commune');
  });
});

describe('accepts', () => {
  it.each([
    ['br', 'br', true],
    ['gzip, deflate, br', 'br', true],
    ['gzip;q=1.0, br;q=0', 'br', false],
    ['*', 'gzip', true],
    ['identity', 'gzip', false],
    [undefined, 'br', false],
  ])('%s accepts %s: %s', (header, encoding, expected) => {
    expect(accepts(header, encoding)).toBe(expected);
  });
});
