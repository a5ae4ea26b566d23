// At 10,000 initiatives the site must cost a phone what it costs at seed size: the home
// page's JavaScript stays within 5% (nothing about initiatives is bundled), and every
// initiative still gets its own page. Builds a whole synthetic site: the slowest test.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ProjectPaths, resolvePaths } from '../../core/model/paths.ts';
import { pageWeight } from '../../scripts/bench/page-weight.ts';
import { buildSite } from '../../scripts/lib/build-site.ts';
import { writeSyntheticContent } from '../../scripts/lib/synthetic.ts';
import { tempDir } from '../helpers/content.ts';

const SIZE = 10_000;
let root: string;
let big: ProjectPaths;

beforeAll(async () => {
  root = tempDir('passerelle-scale-');
  big = writeSyntheticContent(root, SIZE);
  await buildSite(big);
}, 900_000);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe(`a site with ${SIZE} initiatives`, () => {
  it('renders a page for each of them', () => {
    const pages = fs.readdirSync(path.join(big.build, 'annuaire')).filter((f) => f.endsWith('.html') && f !== 'index.html');
    expect(pages.length).toBe(SIZE);
  });

  it.each(['/', '/guides/identite-securite/itsme-installer-activer'])('keeps the JavaScript of %s within 5%% of the seed site', (url) => {
    const seed = pageWeight(resolvePaths({}).build, url);
    const large = pageWeight(big.build, url);
    expect(seed.js).toBeGreaterThan(0);
    expect(Math.abs(large.js - seed.js) / seed.js).toBeLessThanOrEqual(0.05);
  });

  it('gives an initiative page the same small script as at seed size', () => {
    const dir = path.join(big.build, 'annuaire');
    // A listing's page (commune lists sit beside them).
    const page = fs.readdirSync(dir).find((f) => f.endsWith('.html') && fs.readFileSync(path.join(dir, f), 'utf8').includes('class="fiche-lieu"'))!;
    const weight = pageWeight(big.build, `/annuaire/${page.replace(/\.html$/, '')}`);
    const seed = pageWeight(resolvePaths({}).build, '/annuaire/permanence-aide-numerique-de-marcinelle');
    expect(weight.js).toBe(seed.js);
    // The listing's own script (open now, today's row, print, read-aloud, the map on request) and the menu's.
    expect(weight.js).toBeLessThan(10 * 1024);
    expect(weight.htmlGzip).toBeLessThan(20_000);
  });
});
