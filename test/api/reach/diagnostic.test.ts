// « Où en suis-je ? » in a real browser: one question a screen with JavaScript, the same
// result without it, the answers never sent when JavaScript runs (only the postcode and
// the services, to find places), nothing stored, the result printing on one A4 page, the
// aidant's version, and no serious accessibility problem at 360 and 1280 px.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvePaths } from '../../../core/model/paths.ts';
import { QUESTIONS } from '../../../core/reach/diagnostic.ts';
import { launchBrowser, seriousViolations } from '../../helpers/browser.ts';
import { tempContent } from '../../helpers/content.ts';
import { startTestServer } from '../../helpers/server.ts';

let env: ReturnType<typeof tempContent>;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

/** A beginner who knows the phone but not e-mail or online procedures. */
const ANSWERS: Record<string, 'oui' | 'aide' | 'non'> = Object.fromEntries(QUESTIONS.map((q, i) => [q.id, i < 3 ? 'oui' : i < 6 ? 'aide' : 'non'] as const));

beforeAll(async () => {
  env = tempContent(resolvePaths({}).content);
  server = await startTestServer({ ...env.paths, build: resolvePaths({}).build }, { config: { plugins: [] } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  env?.cleanup();
});

/** What a result shows, to compare the browser's and the server's. */
async function resultOf(page: Page): Promise<{ title: string | null; can: string[]; guides: string[]; places: string[] }> {
  await page.locator('.diagnostic__resultat h1').waitFor();
  return {
    title: await page.locator('.diagnostic__resultat h1').textContent(),
    can: await page.locator('.diagnostic__sait li').allTextContents(),
    guides: await page
      .locator('.diagnostic__resultat ul:not(.diagnostic__sait):not(.diagnostic__lieux) a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? '')),
    places: await page.locator('.diagnostic__lieux a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? '')),
  };
}

function filesUnder(dir: string): string[] {
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.join(e.parentPath, e.name))
    : [];
}

describe('/diagnostic', () => {
  let withScript: Awaited<ReturnType<typeof resultOf>>;

  it('asks one question a screen with JavaScript, and computes the result on the device', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.url().startsWith(server.url)) sent.push(r.url());
    });
    await page.goto(`${server.url}/diagnostic`);
    const visible = page.locator('.diagnostic__question:visible');
    for (const [i, q] of QUESTIONS.entries()) {
      expect(await visible.count()).toBe(1);
      expect(await visible.locator('.diagnostic__numero').textContent()).toBe(`Question ${i + 1} sur 12`);
      const answer = ANSWERS[q.id] ?? 'non';
      await page.locator(`input[name="${q.id}"][value="${answer}"]`).check();
      await page.getByRole('button', { name: 'Question suivante →' }).click();
    }
    // The last screen: the postcode, and the button for the result.
    await page.fill('#diagnostic-cp', '6000');
    const before = sent.length;
    await page.getByRole('button', { name: 'Voir le résultat' }).click();
    withScript = await resultOf(page);
    expect(withScript.title).toBe('Votre résultat');
    expect(withScript.can).toEqual(QUESTIONS.slice(0, 3).map((q) => q.skill));
    expect(withScript.guides).toHaveLength(3);
    expect(withScript.places.length).toBeGreaterThan(0);
    // Only the place search left the device: the services and the postcode, no answer.
    const after = sent.slice(before);
    expect(after.every((u) => new URL(u).pathname === '/api/widget')).toBe(true);
    for (const u of after) for (const q of QUESTIONS) expect(new URL(u).searchParams.has(q.id)).toBe(false);
    expect(page.url()).toBe(`${server.url}/diagnostic`);
    await context.close();
  });

  it('gives the same result without JavaScript, and keeps nothing', async () => {
    const before = filesUnder(server.dataDir).map((f) => [f, fs.statSync(f).mtimeMs].join('@'));
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/diagnostic`);
    expect(await page.locator('.diagnostic__question:visible').count()).toBe(13); // every question, and the postcode
    for (const q of QUESTIONS) await page.locator(`input[name="${q.id}"][value="${ANSWERS[q.id]}"]`).check();
    await page.fill('#diagnostic-cp', '6000');
    await page.getByRole('button', { name: 'Voir le résultat' }).click();
    expect(new URL(page.url()).pathname).toBe('/diagnostic/resultat');
    expect(await resultOf(page)).toEqual(withScript);
    const res = await fetch(page.url());
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(filesUnder(server.dataDir).map((f) => [f, fs.statSync(f).mtimeMs].join('@'))).toEqual(before);
    await context.close();
  });

  it('prints the result on one A4 page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const query = new URLSearchParams({ ...Object.fromEntries(QUESTIONS.map((q) => [q.id, 'non'])), cp: '6000' });
    await page.goto(`${server.url}/diagnostic/resultat?${query}`);
    expect(await page.locator('.diagnostic__lieux li').count()).toBeGreaterThan(0);
    const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
    await context.close();
  });

  it('has a version for the aidant, linked from the curriculum', async () => {
    const html = await (await fetch(`${server.url}/diagnostic?pour=aidant`)).text();
    expect(html).toContain('La personne sait-elle allumer son téléphone');
    expect(html).toContain('name="pour" value="aidant"');
    const session = fs.readFileSync(path.join(resolvePaths({}).content, 'curriculum/module-1-accueillir/2-evaluer-aptitude-numerique.md'), 'utf8');
    expect(session).toContain('pathname:///diagnostic?pour=aidant');
    const result = await (await fetch(`${server.url}/diagnostic/resultat?pour=aidant&telephone=oui`)).text();
    expect(result).toContain('Ce que la personne sait déjà faire');
  });

  it('has no serious accessibility problem at 360 and 1280 px, questions and result', async () => {
    for (const width of [360, 1280]) {
      const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server.url}/diagnostic`);
      expect(await seriousViolations(page), `/diagnostic at ${width} px`).toEqual([]);
      await page.goto(`${server.url}/diagnostic/resultat?${new URLSearchParams({ ...ANSWERS, cp: '6000' })}`);
      expect(await seriousViolations(page), `/diagnostic/resultat at ${width} px`).toEqual([]);
      await context.close();
    }
  });

  it('escapes whatever comes in the address', async () => {
    const html = await (await fetch(`${server.url}/diagnostic/resultat?cp=%3Cscript%3E&telephone=%3Cb%3E&pour=%22%3E`)).text();
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
  });
});
