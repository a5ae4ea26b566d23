// Benchmark: a moderator's approval until the listing's page exists and until /api/search
// finds it, at the seed's size and at 10,000 initiatives, and the event loop's longest
// delay while approvals go on. Approvals are sent at a steady rate (open loop, far above a
// real desk's twenty a morning) and each one is timed on its own, so a backlog shows.
// Budgets (issue « publish pipeline »): p95 ≤ 2 s to page and to searchable at 10,000 on
// a quiet machine; the event loop never blocked more than 100 ms by publishing.
//
//   npm run bench -- publish [--sizes 54,10000] [--samples 2000] [--rate 4]
//
// Each sample is a whole approval (file, record, render, commit, index): 2,000 a size at 4/s
// (about 9 minutes each, plus the proposals) by default; lower --samples for a quick look.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { hashPassword, openModerators } from '../../api/auth/moderators.ts';
import { startServer } from '../../api/index.ts';
import { createLogger } from '../../api/logger.ts';
import { startMeili } from '../../api/search/meili-server.ts';
import { resolvePaths } from '../../core/model/paths.ts';
import { sampleInitiative, sampleSubmitter } from '../lib/sample-submission.ts';
import { writeSyntheticContent } from '../lib/synthetic.ts';

/** The load generator (plain JavaScript, run in a worker thread): approvals at a steady rate, each timed to its page and to search. */
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const { url, cookie, csrfToken, proposals, rate, pagesDir } = workerData;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
(async () => {
  const page = [];
  const search = [];
  await Promise.all(proposals.map(async (p, n) => {
    await sleep((n * 1000) / rate);
    const started = performance.now();
    const res = await fetch(url + '/api/moderation/submissions/' + p.id + '/approve', { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, body: '{}' });
    const body = await res.json();
    if (res.status !== 200) throw new Error('approval refused: ' + JSON.stringify(body));
    const slug = body.result.initiative;
    const file = path.join(pagesDir, slug + '.html');
    await Promise.all([
      (async () => { while (!fs.existsSync(file)) await sleep(10); page.push(performance.now() - started); })(),
      (async () => {
        for (;;) {
          const found = await (await fetch(url + '/api/search?limit=5&q=' + encodeURIComponent(p.name))).json();
          if ((found.hits || []).some((h) => h.id === slug)) break;
          await sleep(50);
        }
        search.push(performance.now() - started);
      })(),
    ]);
  }));
  parentPort.postMessage({ page, search });
})();
`;

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
const ms = (v: number) => `${v.toFixed(0)} ms`;

async function json(url: string, init?: RequestInit): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, init);
  return { status: res.status, body: await res.json().catch(() => null) };
}

async function benchSize(
  size: number,
  samples: number,
  rate: number,
): Promise<{ page: number[]; search: number[]; maxDelay: number; p99Delay: number; gcCount: number; maxGc: number }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `passerelle-bench-publish-${size}-`));
  try {
    const paths = writeSyntheticContent(root, size);
    const git = (...args: string[]) => execFileSync('git', ['-C', paths.content, ...args], { stdio: 'ignore' });
    git('init', '-q');
    git('-c', 'user.name=b', '-c', 'user.email=b@b', 'add', '.');
    git('-c', 'user.name=b', '-c', 'user.email=b@b', 'commit', '-qm', 'synthetic');
    fs.mkdirSync(paths.build, { recursive: true });
    fs.copyFileSync(path.join(resolvePaths({}).build, 'gabarit-annuaire.html'), path.join(paths.build, 'gabarit-annuaire.html'));
    const meili = await startMeili({ dataDir: path.join(root, 'meili'), env: {} });
    const server = await startServer({
      paths,
      port: 0,
      logger: createLogger({ LOG_LEVEL: 'warn' }),
      search: { host: meili.host, apiKey: meili.apiKey },
      submissionsLimit: { limit: samples + 10 },
    });
    try {
      // A moderator, made as the CLI makes it, and its session.
      const store = await openModerators(paths.data);
      const passwordHash = await hashPassword('un mot de passe de bench');
      await store.update((d) => {
        d.moderators.push({ email: 'bench@passerelle.local', passwordHash, createdAt: new Date().toISOString() });
      });
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'bench@passerelle.local', password: 'un mot de passe de bench' }),
      });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const { csrfToken } = (await login.json()) as { csrfToken: string };

      // Proposals first (not timed).
      const proposals: { id: string; name: string }[] = [];
      for (let n = 0; n < samples; n++) {
        const name = `Banc d'essai ${size} numéro ${n.toString(36)}x`;
        const res = await json(`${server.url}/api/submissions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'create', initiative: { ...sampleInitiative, name }, submitter: sampleSubmitter }),
        });
        if (res.status !== 202) throw new Error(`submission refused: ${JSON.stringify(res.body)}`);
        proposals.push({ id: (res.body as { id: string }).id, name });
      }
      await server.publishing.pipeline.drained();

      // The load runs in a worker thread: its requests and polling never take turns on the
      // server's event loop, whose delays the histogram measures.
      const histogram = monitorEventLoopDelay({ resolution: 5 });
      histogram.enable();
      // Garbage collection pauses the loop too: reported apart, so a long delay can be told from it.
      const gcPauses: number[] = [];
      const gc = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) gcPauses.push(entry.duration);
      });
      gc.observe({ entryTypes: ['gc'] });
      const worker = new Worker(CLIENT, {
        eval: true,
        workerData: { url: server.url, cookie, csrfToken, proposals, rate, pagesDir: path.join(paths.build, 'annuaire') },
      });
      const { page, search } = await new Promise<{ page: number[]; search: number[] }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      await worker.terminate();
      histogram.disable();
      gc.disconnect();
      // The steps after search (dashboard, notifications) finish before the directory goes.
      await server.publishing.pipeline.drained();
      return {
        page: page.sort((a, b) => a - b),
        search: search.sort((a, b) => a - b),
        maxDelay: histogram.max / 1e6,
        p99Delay: histogram.percentile(99) / 1e6,
        gcCount: gcPauses.length,
        maxGc: Math.max(0, ...gcPauses),
      };
    } finally {
      await server.close();
      await meili.stop();
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

export async function benchPublish(sizes: number[], samples: number, rate: number): Promise<void> {
  if (!fs.existsSync(path.join(resolvePaths({}).build, 'gabarit-annuaire.html')))
    throw new Error('Build the site first (npm run build): the bench renders pages in its shell.');
  const [load1, load5] = os.loadavg();
  console.log(
    `publish bench — ${os.cpus().length} cores, load ${load1?.toFixed(2)} / ${load5?.toFixed(2)} (1 / 5 min); ${samples} approvals per size at ${rate}/s`,
  );
  const results: Record<number, Awaited<ReturnType<typeof benchSize>>> = {};
  for (const size of sizes) {
    const r = await benchSize(size, samples, rate);
    results[size] = r;
    console.log(
      `${String(size).padStart(6)} initiatives: ${r.page.length} to page    p50 ${ms(quantile(r.page, 0.5))}  p95 ${ms(quantile(r.page, 0.95))}  max ${ms(r.page.at(-1) ?? Number.NaN)}`,
    );
    console.log(
      `${' '.repeat(6)}               ${r.search.length} searchable p50 ${ms(quantile(r.search, 0.5))}  p95 ${ms(quantile(r.search, 0.95))}  max ${ms(r.search.at(-1) ?? Number.NaN)}`,
    );
    console.log(
      `${' '.repeat(6)}               event loop: longest delay ${ms(r.maxDelay)}, p99 ${ms(r.p99Delay)} (budget 100 ms); ${r.gcCount} GC pauses, longest ${ms(r.maxGc)}`,
    );
  }
  const [small, large] = sizes.map((s) => results[s]);
  if (small && large && sizes.length === 2) {
    console.log(
      `ratio ${sizes[1]}/${sizes[0]}: to page p95 ×${(quantile(large.page, 0.95) / quantile(small.page, 0.95)).toFixed(2)}, searchable p95 ×${(quantile(large.search, 0.95) / quantile(small.search, 0.95)).toFixed(2)}`,
    );
  }
  const [after1] = os.loadavg();
  console.log(`load after: ${after1?.toFixed(2)}`);
}
