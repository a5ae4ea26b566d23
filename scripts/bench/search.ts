// Benchmark: GET /api/search against the identical request sent straight to Meilisearch
// (the body the service would send, from `service.request`), at 1,000 and 10,000 synthetic
// listings, in one run, and the memory of the stack. For each size:
// - indexing all listings into a Meilisearch with its default indexing memory and into one
//   bounded as `npm start` bounds it (indexingMemoryFor), each timed, RSS sampled while
//   indexing and after; budget: bounded ≤ 1.5× the default's time;
// - the server (compiled, as in production, its own process) on the bounded Meilisearch;
//   per case, the hit counts of both sides (checked equal) and the bytes each answers, then
//   ≥ 2,000 samples per side, interleaved in random order, p50/p95/p99 and ratios; budget:
//   p95 ≤ 1.3× direct for every case. A third side, a bare forwarder (lib/forwarder.mjs:
//   the same request relayed by twenty lines of plain Node, bytes untouched), shows what
//   one extra hop through any server costs on this machine: the floor under the ratio;
// - throughput with 20 keep-alive clients cycling through the cases, direct, through the
//   server and through the forwarder in alternating rounds; budget: ≥ 0.8× direct;
// - RSS of the server and of Meilisearch, idle after start.
// First, at seed size: the whole stack's RSS after start (budget ≤ 500 MB), and the seed
// indexed by a default Meilisearch for comparison. The machine's load is printed at each step.
// Usage: npm run bench -- search [--sizes 1000,10000] [--samples 2000] [--seconds 4]
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { HORIZON_DAYS, startOfDay } from '../../api/search/documents.ts';
import { createMeiliClient, createMeiliPost } from '../../api/search/meili-client.ts';
import { freePort, indexingMemoryFor, type MeiliEndpoint, startMeili } from '../../api/search/meili-server.ts';
import { indexNames, SearchStore } from '../../api/search/search-store.ts';
import { createSearchService } from '../../api/search/service.ts';
import { listInitiativeFiles, loadContentModel, type ProjectPaths, ROOT_DIR, resolvePaths } from '../../core/model/index.ts';
import { writeSyntheticContent } from '../lib/synthetic.ts';

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** One exchange over keep-alive; resolves with the status and the body. */
function exchange(url: string, body?: unknown, apiKey?: string): Promise<{ status: number; text: string }> {
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
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) reject(new Error(`${url}: HTTP ${res.statusCode} ${text.slice(0, 200)}`));
          else resolve({ status: 200, text });
        });
      },
    );
    req.setNoDelay(true);
    req.on('error', reject);
    req.end(payload);
  });
}

const MB = 1024 * 1024;

/** Resident memory of a process, in MB (0 when it is gone). */
function rssMb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const line = fs
      .readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

const load = () =>
  `load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${os.cpus().length} cores`;

/** The server as in production: compiled (dist/start.mjs through scripts/launch.mjs), its own process. */
async function startServerProcess(
  paths: ProjectPaths,
  meili: MeiliEndpoint,
  prefix: string,
): Promise<{ url: string; pid: number | undefined; stop(): Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT_DIR, 'scripts/launch.mjs'), 'start', '--no-build'], {
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
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Passerelle tourne')) resolve();
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/** Indexes the listings of `paths` into a fresh Meilisearch; time, peak and final RSS. */
async function indexInto(paths: ProjectPaths, dataDir: string, maxIndexingMemory: number | null, prefix: string, keep: boolean) {
  const meili = await startMeili({ dataDir, env: {}, maxIndexingMemory });
  const idle = rssMb(meili.pid);
  const model = loadContentModel(paths);
  let peak = idle;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb(meili.pid));
  }, 100);
  const started = performance.now();
  await new SearchStore(createMeiliClient(meili.host, meili.apiKey), indexNames(prefix)).sync(model);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const after = rssMb(meili.pid);
  if (!keep) await meili.stop();
  return { meili, seconds, idle, peak: Math.max(peak, after), after };
}

interface Case {
  label: string;
  raw: Record<string, string>;
}

/** The next weekday at 10:00 within the index's days: an « open now » time that has open places. */
function openTime(now = new Date()): Date {
  for (let day = 0; day < HORIZON_DAYS - 1; day++) {
    const t = startOfDay(now);
    t.setDate(t.getDate() + day);
    t.setHours(10, 0, 0, 0);
    if (t.getDay() >= 1 && t.getDay() <= 5 && t.getTime() > now.getTime()) return t;
  }
  throw new Error('no weekday morning in the index horizon');
}

function cases(at: Date): Case[] {
  return [
    { label: 'single word "wifi"', raw: { q: 'wifi' } },
    { label: 'multi-word "aide impots en ligne"', raw: { q: 'aide impots en ligne' } },
    { label: 'typo "permanance"', raw: { q: 'permanance' } },
    { label: 'facet kind+service', raw: { kind: 'epn', service: 'acces-internet-materiel' } },
    { label: 'near 6001', raw: { near: '6001' } },
    { label: 'near 6001 open now', raw: { near: '6001', openNow: 'true', at: at.toISOString() } },
    { label: 'scope=all "itsme"', raw: { q: 'itsme', scope: 'all' } },
  ];
}

const SIDES = ['api', 'direct', 'floor'] as const;
type Side = (typeof SIDES)[number];
type Sides = Record<Side, () => Promise<{ text: string }>>;

/** The bare forwarder (lib/forwarder.mjs) in its own process, relaying the cases' Meilisearch requests. */
async function startForwarder(meili: MeiliEndpoint, requests: { path: string; body: unknown }[], dir: string) {
  const port = await freePort();
  const file = path.join(dir, 'forwarder-requests.json');
  fs.writeFileSync(file, JSON.stringify({ host: meili.host, apiKey: meili.apiKey, requests }));
  const child = spawn(process.execPath, [path.join(ROOT_DIR, 'scripts/bench/lib/forwarder.mjs'), String(port), file], { stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`forwarder exited with ${code}`)));
    child.stdout?.once('data', () => resolve());
  });
  child.removeAllListeners('exit');
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

function sidesOf(request: { path: string; body: unknown }, c: Case, n: number, serverUrl: string, forwarderUrl: string, meili: MeiliEndpoint): Sides {
  return {
    api: () => exchange(`${serverUrl}/api/search?${new URLSearchParams(c.raw)}`),
    direct: () => exchange(`${meili.host}${request.path}`, request.body, meili.apiKey),
    floor: () => exchange(`${forwarderUrl}/${n}`),
  };
}

/** Hit count of either answer: the API's total, Meilisearch's totalHits (first query of a multi-search). */
function totalOf(text: string): number {
  const body = JSON.parse(text) as { total?: number; totalHits?: number; results?: { totalHits?: number }[] };
  return body.total ?? body.totalHits ?? body.results?.[0]?.totalHits ?? Number.NaN;
}

/** A copy in random order (Fisher–Yates). */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

async function latencies(sides: Sides, samples: number): Promise<Record<Side, number[]>> {
  for (let i = 0; i < 50; i++) for (const side of SIDES) await sides[side]();
  const times: Record<Side, number[]> = { api: [], direct: [], floor: [] };
  for (let i = 0; i < samples; i++) {
    // One of each side per round, in random order: drift (other load, GC) hits all alike.
    for (const side of shuffled(SIDES)) {
      const t = performance.now();
      await sides[side]();
      times[side].push(performance.now() - t);
    }
  }
  for (const side of SIDES) times[side].sort((a, b) => a - b);
  return times;
}

/** Requests per second with `clients` keep-alive clients cycling through the calls for `seconds`. */
async function throughput(calls: (() => Promise<unknown>)[], clients: number, seconds: number): Promise<number> {
  let done = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, n) => {
      for (let k = n; performance.now() < until; k++) {
        await calls[k % calls.length]?.();
        done++;
      }
    }),
  );
  return done / seconds;
}

export async function benchSearch(sizes: number[], samples = 2000, seconds = 4): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-bench-search-'));
  const verdicts: string[] = [];
  try {
    // At seed size: the whole stack after start, Meilisearch bounded as `npm start` does.
    const seed = resolvePaths({});
    const seedCount = listInitiativeFiles(seed.initiatives).length;
    const seedDefault = await indexInto(seed, path.join(root, 'seed-default'), null, '', false);
    const seedBounded = await indexInto(seed, path.join(root, 'seed'), indexingMemoryFor(seedCount), '', true);
    const seedServer = await startServerProcess({ ...seed, data: path.join(root, 'seed-data') }, seedBounded.meili, '');
    await new Promise((r) => setTimeout(r, 1000));
    const serverRss = rssMb(seedServer.pid);
    const meiliRss = rssMb(seedBounded.meili.pid);
    console.log(`\nSeed (${seedCount} listings), ${load()}`);
    console.log(
      `  Meilisearch default memory: RSS ${seedDefault.idle.toFixed(0)} MB idle, ${seedDefault.peak.toFixed(0)} MB peak, ${seedDefault.after.toFixed(0)} MB after indexing (${seedDefault.seconds.toFixed(1)} s)`,
    );
    console.log(
      `  Meilisearch bounded (${(indexingMemoryFor(seedCount) / MB).toFixed(0)} MiB): RSS ${seedBounded.idle.toFixed(0)} MB idle, ${seedBounded.peak.toFixed(0)} MB peak, ${seedBounded.after.toFixed(0)} MB after indexing (${seedBounded.seconds.toFixed(1)} s)`,
    );
    console.log(
      `  Whole stack after start: server ${serverRss.toFixed(0)} MB + Meilisearch ${meiliRss.toFixed(0)} MB = ${(serverRss + meiliRss).toFixed(0)} MB (budget 500 MB)`,
    );
    verdicts.push(`seed stack RSS ${(serverRss + meiliRss).toFixed(0)} MB ≤ 500: ${serverRss + meiliRss <= 500 ? 'ok' : 'OVER'}`);
    await seedServer.stop();
    await seedBounded.meili.stop();

    for (const size of sizes) {
      const paths = writeSyntheticContent(path.join(root, String(size)), size);
      const prefix = `b${size}_`;
      console.log(`\n${size} listings, ${load()}`);
      const byDefault = await indexInto(paths, path.join(root, `meili-default-${size}`), null, prefix, false);
      const bounded = await indexInto(paths, path.join(root, `meili-${size}`), indexingMemoryFor(size), prefix, true);
      const meili = bounded.meili;
      const slower = bounded.seconds / byDefault.seconds;
      console.log(
        `  indexing, default memory: ${byDefault.seconds.toFixed(1)} s, RSS ${byDefault.idle.toFixed(0)} MB idle → ${byDefault.peak.toFixed(0)} MB peak → ${byDefault.after.toFixed(0)} MB after`,
      );
      console.log(
        `  indexing, bounded ${(indexingMemoryFor(size) / MB).toFixed(0)} MiB: ${bounded.seconds.toFixed(1)} s (${slower.toFixed(2)}× the default; budget 1.5×), RSS ${bounded.idle.toFixed(0)} MB idle → ${bounded.peak.toFixed(0)} MB peak → ${bounded.after.toFixed(0)} MB after`,
      );
      verdicts.push(`${size}: bounded indexing ${slower.toFixed(2)}× ≤ 1.5: ${slower <= 1.5 ? 'ok' : 'OVER'}`);

      const server = await startServerProcess(paths, meili, prefix);
      const model = loadContentModel(paths);
      const service = createSearchService(createMeiliPost(meili.host, meili.apiKey), indexNames(prefix), model, {});
      const at = openTime();
      console.log(`  open now at ${at.toString()}`);
      const requests = cases(at).map((c) => service.request(c.raw));
      const forwarder = await startForwarder(meili, requests, root);
      const all = cases(at).map((c, n) => ({ ...c, sides: sidesOf(requests[n] as { path: string; body: unknown }, c, n, server.url, forwarder.url, meili) }));
      console.log(`  ${samples} samples a side per case, interleaved; ms; floor = a bare forwarder; bytes answered by Meilisearch / by the API:`);
      for (const c of all) {
        const [a, d, f] = [await c.sides.api(), await c.sides.direct(), await c.sides.floor()];
        const [apiHits, directHits, floorHits] = [totalOf(a.text), totalOf(d.text), totalOf(f.text)];
        if (apiHits !== directHits || floorHits !== directHits)
          throw new Error(`${c.label}: the API found ${apiHits}, Meilisearch ${directHits}, the forwarder ${floorHits}: not the same request`);
        if (!(apiHits > 0)) throw new Error(`${c.label}: no hits: the case times an empty answer`);
        const { api, direct, floor } = await latencies(c.sides, samples);
        const ratio = pct(api, 95) / pct(direct, 95);
        const floorRatio = pct(floor, 95) / pct(direct, 95);
        const ms = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(2)} p95 ${pct(xs, 95).toFixed(2)} p99 ${pct(xs, 99).toFixed(2)}`;
        console.log(
          `  ${c.label.padEnd(34)} hits ${String(apiHits).padStart(5)} = ${String(directHits).padStart(5)} | direct ${ms(direct)} | API ${ms(api)} | floor ${ms(floor)} | p95 API ×${ratio.toFixed(2)} floor ×${floorRatio.toFixed(2)}; p50 API +${(pct(api, 50) - pct(direct, 50)).toFixed(2)} ms floor +${(pct(floor, 50) - pct(direct, 50)).toFixed(2)} ms | ${d.text.length} / ${a.text.length} B`,
        );
        verdicts.push(`${size} ${c.label}: p95 ×${ratio.toFixed(2)} ≤ 1.3: ${ratio <= 1.3 ? 'ok' : 'OVER'} (bare forwarder ×${floorRatio.toFixed(2)})`);
      }
      // Rounds of each side in turn (direct, API, forwarder), so drift hits all three alike.
      const rates: Record<Side, number[]> = { api: [], direct: [], floor: [] };
      for (let round = 0; round < 2; round++) {
        for (const side of ['direct', 'api', 'floor'] as const) {
          rates[side].push(
            await throughput(
              all.map((c) => c.sides[side]),
              20,
              seconds,
            ),
          );
        }
      }
      forwarder.stop();
      const mean = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length;
      const rate = mean(rates.api) / mean(rates.direct);
      const floorRate = mean(rates.floor) / mean(rates.direct);
      console.log(
        `  throughput, 20 keep-alive clients over the ${all.length} cases: direct ${mean(rates.direct).toFixed(0)} req/s, API ${mean(rates.api).toFixed(0)} req/s (×${rate.toFixed(2)}; budget ≥ 0.8), bare forwarder ${mean(rates.floor).toFixed(0)} req/s (×${floorRate.toFixed(2)}) — ${load()}`,
      );
      verdicts.push(`${size} throughput ×${rate.toFixed(2)} ≥ 0.8: ${rate >= 0.8 ? 'ok' : 'UNDER'} (bare forwarder ×${floorRate.toFixed(2)})`);
      await new Promise((r) => setTimeout(r, 1000));
      console.log(`  RSS idle after the runs: server ${rssMb(server.pid).toFixed(0)} MB, Meilisearch ${rssMb(meili.pid).toFixed(0)} MB`);
      await server.stop();
      await meili.stop();
      fs.rmSync(path.join(root, String(size)), { recursive: true, force: true });
    }
    console.log(`\nBudgets:\n  ${verdicts.join('\n  ')}`);
  } finally {
    agent.destroy();
    fs.rmSync(root, { recursive: true, force: true });
  }
}
