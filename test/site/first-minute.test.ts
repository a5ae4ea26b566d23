// A citizen's first visit on a cheap phone, in real Chromium throttled through the DevTools
// protocol (360×740, CPU 4× slower, Slow 3G): home, /annuaire and a listing each come with
// no Docusaurus runtime, at most 120 KB on the wire in all and 50 KB of JavaScript (sizes
// taken gzipped, as the server sends them compressed), and paint. The timings are printed
// and only held to a generous bound here; their budgets are the bench's
// (npm run bench -- first-visit), on a quiet machine.

import zlib from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/index.ts';
import { resolvePaths } from '../../core/model/paths.ts';
import { BUDGET, type FirstVisit, measureFirstVisit, PROFILES } from '../../scripts/bench/first-visit.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { startTestServer } from '../helpers/server.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer(resolvePaths({}));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Bytes of the visit's files once gzipped (level 6, what a server sends), JavaScript apart. */
async function gzipped(visit: FirstVisit): Promise<{ total: number; js: number }> {
  let total = 0;
  let js = 0;
  for (const file of visit.files) {
    const body = Buffer.from(await (await fetch(file.name)).arrayBuffer());
    const size = zlib.gzipSync(body).length;
    total += size;
    if (/\.m?js$/.test(new URL(file.name).pathname)) js += size;
  }
  return { total, js };
}

describe('first visit on a throttled phone (360×740, CPU 4×, Slow 3G)', () => {
  it.each([
    ['home', '/'],
    ['the directory', '/annuaire'],
    ['a listing', '/annuaire/permanence-aide-numerique-de-marcinelle'],
  ])('loads %s light and paints it', async (what, path) => {
    const profile = PROFILES['slow-3g'];
    if (!profile) throw new Error('no slow-3g profile');
    const visit = await measureFirstVisit(browser, `${server.url}${path}`, profile);
    const { total, js } = await gzipped(visit);
    console.log(
      `${what}: ${visit.requests} files, ${(total / 1024).toFixed(1)} KB gzipped (${(visit.rawBytes / 1024).toFixed(1)} KB unpacked), JS ${(js / 1024).toFixed(1)} KB; FCP ${Math.round(visit.fcp)} ms, LCP ${Math.round(visit.lcp)} ms, TBT ${Math.round(visit.tbt)} ms`,
    );
    expect(
      visit.files.map((f) => new URL(f.name).pathname).filter((p) => p.startsWith('/assets/js/')),
      'no Docusaurus runtime',
    ).toEqual([]);
    expect(total).toBeLessThanOrEqual(BUDGET.wireBytes);
    expect(js).toBeLessThanOrEqual(BUDGET.jsWireBytes);
    expect(visit.fcp).toBeGreaterThan(0);
    expect(visit.lcp).toBeGreaterThanOrEqual(visit.fcp);
    // Slow 3G adds 2 s to every request: the page and its first paint need one; 12 s is far off.
    expect(visit.lcp).toBeLessThan(12_000);
    // Nothing moves once painted (the directory's form is in its HTML, visible without JavaScript).
    expect(visit.cls).toBeLessThan(0.1);
  });
});
