// /tableau-de-bord and /api/export/indicateurs: every figure checked against the content
// (counted here from the files, independently of the code under test), then a proposal
// added, approved, and a listing archived through the API: the figures, the exports and
// the static page follow. The page is accessible at 360 and 1280 px.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { dashboardFile } from '../../../api/reach/dashboard.ts';
import { readCsvTable } from '../../../core/csv.ts';
import { resolvePaths } from '../../../core/model/paths.ts';
import type { FlatFigure } from '../../../core/reach/indicators.ts';
import { sampleInitiative, sampleSubmitter } from '../../../scripts/lib/sample-submission.ts';
import { launchBrowser, seriousViolations } from '../../helpers/browser.ts';
import { loginModerator, type ModeratorClient } from '../../helpers/moderator.ts';
import { type PublishingEnv, publishingEnv } from '../../helpers/publishing.ts';
import { getJson, startTestServer } from '../../helpers/server.ts';

let env: PublishingEnv;
let server: Awaited<ReturnType<typeof startTestServer>>;
let moderator: ModeratorClient;

interface Listing {
  id: string;
  kind: string;
  status: string;
  updated: string;
  address: { commune: string; postcode: string; locality: string };
  period?: { start: string; end?: string };
  source: { origin: string };
}

/** The listings as the files say, read without the code under test. */
function listings(): Listing[] {
  return fs
    .readdirSync(env.paths.initiatives)
    .filter((f) => f.endsWith('.yml'))
    .map((f) => parseYaml(fs.readFileSync(path.join(env.paths.initiatives, f), 'utf8')) as Listing);
}

async function figures(): Promise<Map<string, number | null>> {
  const res = await getJson(`${server.url}/api/export/indicateurs`);
  expect(res.status).toBe(200);
  return new Map((res.body as { figures: FlatFigure[] }).figures.map((f) => [f.id, f.value]));
}

const page = () => fs.readFileSync(dashboardFile(env.paths.build), 'utf8');
/** A figure on the page: the number before a label in one of its lists of figures. */
const onPage = (html: string, label: string) => Number(new RegExp(`<span class="tdb__nombre">([^<]+)</span>${label}`).exec(html)?.[1]);

beforeAll(async () => {
  env = publishingEnv(resolvePaths({}).content);
  // The site's styles, so the page is checked as people see it (widths, contrasts).
  fs.symlinkSync(path.join(resolvePaths({}).build, 'assets'), path.join(env.paths.build, 'assets'));
  server = await startTestServer(env.paths, { config: { plugins: [] } });
  moderator = await loginModerator(server.url, server.dataDir);
});

afterAll(async () => {
  await server?.close();
  env?.cleanup();
});

describe('the plan’s dashboard', () => {
  it('counts what the content holds, figure by figure', async () => {
    const all = listings();
    const active = all.filter((l) => l.status === 'active');
    const f = await figures();
    const today = new Date().toISOString().slice(0, 10);
    const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
    expect(f.get('lieux')).toBe(active.length);
    expect(f.get('lieux-exemples')).toBe(active.filter((l) => l.source.origin === 'demo').length);
    for (const kind of ['epn', 'permanence', 'formation', 'wifi', 'materiel', 'accompagnement', 'evenement'])
      expect(f.get(`lieux-type-${kind}`), kind).toBe(active.filter((l) => l.kind === kind).length);
    for (const commune of new Set(active.map((l) => l.address.commune)))
      expect(f.get(`lieux-commune-${commune}`), commune).toBe(active.filter((l) => l.address.commune === commune).length);
    expect(f.get('wifi')).toBe(active.filter((l) => l.kind === 'wifi').length);
    const perSection = new Map<string, number>();
    for (const l of active.filter((x) => x.kind === 'permanence')) {
      const key = `${l.address.postcode} ${l.address.locality}`;
      perSection.set(key, (perSection.get(key) ?? 0) + 1);
    }
    for (const [key, n] of perSection) expect(f.get(`permanences-${key.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`), key).toBe(n);
    const upcoming = (kind: string) => active.filter((l) => l.kind === kind && l.period && (l.period.end ?? l.period.start) >= today).length;
    expect(f.get('formations-a-venir')).toBe(upcoming('formation'));
    expect(f.get('evenements-a-venir')).toBe(upcoming('evenement'));
    // A day's margin either way: the test and the server may not agree on « a year ago » at midnight.
    const fresh = active.filter((l) => l.updated >= yearAgo).length;
    expect(Math.abs((f.get('lieux-verifies-12-mois') ?? -99) - fresh)).toBeLessThanOrEqual(1);
    // Guides: every theme's files, each with its verified date.
    const guideFiles = fs
      .readdirSync(path.join(env.paths.content, 'guides'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.md') && e.parentPath !== path.join(env.paths.content, 'guides'));
    expect(f.get('guides')).toBe(guideFiles.length);
    const verified = guideFiles.map((e) => /\nverified: (\d{4}-\d{2}-\d{2})/.exec(fs.readFileSync(path.join(e.parentPath, e.name), 'utf8'))?.[1] ?? '');
    expect(f.get('guides-verifies-12-mois')).toBe(verified.filter((d) => d >= yearAgo).length);
    // No proposal yet.
    expect([f.get('propositions-recues'), f.get('propositions-decidees'), f.get('propositions-en-attente'), f.get('delai-median-decision')]).toEqual([
      0,
      0,
      0,
      null,
    ]);
    // The City's figures: as the file says, not yet given ones empty.
    const city = parseYaml(fs.readFileSync(path.join(env.paths.content, 'plan/chiffres-ville.yml'), 'utf8')) as {
      figures: { id: string; value: number | null }[];
    };
    expect(city.figures.length).toBeGreaterThan(0);
    for (const c of city.figures) expect(f.get(c.id), c.id).toBe(c.value ?? null);
  });

  it('writes the static page at start, with the same figures and every source', async () => {
    const f = await figures();
    const html = page();
    expect(onPage(html, 'lieux dans l’annuaire')).toBe(f.get('lieux'));
    expect(onPage(html, 'lieux avec WiFi gratuit')).toBe(f.get('wifi'));
    expect(onPage(html, 'propositions reçues')).toBe(0);
    expect(html).toContain('pas encore communiqué par la Ville');
    expect(html).toContain('https://www.dhnet.be/');
    expect(html).toMatch(/des \d+ lieux sont des exemples/);
    // Served as a page of the site.
    const res = await fetch(`${server.url}/tableau-de-bord`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Le tableau de bord du plan');
  });

  it('follows a proposal, its approval and an archived listing, in the figures, the exports and the page', async () => {
    const before = await figures();
    const submitted = await getJson(`${server.url}/api/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'create', initiative: sampleInitiative, submitter: sampleSubmitter }),
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(202);
    await server.publishing.pipeline.drained();
    let f = await figures();
    expect(f.get('propositions-recues')).toBe(1);
    expect(f.get('propositions-en-attente')).toBe(1);
    expect(onPage(page(), 'propositions reçues')).toBe(1);
    expect(onPage(page(), 'propositions en attente')).toBe(1);

    const id = (submitted.body as { id: string }).id;
    expect((await moderator.call('POST', `/api/moderation/submissions/${id}/approve`, {})).status).toBe(200);
    await server.publishing.pipeline.drained();
    f = await figures();
    expect(f.get('lieux')).toBe((before.get('lieux') ?? 0) + 1);
    expect(f.get('lieux-type-permanence')).toBe((before.get('lieux-type-permanence') ?? 0) + 1);
    expect(f.get('lieux-commune-charleroi')).toBe((before.get('lieux-commune-charleroi') ?? 0) + 1);
    expect(f.get('permanences-6001-marcinelle')).toBe((before.get('permanences-6001-marcinelle') ?? 0) + 1);
    expect(f.get('lieux-exemples')).toBe(before.get('lieux-exemples'));
    expect([f.get('propositions-decidees'), f.get('propositions-en-attente')]).toEqual([1, 0]);
    expect(f.get('delai-median-decision')).toBeGreaterThanOrEqual(0);
    expect(onPage(page(), 'lieux dans l’annuaire')).toBe(f.get('lieux'));
    expect(onPage(page(), 'propositions traitées')).toBe(1);

    // A WiFi place reported closed, the report approved: archived, out of the counts.
    const wifi = listings().find((l) => l.kind === 'wifi' && l.status === 'active');
    expect(wifi).toBeDefined();
    const report = await getJson(`${server.url}/api/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'report', targetId: wifi?.id, message: 'Ce lieu a fermé en octobre.', submitter: sampleSubmitter }),
    });
    expect(report.status, JSON.stringify(report.body)).toBe(202);
    expect((await moderator.call('POST', `/api/moderation/submissions/${(report.body as { id: string }).id}/approve`, {})).status).toBe(200);
    await server.publishing.pipeline.drained();
    const after = await figures();
    expect(after.get('lieux')).toBe(f.get('lieux')! - 1);
    expect(after.get('wifi')).toBe(f.get('wifi')! - 1);
    expect(after.get('lieux-type-wifi')).toBe(f.get('lieux-type-wifi')! - 1);
    expect([after.get('propositions-recues'), after.get('propositions-decidees')]).toEqual([2, 2]);
    expect(onPage(page(), 'lieux avec WiFi gratuit')).toBe(after.get('wifi'));
    // Every figure of the JSON is in the CSV, with the same value.
    const csv = await fetch(`${server.url}/api/export/indicateurs.csv`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('access-control-allow-origin')).toBe('*');
    const table = readCsvTable(await csv.text());
    if ('error' in table) throw new Error(table.error);
    expect(table.header).toEqual(['id', 'label', 'value', 'unit', 'source', 'date']);
    const fromCsv = new Map(table.rows.map((r) => [r.cells[0], r.cells[2] === '' ? null : Number(r.cells[2])]));
    expect(fromCsv).toEqual(after);
  });

  it('has no serious accessibility problem at 360 and 1280 px', async () => {
    const browser = await launchBrowser();
    try {
      for (const width of [360, 1280]) {
        const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 900 } });
        const p = await context.newPage();
        await p.goto(`${server.url}/tableau-de-bord`);
        expect(await p.locator('h1').textContent()).toBe('Le tableau de bord du plan');
        expect(await seriousViolations(p), `/tableau-de-bord at ${width} px`).toEqual([]);
        // Nothing wider than the screen.
        expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await context.close();
      }
    } finally {
      await browser.close();
    }
  });
});
