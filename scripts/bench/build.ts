// Benchmark: building the site at seed size, 1,000 and 10,000 initiatives, against a
// baseline measured in the same run: a plain Docusaurus build of the same site with no
// initiatives at all. Initiative pages are rendered by our own code, so the ratio should
// stay near 1 however many initiatives there are. Also prints page weights.
// Usage: npm run bench -- build [--sizes 0,54,1000,10000]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sitePaths } from '../../core/urls.ts';
import { buildSite } from '../lib/build-site.ts';
import { writeSyntheticContent } from '../lib/synthetic.ts';
import { kb, pageWeight } from './page-weight.ts';

export async function benchBuild(sizes: number[]): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-bench-build-'));
  const rows: { size: number; seconds: number; annuaire: string; page: string; homeJs: string }[] = [];
  try {
    for (const size of sizes) {
      const paths = writeSyntheticContent(path.join(root, String(size)), size);
      const start = performance.now();
      await buildSite(paths);
      const seconds = (performance.now() - start) / 1000;
      const list = pageWeight(paths.build, sitePaths.directory);
      const firstPage = fs.readdirSync(path.join(paths.build, 'annuaire')).find((f) => f !== 'index.html');
      const one = firstPage ? pageWeight(paths.build, sitePaths.initiative(firstPage.replace(/\.html$/, ''))) : undefined;
      const home = pageWeight(paths.build, '/');
      rows.push({
        size,
        seconds,
        annuaire: `${kb(list.html)} (${kb(list.htmlGzip)} gz)`,
        page: one ? `${kb(one.html)} (${kb(one.htmlGzip)} gz) + JS ${kb(one.js)}` : '-',
        homeJs: `${kb(home.js)} (${kb(home.jsGzip)} gz)`,
      });
      fs.rmSync(path.join(root, String(size)), { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  const baseline = rows[0];
  if (!baseline) return;
  console.log(`\nBuild (baseline: ${baseline.size} initiatives, ${baseline.seconds.toFixed(1)} s)`);
  for (const r of rows) {
    console.log(
      `  ${String(r.size).padStart(6)} initiatives: ${r.seconds.toFixed(1)} s  ratio ${(r.seconds / baseline.seconds).toFixed(2)}  /annuaire ${r.annuaire}  initiative page ${r.page}  home JS ${r.homeJs}`,
    );
  }
}
