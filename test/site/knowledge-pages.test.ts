// The knowledge base for the aidant in the room, in real Chromium on the built site:
// every guide's summary prints on one A4 page in large type, the key numbers card on one
// page; « La personne veut… » lists 40 requests or more with working guide and directory
// links and a filter; /guides and /formation list every page with its purpose and a
// filter (the lists are there without JavaScript); a guide shows « Vérifié le … d'après »;
// pictures have a text that says what to do and print; axe finds nothing serious.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/index.ts';
import { splitFrontMatter } from '../../core/content/front-matter.ts';
import { summarizeSteps } from '../../core/content/guide-summary.ts';
import { loadContentModel } from '../../core/model/index.ts';
import { markdownFiles } from '../../core/model/markdown-files.ts';
import { resolvePaths } from '../../core/model/paths.ts';
import { sitePaths } from '../../core/urls.ts';
import { guidePathOf } from '../../plugins/remark/summary-link.ts';
import { launchBrowser, seriousViolations } from '../helpers/browser.ts';
import { startTestServer } from '../helpers/server.ts';

const paths = resolvePaths({});
const GUIDES_DIR = path.join(paths.content, 'guides');
const GUIDES = markdownFiles(GUIDES_DIR)
  .map((file) => ({ file, page: guidePathOf(GUIDES_DIR, file) }))
  .filter((g): g is { file: string; page: string } => Boolean(g.page));
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer(paths);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Pages of an A4 PDF of the page as printed. */
async function printedPages(page: Page): Promise<number> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  return pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
}

describe('one-page summaries', () => {
  it('exist for every guide and print on one A4 page, steps in large type', async () => {
    expect(GUIDES.length).toBeGreaterThanOrEqual(35);
    const page = await browser.newPage();
    for (const guide of GUIDES) {
      const url = sitePaths.guideSummary(guide.page);
      expect((await page.goto(`${server.url}${url}`))?.status(), url).toBe(200);
      const fm = splitFrontMatter(fs.readFileSync(guide.file, 'utf8'), guide.file);
      const steps = summarizeSteps(fm?.body ?? '').groups.flatMap((g) => g.steps);
      expect(await page.locator('.resume-guide__etapes > li').allTextContents(), url).toEqual(
        steps.map((s) =>
          s
            .replace(/« /g, '«\u00a0')
            .replace(/ »/g, '\u00a0»')
            .replace(/ ([:;?!])/g, '\u00a0$1'),
        ),
      );
      expect(await printedPages(page), `${url} on paper`).toBe(1);
      // Large type on paper: 13 pt (17.3 px) or more; the navigation is not printed.
      const size = await page
        .locator('.resume-guide__etapes')
        .first()
        .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
      expect(size, url).toBeGreaterThanOrEqual(17.3);
      expect(await page.locator('.navbar').first().isVisible()).toBe(false);
      expect(await page.locator('.resume-guide__outils').isVisible()).toBe(false);
      await page.emulateMedia({ media: 'screen' });
    }
    await page.close();
  });

  it('is linked from its guide (on screen, not on paper) and links back', async () => {
    const guide = GUIDES.find((g) => g.page.endsWith('/itsme-installer-activer'));
    const page = await browser.newPage();
    await page.goto(`${server.url}${guide?.page}`);
    const link = page.getByRole('link', { name: 'Résumé à imprimer : les étapes sur une page' });
    expect(await link.getAttribute('href')).toBe(sitePaths.guideSummary(guide?.page ?? ''));
    await page.emulateMedia({ media: 'print' });
    expect(await link.isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await link.click();
    await page.getByRole('link', { name: 'Revenir au guide complet' }).waitFor();
    await page.close();
  });
});

describe('the key numbers card', () => {
  it('gives the sourced numbers as links to call, and prints on one A4 page', async () => {
    const page = await browser.newPage();
    expect((await page.goto(`${server.url}${sitePaths.keyNumbers}`))?.status()).toBe(200);
    const hrefs = await page.locator('.numeros__appel').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    for (const href of ['tel:112', 'tel:1733', 'tel:078170170', 'tel:0080021232123', 'mailto:suspect@safeonweb.be']) expect(hrefs).toContain(href);
    expect(await page.locator('.numeros__sources a').count()).toBe((await page.locator('.numeros__appel').count()) - 1);
    expect(await printedPages(page)).toBe(1);
    await page.close();
  });
});

describe('« La personne veut… »', () => {
  it('lists 40 requests or more, each with a guide that exists and a valid directory filter, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    expect((await page.goto(`${server.url}${sitePaths.aidantRequests}`))?.status()).toBe(200);
    const requests = page.locator('.demandes__demande');
    expect(await requests.count()).toBeGreaterThanOrEqual(40);
    expect(await page.locator('.demandes__demande:visible').count()).toBe(await requests.count());
    const model = loadContentModel(paths);
    const places = await page.locator('.demandes__reponse a[href^="/annuaire?"]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(places).toHaveLength(await requests.count());
    for (const href of places) {
      const [[key, value] = ['', '']] = [...new URL(href, 'http://x').searchParams];
      const valid =
        key === 'service'
          ? model.vocabularies.has('services', value)
          : key === 'kind'
            ? model.vocabularies.has('kinds', value)
            : model.vocabularies.has('publics', value);
      expect(valid, href).toBe(true);
    }
    const guides = new Set(await page.locator('.demandes__reponse a[href^="/guides/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? '')));
    for (const href of guides) expect((await fetch(`${server.url}${href}`)).status, href).toBe(200);
    expect(await page.locator('form.liste-filtre').getAttribute('action')).toBe(sitePaths.siteSearch);
    await context.close();
  });

  it('filters the list as one types, says how many are left, and Enter moves to the first', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}${sitePaths.aidantRequests}`);
    await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true');
    const total = await page.locator('.demandes__demande').count();
    await page.getByRole('searchbox', { name: 'Chercher une demande' }).fill('carte banque');
    const visible = page.locator('.demandes__demande:visible');
    await expect.poll(() => visible.count()).toBeLessThan(total);
    expect(await visible.count()).toBeGreaterThan(0);
    for (const text of await visible.allTextContents()) expect(text.toLowerCase()).toMatch(/carte/);
    expect(await page.locator('.liste-filtre__etat').textContent()).toMatch(new RegExp(`^\\d+ demandes? sur ${total}\\.$`));
    await page.getByRole('searchbox', { name: 'Chercher une demande' }).press('Enter');
    expect(await page.evaluate(() => document.activeElement?.closest('.demandes__demande') !== null)).toBe(true);
    await page.getByRole('searchbox', { name: 'Chercher une demande' }).fill('zzzz');
    expect(await page.locator('.liste-filtre__etat').textContent()).toMatch(/Rien dans cette liste pour « zzzz »/);
    await page.close();
  });
});

describe('/guides and /formation', () => {
  it('/guides lists every guide with its purpose, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}${sitePaths.guides}`);
    const links = await page.locator('#tous-les-guides .liste-pages__titre').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(new Set(links)).toEqual(new Set(GUIDES.map((g) => g.page)));
    const purposes = await page.locator('#tous-les-guides .liste-pages__but').allTextContents();
    expect(purposes).toHaveLength(GUIDES.length);
    for (const p of purposes) expect(p.trim().length).toBeGreaterThan(20);
    expect(await page.locator('#tous-les-guides h3').count()).toBe(4); // one heading per theme
    await context.close();
  });

  it('/guides filters by typed words, forgiving a typo', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}${sitePaths.guides}`);
    await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true');
    await page.getByRole('searchbox', { name: 'Chercher un guide' }).fill('declaraton impots');
    const visible = page.locator('#tous-les-guides li:visible .liste-pages__titre');
    await expect.poll(() => visible.count()).toBe(1);
    expect(await visible.textContent()).toBe("Remplir sa déclaration d'impôts sur MyMinfin");
    expect(await page.locator('#tous-les-guides section:visible h3').allTextContents()).toEqual(['Démarches administratives']);
    await page.close();
  });

  it('/formation lists the modules, their sessions and the printable kit', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}${sitePaths.curriculum}`);
    const titles = await page.locator('#toute-la-formation .liste-pages__titre').allTextContents();
    expect(titles).toContain('Accueillir la personne');
    expect(titles).toContain('Feuille de présence');
    expect(titles.length).toBeGreaterThanOrEqual(30);
    expect(await page.locator('#toute-la-formation h3').allTextContents()).toContain('Module 1 — Accueillir, évaluer, lever les freins');
    await page.close();
  });
});

describe('sources and pictures on a guide', () => {
  it('ends each guide with « Vérifié le … d’après ces pages » and its sources, printed', async () => {
    const page = await browser.newPage();
    for (const guide of GUIDES.slice(0, 5)) {
      await page.goto(`${server.url}${guide.page}`);
      const sources = page.locator('section.sources-page');
      expect(await sources.locator('p').first().textContent()).toMatch(/^Vérifié le \d{1,2} \S+ \d{4} d'après ces pages :$/);
      expect(await sources.locator('a[href^="http"]').count()).toBeGreaterThanOrEqual(1);
      await page.emulateMedia({ media: 'print' });
      expect(await sources.isVisible()).toBe(true);
      await page.emulateMedia({ media: 'screen' });
    }
    await page.close();
  });

  it('gives every picture of a step a text that says what to do, and prints it', async () => {
    const page = await browser.newPage();
    let pictures = 0;
    for (const guide of GUIDES) {
      await page.goto(`${server.url}${guide.page}`);
      const images = page.locator('article .etapes__etape img');
      for (const img of await images.all()) {
        pictures++;
        const alt = (await img.getAttribute('alt')) ?? '';
        expect(alt.split(/\s+/).length, `${guide.page}: ${alt}`).toBeGreaterThanOrEqual(4);
        const src = (await img.getAttribute('src')) ?? '';
        const res = await fetch(new URL(src, server.url));
        expect([res.status, res.headers.get('content-type')], src).toEqual([200, expect.stringMatching(/^image\/svg\+xml/)]);
      }
      if ((await images.count()) > 0) {
        // Printed as they are: the pictures (lazy-loaded on screen) are loaded for paper too.
        await page.emulateMedia({ media: 'print' });
        expect(await images.first().isVisible(), guide.page).toBe(true);
        await page.pdf({ format: 'A4' });
        const loaded = await images.evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0));
        expect(loaded, `${guide.page}: every picture loaded for printing`).toBe(true);
        await page.emulateMedia({ media: 'screen' });
      }
    }
    expect(pictures).toBeGreaterThanOrEqual(20);
    await page.close();
  });
});

describe('accessibility (axe-core) of the new pages', () => {
  it.each([
    ['« La personne veut… »', sitePaths.aidantRequests],
    ['the key numbers', sitePaths.keyNumbers],
    ['a summary', sitePaths.guideSummary('/guides/identite-securite/itsme-installer-activer')],
    ['the guides list', sitePaths.guides],
    ['the training list', sitePaths.curriculum],
  ])('has no serious or critical violation on %s, at 360 and 1280 px', async (_what, url) => {
    for (const width of [360, 1280]) {
      const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 800 } });
      const page = await context.newPage();
      expect((await page.goto(`${server.url}${url}`))?.status()).toBe(200);
      const violations = await seriousViolations(page);
      expect(violations, `${url} at ${width} px: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
      await context.close();
    }
  });
});
