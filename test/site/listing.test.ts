// A listing's page on a phone, in real Chromium (360×740): the essentials within the first
// screen, with and without JavaScript (name, kind, open now or the open days, address and
// « Itinéraire », the phone as a tel: link); hours in one format that never wraps inside a
// time; each link once; the citizen's words; sample data said so and never « vérifiées »;
// the map's tiles only when the map comes near the screen.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContentModel, loadInitiatives, resolvePaths } from '../../core/model/index.ts';
import { toView } from '../../site/directory/view-model.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { lightSite } from '../helpers/light-site.ts';
import { startTestServer } from '../helpers/server.ts';

const LONG = 'permanence-longue';
const VERIFIED = 'lieu-verifie';
/** A listing of the repository's content with `support: [illettrisme]`. */
const LITERACY_LISTING = 'aide-numerique-en-francais-facile-a-lodelinsart';
let site: Awaited<ReturnType<typeof lightSite>>;
let repo: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

beforeAll(async () => {
  site = await lightSite([
    // The longest name of the seed's kind, a phone, hours every weekday: the most to fit in one screen.
    (base) => ({
      ...base,
      id: LONG,
      name: 'Permanence « aide numérique » de la maison communale annexe de Marchienne-au-Pont',
      hours: 'Mo-Fr 09:00-12:00,13:30-16:30; Sa 09:00-12:00; PH off',
      contact: { phone: '071 86 12 34', email: 'aide@example.be', website: 'https://www.charleroi.be' },
    }),
    (base) => ({ ...base, id: VERIFIED, name: 'Lieu vérifié', source: { origin: 'team' } }),
  ]);
  repo = await startTestServer(resolvePaths({}));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await repo?.close();
});

async function phonePage(js: boolean): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: js, locale: 'fr-BE', timezoneId: 'Europe/Brussels' });
  return context.newPage();
}

describe('the first screen of a listing on a phone', () => {
  for (const js of [true, false])
    it(`shows name, kind, opening, address with « Itinéraire » and the phone ${js ? 'with' : 'without'} JavaScript`, async () => {
      const page = await phonePage(js);
      await page.goto(`${site.url}/annuaire/${LONG}`);
      const opening = page.locator('#etat-ouverture-texte');
      if (js) await expect.poll(() => opening.textContent()).toMatch(/^(Ouvert maintenant, jusqu'à|Fermé maintenant\. Ouvre) /);
      else expect(await opening.textContent()).toBe('Ouvert du lundi au samedi.');
      const essentials = {
        name: page.locator('h1'),
        kind: page.locator('.fiche-lieu__type .badge-type'),
        opening,
        address: page.getByText('Avenue Eugène Mascaux 100'),
        route: page.getByRole('link', { name: 'Itinéraire' }),
        phone: page.locator('main a[href="tel:071861234"]'),
      };
      expect(await essentials.route.getAttribute('href')).toMatch(/^https:\/\/www\.openstreetmap\.org\/directions\?to=/);
      expect(await essentials.phone.textContent()).toBe('Appeler le 071 86 12 34');
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      for (const [what, locator] of Object.entries(essentials)) {
        expect(await locator.count(), what).toBe(1);
        const box = await locator.boundingBox();
        expect(box, what).not.toBeNull();
        expect((box?.y ?? 0) + (box?.height ?? 0), `${what} within the first 740 px`).toBeLessThanOrEqual(740);
      }
      await page.context().close();
    });
});

describe('the rest of the page', () => {
  it('gives the hours in one format, never wrapped inside a time, even at 320 px', async () => {
    const page = await phonePage(true);
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${site.url}/annuaire/${LONG}`);
    const cells = await page.locator('table.horaires td').allTextContents();
    expect(cells).toHaveLength(7);
    expect(cells[0]).toBe('9\u00a0h à 12\u00a0h et 13\u00a0h\u00a030 à 16\u00a0h\u00a030');
    for (const text of cells)
      expect(text).toMatch(
        /^(Fermé|\d{1,2}\u00a0h(\u00a0\d\d)? à \d{1,2}\u00a0h(\u00a0\d\d)?( et \d{1,2}\u00a0h(\u00a0\d\d)? à \d{1,2}\u00a0h(\u00a0\d\d)?)?)$/,
      );
    // Each time sits on one line: a Range over it has a single box.
    const wrapped = await page.evaluate(() => {
      const out: string[] = [];
      for (const td of Array.from(document.querySelectorAll('table.horaires td'))) {
        const node = td.firstChild;
        if (!node?.textContent) continue;
        for (const m of node.textContent.matchAll(/\d{1,2}\u00a0h(\u00a0\d\d)?/g)) {
          const range = document.createRange();
          range.setStart(node, m.index ?? 0);
          range.setEnd(node, (m.index ?? 0) + m[0].length);
          if (range.getClientRects().length !== 1) out.push(m[0]);
        }
      }
      return out;
    });
    expect(wrapped).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.context().close();
  });

  it('has each link once, in the citizen’s words', async () => {
    const page = await phonePage(true);
    await page.goto(`${repo.url}/annuaire/permanence-aide-numerique-de-marcinelle`);
    const hrefs = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(6);
    expect(hrefs.filter((h, i) => hrefs.indexOf(h) !== i)).toEqual([]);
    // The organisation's site and the place's site are one address here: shown once.
    expect(hrefs.filter((h) => h?.startsWith('https://www.charleroi.be'))).toHaveLength(1);
    let text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('Se protéger des arnaques et des virus');
    for (const jargon of ['Aide aux démarches administratives', 'Utilisation sécurisée du numérique']) expect(text).not.toContain(jargon);
    // A place with specific support (since the demo data stopped inventing it, only a few have some).
    await page.goto(`${repo.url}/annuaire/${LITERACY_LISTING}`);
    text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('Personnes qui ont du mal à lire et à écrire');
    for (const jargon of ['Prise en charge spécifique', 'Illettrisme', 'Maîtrise des outils', 'Utilisation sécurisée du numérique'])
      expect(text).not.toContain(jargon);
    await page.context().close();
  });

  it('says when data is sample data, and only vouches for verified data', async () => {
    const page = await phonePage(false);
    await page.goto(`${site.url}/annuaire/${LONG}`);
    expect(await page.locator('.demo-notice').innerText()).toMatch(/^Données de démonstration/);
    expect(await page.locator('main').innerText()).not.toMatch(/vérifiées le/);
    await page.goto(`${site.url}/annuaire/${VERIFIED}`);
    expect(await page.locator('.demo-notice').count()).toBe(0);
    expect(await page.locator('main').innerText()).toMatch(/Informations vérifiées le 20 novembre 2026\./);
    await page.context().close();
  });

  it('loads the map’s tiles only when the map comes near the screen', async () => {
    const page = await phonePage(true);
    const tiles: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('tile.openstreetmap.org')) tiles.push(r.url());
    });
    await page.goto(`${site.url}/annuaire/${LONG}`, { waitUntil: 'networkidle' });
    expect(tiles).toEqual([]);
    expect(await page.locator('#carte-lieu img').count()).toBe(0);
    await page.locator('#carte').scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('#carte-lieu img').count()).toBeGreaterThan(1);
    expect(tiles.length).toBeGreaterThan(1);
    expect(await page.getByRole('button', { name: 'Agrandir et déplacer la carte' }).isVisible()).toBe(true);
    await page.context().close();
    // Without JavaScript the browser loads the same tiles itself, lazily.
    const noJs = await phonePage(false);
    await noJs.goto(`${site.url}/annuaire/${LONG}`);
    await noJs.locator('#carte').scrollIntoViewIfNeeded();
    expect(await noJs.locator('#carte-lieu img[loading="lazy"]').count()).toBeGreaterThan(1);
    expect(await noJs.getByRole('button', { name: 'Agrandir et déplacer la carte' }).isVisible()).toBe(false);
    await noJs.context().close();
  });
});

describe('the listing’s words (view model)', () => {
  it('maps every vocabulary term of the seed to plain words and keeps the standard’s for exports', () => {
    const model = loadContentModel(resolvePaths({}));
    const { initiatives } = loadInitiatives(model, model.paths.initiatives);
    const illettrisme = initiatives.find((i) => i.support?.includes('illettrisme'));
    expect(illettrisme).toBeDefined();
    if (!illettrisme) return;
    expect(toView(model, illettrisme).support).toContain('Personnes qui ont du mal à lire et à écrire');
    expect(model.vocabularies.label('support', 'illettrisme')).toBe('Illettrisme');
    expect(model.vocabularies.support.find((t) => t.slug === 'illettrisme')?.standard).toBe('Illettrisme');
  });
});
