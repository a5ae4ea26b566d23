// What a first visit costs on the wire: for home, /annuaire, a commune page, a listing and a
// guide, the HTML plus every script and stylesheet the page references, fetched from the
// real server (built site, no search needed) as a browser would (Accept-Encoding: br, gzip)
// and raw. Prints bytes per page and the Content-Encoding the server answered with.
// Usage: npm run bench -- wire [--pages /,/annuaire,…]
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../../api/index.ts';
import { createLogger } from '../../api/logger.ts';
import { resolvePaths } from '../../core/model/index.ts';

export const FIRST_VISIT_PAGES = ['/', '/annuaire', '/annuaire/charleroi', '/annuaire/epn-de-thuin', '/guides/identite-securite/itsme-installer-activer'];

interface Weight {
  raw: number;
  wire: number;
  encodings: Set<string>;
  files: number;
}

/** One GET as sent on the wire (node:http does not decode): the bytes received and the encoding. */
function get(url: string, acceptEncoding: string): Promise<{ body: Buffer; encoding: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          if (res.statusCode !== 200) reject(new Error(`${url}: HTTP ${res.statusCode}`));
          else resolve({ body: Buffer.concat(chunks), encoding: String(res.headers['content-encoding'] ?? 'identity') });
        });
      })
      .on('error', reject);
  });
}

async function weigh(base: string, page: string): Promise<Weight> {
  const weight: Weight = { raw: 0, wire: 0, encodings: new Set(), files: 0 };
  const add = async (url: string) => {
    const raw = await get(url, 'identity');
    const wire = await get(url, 'br, gzip');
    weight.raw += raw.body.length;
    weight.wire += wire.body.length;
    weight.encodings.add(wire.encoding);
    weight.files++;
    return raw.body.toString('utf8');
  };
  const html = await add(`${base}${page}`);
  const refs = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)]
    .map((m) => m[1] ?? '')
    .filter((r) => r.startsWith('/'));
  for (const ref of new Set(refs)) await add(`${base}${ref}`);
  return weight;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export async function benchWire(pages: string[] = FIRST_VISIT_PAGES): Promise<void> {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-bench-wire-'));
  const server = await startServer({ paths: { ...resolvePaths({}), data }, port: 0, host: '127.0.0.1', logger: createLogger({ LOG_LEVEL: 'silent' }) });
  try {
    console.log('\nFirst visit (HTML + its scripts and stylesheets), raw and on the wire (Accept-Encoding: br, gzip):');
    for (const page of pages) {
      const w = await weigh(server.url, page);
      console.log(
        `  ${page.padEnd(52)} ${String(w.files).padStart(2)} files  raw ${kb(w.raw).padStart(9)}  wire ${kb(w.wire).padStart(9)}  (${[...w.encodings].sort().join(', ')})`,
      );
    }
  } finally {
    await server.close();
    fs.rmSync(data, { recursive: true, force: true });
  }
}
