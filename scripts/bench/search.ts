// Benchmark: GET /api/search against the same query sent straight to Meilisearch (same
// keep-alive transport), at 1,000 and 10,000 synthetic initiatives, in one run.
// Budget (brief §7): /api/search p95 ≤ 1.3 × Meilisearch direct p95.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { slotOf } from '../../api/search/documents.ts';
import { freePort, type MeiliEndpoint, startMeili } from '../../api/search/meili-server.ts';
import { loadContentModel, lookupPlace, type ProjectPaths, ROOT_DIR } from '../../core/model/index.ts';
import { writeSyntheticContent } from '../lib/synthetic.ts';

// One keep-alive client for both sides, so each measurement is one HTTP exchange.
const agent = new http.Agent({ keepAlive: true });
function request(url: string, body?: unknown, apiKey?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      url,
      {
        agent,
        method: payload ? 'POST' : 'GET',
        headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), authorization: `Bearer ${apiKey}` } : {},
      },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve(200) : reject(new Error(`${url}: HTTP ${res.statusCode}`))));
      },
    );
    req.setNoDelay(true);
    req.on('error', reject);
    req.end(payload);
  });
}

/** The server in its own process, as in production (the client must not share its event loop). */
async function startServerProcess(paths: ProjectPaths, meili: MeiliEndpoint, prefix: string): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(path.join(ROOT_DIR, 'node_modules/.bin/tsx'), [path.join(ROOT_DIR, 'scripts/start.ts'), '--no-build'], {
    env: {
      ...process.env,
      PORT: String(port),
      MEILI_HOST: meili.host,
      MEILI_MASTER_KEY: meili.apiKey,
      MEILI_INDEX_PREFIX: prefix,
      PASSERELLE_CONTENT_DIR: paths.content,
      PASSERELLE_BUILD_DIR: paths.build,
      PASSERELLE_DATA_DIR: paths.data,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Passerelle tourne')) resolve();
    });
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

async function time(fn: () => Promise<unknown>, runs: number): Promise<number[]> {
  for (let i = 0; i < 20; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

export async function benchSearch(sizes: number[], runs = 300): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-bench-search-'));
  const meili = await startMeili({ dataDir: path.join(root, 'meili'), env: {} });
  try {
    for (const size of sizes) {
      const paths = writeSyntheticContent(path.join(root, String(size)), size);
      const prefix = `b${size}_`;
      const t0 = performance.now();
      const server = await startServerProcess(paths, meili, prefix);
      const syncSeconds = (performance.now() - t0) / 1000;
      const model = loadContentModel(paths);
      const direct = (body: Record<string, unknown>) => () => request(`${meili.host}/indexes/${prefix}initiatives/search`, body, meili.apiKey);
      const p6001 = lookupPlace(model.territory, '6001').place;
      if (!p6001) throw new Error('6001 is not in the territory: the bench needs the repository content.');
      const facets = ['kind', 'services', 'publics', 'commune'];
      const retrieve = [
        'id',
        'name',
        'kind',
        'kindLabel',
        'summary',
        'street',
        'postcode',
        'locality',
        'commune',
        'communeName',
        'demo',
        'hours',
        'weekHours',
        'todaySlots',
        'horizonStart',
        '_geo',
      ];
      const cases: [string, string, () => Promise<unknown>][] = [
        ['text "wifi"', 'q=wifi', direct({ q: 'wifi', filter: ['status = "active"'], facets, hitsPerPage: 20, page: 1, attributesToRetrieve: retrieve })],
        [
          'near 6001',
          'near=6001',
          direct({
            q: '',
            filter: ['status = "active"'],
            facets,
            hitsPerPage: 20,
            page: 1,
            attributesToRetrieve: retrieve,
            sort: [`_geoPoint(${p6001.lat}, ${p6001.lng}):asc`],
          }),
        ],
        [
          'near 6001 + epn + open now',
          'near=6001&kind=epn&openNow=true',
          direct({
            q: '',
            filter: ['status = "active"', 'kind IN ["epn"]', `openSlots = ${slotOf(Date.now())}`],
            facets,
            hitsPerPage: 20,
            page: 1,
            attributesToRetrieve: retrieve,
            sort: [`_geoPoint(${p6001.lat}, ${p6001.lng}):asc`],
          }),
        ],
      ];
      console.log(`\n${size} initiatives (start + sync ${syncSeconds.toFixed(1)} s), ${runs} runs each, ms:`);
      for (const [label, query, run] of cases) {
        // Interleaved in blocks so drift (other load, GC) hits both sides alike.
        const api: number[] = [];
        const base: number[] = [];
        for (let block = 0; block < 5; block++) {
          base.push(...(await time(run, runs / 5)));
          api.push(...(await time(() => request(`${server.url}/api/search?${query}`), runs / 5)));
        }
        console.log(
          `  ${label.padEnd(28)} Meilisearch p50 ${pct(base, 50).toFixed(2)} p95 ${pct(base, 95).toFixed(2)} | /api/search p50 ${pct(api, 50).toFixed(2)} p95 ${pct(api, 95).toFixed(2)} | ratio p95 ${(pct(api, 95) / pct(base, 95)).toFixed(2)}`,
        );
      }
      await server.stop();
      fs.rmSync(path.join(root, String(size)), { recursive: true, force: true });
    }
  } finally {
    await meili.stop();
    agent.destroy();
    fs.rmSync(root, { recursive: true, force: true });
  }
}
