// Benchmark: a citizen's first visit on a cheap phone. Real Chromium at 360×740, its CPU
// slowed 4× and its network throttled through the DevTools protocol, opens each page with
// an empty cache; the page's own Performance API gives first paint (FCP), largest paint
// (LCP), long tasks (TBT) and layout shifts (CLS), and Resource Timing the bytes of every
// file (on the wire and unpacked, JavaScript apart). Lighthouse is not installed here: its
// performance score is estimated from the same metrics with Lighthouse's own scoring curves
// (see `lighthouseEstimate`), Speed Index taken as FCP (these pages are rendered on the
// server and paint at once).
//
// Two network profiles: `slow-3g` (the DevTools preset the issue measured with: 2 s per
// request, 400 kbit/s) and `lighthouse` (what Lighthouse's mobile run applies: 562.5 ms,
// 1.47 Mbit/s), the one its LCP ≤ 2.5 s and score ≥ 90 budgets are read against.
// The site is served by the real app behind gzip/brotli compression, as production serves
// it; `--baseline <build dir>` serves a second build too (e.g. a copy of the build before a
// change), measured interleaved with the current one in the same run.
// Usage: npm run bench -- first-visit [--runs 3] [--profiles slow-3g,lighthouse] [--baseline /tmp/build-before]
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import compression from 'compression';
import express from 'express';
import { type Browser, chromium } from 'playwright-core';
import { createLogger } from '../../api/logger.ts';
import { createApp } from '../../api/server.ts';
import { loadContentModel, resolvePaths } from '../../core/model/index.ts';
import { sitePaths } from '../../core/urls.ts';

export interface NetworkProfile {
  label: string;
  /** Added to every request, in ms. */
  latency: number;
  /** Bytes per second. */
  download: number;
  upload: number;
  cpu: number;
}

export const PROFILES: Record<string, NetworkProfile> = {
  'slow-3g': { label: 'Slow 3G (2 000 ms, 400 kbit/s), CPU 4×', latency: 2000, download: 50_000, upload: 50_000, cpu: 4 },
  lighthouse: { label: 'Lighthouse mobile (562,5 ms, 1,47 Mbit/s), CPU 4×', latency: 562.5, download: (1474.56 * 1024) / 8, upload: (675 * 1024) / 8, cpu: 4 },
};

/** Budgets of the citizen pages (brief §7, issue 15). */
export const BUDGET = { wireBytes: 120 * 1024, jsWireBytes: 50 * 1024, lcpMs: 2500, score: 90 };

export interface FirstVisit {
  url: string;
  /** Every file of the visit, as transferred (headers included) and unpacked. */
  wireBytes: number;
  rawBytes: number;
  jsWireBytes: number;
  jsRawBytes: number;
  requests: number;
  /** Content-Encoding of the HTML answer ('' when none). */
  encoding: string;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  load: number;
  /** Every file of the visit: address, bytes transferred, bytes unpacked. */
  files: { name: string; transfer: number; decoded: number }[];
}

interface PageMetrics {
  fcp: number;
  lcp: number;
  cls: number;
  longTasks: [number, number][];
  load: number;
  files: { name: string; transfer: number; decoded: number }[];
  encoding: string;
}

/** Installed before any script of the page: the observers keep what the page reports. */
const OBSERVE = `(() => {
  const m = { fcp: 0, lcp: 0, cls: 0, longTasks: [] };
  window.__firstVisit = m;
  const watch = (type, fn) => { try { new PerformanceObserver((l) => l.getEntries().forEach(fn)).observe({ type, buffered: true }); } catch {} };
  watch('paint', (e) => { if (e.name === 'first-contentful-paint') m.fcp = e.startTime; });
  watch('largest-contentful-paint', (e) => { m.lcp = e.renderTime || e.loadTime || e.startTime; });
  watch('layout-shift', (e) => { if (!e.hadRecentInput) m.cls += e.value; });
  watch('longtask', (e) => { m.longTasks.push([e.startTime, e.duration]); });
})();`;

const isScript = (name: string) => /\.m?js(\?|$)/.test(new URL(name).pathname);

/**
 * One first visit of `url` with an empty cache at 360×740, throttled as `profile` says.
 * Waits for the load event, a quiet network and 3 s more (late long tasks count in TBT).
 */
export async function measureFirstVisit(browser: Browser, url: string, profile: NetworkProfile): Promise<FirstVisit> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'fr-BE',
    timezoneId: 'Europe/Brussels',
  });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: OBSERVE });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: profile.latency,
      downloadThroughput: profile.download,
      uploadThroughput: profile.upload,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
    const response = await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    if (!response) throw new Error(`${url}: no answer`);
    if (response.status() !== 200) throw new Error(`${url}: HTTP ${response.status()}`);
    const encoding = (await response.allHeaders())['content-encoding'] ?? '';
    await page.waitForLoadState('networkidle', { timeout: 120_000 });
    await page.waitForTimeout(3000);
    const m = (await page.evaluate(() => {
      const w = window as unknown as { __firstVisit: Omit<PageMetrics, 'files' | 'load' | 'encoding'> };
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const files = [...(nav ? [nav] : []), ...(performance.getEntriesByType('resource') as PerformanceResourceTiming[])].map((e) => ({
        name: e.name,
        transfer: e.transferSize,
        decoded: e.decodedBodySize,
      }));
      return { ...w.__firstVisit, load: nav ? nav.loadEventEnd : 0, files };
    })) as Omit<PageMetrics, 'encoding'>;
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    // Total Blocking Time: what each long task after the first paint holds the main thread past 50 ms.
    const tbt = m.longTasks.filter(([start]) => start >= m.fcp).reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0);
    const sum = (files: PageMetrics['files'], key: 'transfer' | 'decoded') => files.reduce((s, f) => s + f[key], 0);
    const scripts = m.files.filter((f) => isScript(f.name));
    return {
      url,
      wireBytes: sum(m.files, 'transfer'),
      rawBytes: sum(m.files, 'decoded'),
      jsWireBytes: sum(scripts, 'transfer'),
      jsRawBytes: sum(scripts, 'decoded'),
      requests: m.files.length,
      encoding,
      fcp: m.fcp,
      lcp: m.lcp,
      tbt,
      cls: m.cls,
      load: m.load,
      files: m.files,
    };
  } finally {
    await context.close();
  }
}

// Lighthouse's scoring (lighthouse-core/lib/statistics.js and the v10+ mobile curves):
// each metric maps to 0–1 on a log-normal curve fixed by its 10th percentile and median.
function erf(x: number): number {
  const sign = Math.sign(x);
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const y = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return sign * (1 - y * Math.exp(-a * a));
}

function logNormalScore({ p10, median }: { p10: number; median: number }, value: number): number {
  if (value <= 0) return 1;
  const standardized = (Math.log(value / median) * 0.9061938024368232) / -Math.log(p10 / median);
  const score = (1 - erf(standardized)) / 2;
  if (value <= p10) return Math.max(0.9, Math.min(1, score));
  if (value <= median) return Math.max(0.5, Math.min(0.8999999999999999, score));
  return Math.max(0, Math.min(0.49999999999999994, score));
}

const CURVES = {
  fcp: { p10: 1800, median: 3000, weight: 0.1 },
  si: { p10: 3387, median: 5800, weight: 0.1 },
  lcp: { p10: 2500, median: 4000, weight: 0.25 },
  tbt: { p10: 200, median: 600, weight: 0.3 },
  cls: { p10: 0.1, median: 0.25, weight: 0.25 },
};

/** Lighthouse's mobile performance score (0–100) from the metrics, Speed Index taken as FCP. */
export function lighthouseEstimate(v: Pick<FirstVisit, 'fcp' | 'lcp' | 'tbt' | 'cls'>): number {
  const score =
    CURVES.fcp.weight * logNormalScore(CURVES.fcp, v.fcp) +
    CURVES.si.weight * logNormalScore(CURVES.si, v.fcp) +
    CURVES.lcp.weight * logNormalScore(CURVES.lcp, v.lcp) +
    CURVES.tbt.weight * logNormalScore(CURVES.tbt, v.tbt) +
    CURVES.cls.weight * logNormalScore(CURVES.cls, v.cls);
  return Math.round(score * 100);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The real app on a build directory, behind compression as production serves it. */
async function serveBuild(buildDir: string): Promise<{ url: string; close(): Promise<void> }> {
  const paths = resolvePaths({});
  const app = express();
  app.use(compression());
  app.use(createApp({ model: loadContentModel(paths), logger: createLogger({ LOG_LEVEL: 'silent' }), buildDir }));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export const BENCH_PAGES: [string, string][] = [
  ['accueil', sitePaths.home],
  ['annuaire', sitePaths.directory],
  ['commune', `${sitePaths.directory}/charleroi`],
  ['fiche', sitePaths.initiative('permanence-aide-numerique-de-marcinelle')],
  ['guide (hors budget)', '/guides/identite-securite/itsme-installer-activer'],
];

export async function benchFirstVisit({ runs, profiles, baseline }: { runs: number; profiles: string[]; baseline?: string }): Promise<void> {
  const builds: [string, string][] = [['actuel', resolvePaths({}).build]];
  if (baseline) builds.unshift(['référence', path.resolve(baseline)]);
  const servers = await Promise.all(builds.map(([, dir]) => serveBuild(dir)));
  const browser = await launchChromium();
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  console.log(`First visit, ${runs} run(s) per page, median; ${os.cpus().length} CPUs, load average at start ${load()}`);
  try {
    for (const name of profiles) {
      const profile = PROFILES[name];
      if (!profile) throw new Error(`Unknown profile "${name}". Available: ${Object.keys(PROFILES).join(', ')}.`);
      const results = new Map<string, FirstVisit[]>();
      for (let r = 0; r < runs; r++)
        for (const [, pagePath] of BENCH_PAGES)
          for (const [b, [label]] of builds.entries()) {
            const server = servers[b];
            if (!server) continue;
            const visit = await measureFirstVisit(browser, `${server.url}${pagePath}`, profile);
            const key = `${label}\u0000${pagePath}`;
            results.set(key, [...(results.get(key) ?? []), visit]);
          }
      console.log(
        `\n${profile.label}; budget: ≤ ${kib(BUDGET.wireBytes)} on the wire, ≤ ${kib(BUDGET.jsWireBytes)} JS, LCP ≤ ${sec(BUDGET.lcpMs)}, score ≥ ${BUDGET.score}`,
      );
      console.log(
        `  ${'page'.padEnd(20)} ${'build'.padEnd(10)} ${'wire'.padStart(9)} ${'raw'.padStart(9)} ${'JS wire'.padStart(9)} ${'JS raw'.padStart(9)} ${'req'.padStart(4)} ${'FCP'.padStart(7)} ${'LCP'.padStart(7)} ${'TBT'.padStart(8)} ${'CLS'.padStart(5)} ${'load'.padStart(7)} ${'score~'.padStart(6)}`,
      );
      for (const [pageName, pagePath] of BENCH_PAGES)
        for (const [label] of builds) {
          const visits = results.get(`${label}\u0000${pagePath}`) ?? [];
          const m = (key: keyof Omit<FirstVisit, 'url' | 'encoding' | 'files'>) => median(visits.map((v) => v[key]));
          const score = median(visits.map(lighthouseEstimate));
          const over = pageName.includes('hors budget')
            ? ''
            : [
                m('wireBytes') > BUDGET.wireBytes && 'wire',
                m('jsWireBytes') > BUDGET.jsWireBytes && 'JS',
                name === 'lighthouse' && m('lcp') > BUDGET.lcpMs && 'LCP',
                name === 'lighthouse' && score < BUDGET.score && 'score',
              ]
                .filter(Boolean)
                .join(', ');
          console.log(
            `  ${pageName.padEnd(20)} ${label.padEnd(10)} ${kib(m('wireBytes')).padStart(9)} ${kib(m('rawBytes')).padStart(9)} ${kib(m('jsWireBytes')).padStart(9)} ${kib(m('jsRawBytes')).padStart(9)} ${String(m('requests')).padStart(4)} ${sec(m('fcp')).padStart(7)} ${sec(m('lcp')).padStart(7)} ${`${Math.round(m('tbt'))} ms`.padStart(8)} ${m('cls').toFixed(2).padStart(5)} ${sec(m('load')).padStart(7)} ${String(score).padStart(6)}${over ? `  over budget: ${over}` : ''}`,
          );
        }
      const encodings = new Set([...results.values()].flat().map((v) => v.encoding || 'none'));
      console.log(`  HTML content-encoding: ${[...encodings].join(', ')}`);
    }
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => s.close()));
  }
  console.log(`\nLoad average at end ${load()}`);
}
