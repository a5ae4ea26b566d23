// The directory search in real Chromium, under the site's real CSP, against a real
// Meilisearch: a postcode gives results by distance, filters have counts and keep the
// focus, "Ouvert maintenant" filters, the map opens (Leaflet and its CSS loaded only then,
// tiles from the configured URL), back and reload keep the state from the URL, clearing
// brings the list by commune back; plain-French errors; around me; 360 px and 44 px
// targets; axe finds nothing serious (once per page state); the navbar search reaches
// guides and places. The index holds the repository's content plus two places at
// Marcinelle, one always open and one never, so "open now" is decided without the clock.
// Each test has its own browser context: none depends on another's cache or order.

import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContentModel, readInitiativeFile, resolvePaths, writeInitiativeFile } from '../../core/model/index.ts';
import { launchBrowser, seriousViolations } from '../helpers/browser.ts';
import { tempContent } from '../helpers/content.ts';
import { type SearchStack, startSearchStack } from '../helpers/search-stack.ts';

const PLACE_BOX = 'Où ? (code postal ou commune)';
const TILE_HOST = 'https://tile.openstreetmap.org/';
const ALWAYS_OPEN = 'Lieu toujours ouvert de Marcinelle';
const NEVER_OPEN = 'Lieu jamais ouvert de Marcinelle';
const CITIZEN: BrowserContextOptions = { locale: 'fr-BE', timezoneId: 'Europe/Brussels', viewport: { width: 360, height: 740 } };

let env: ReturnType<typeof tempContent>;
let stack: SearchStack;
let browser: Browser;

beforeAll(async () => {
  // The repository's content (the site's build shows it) plus the two places of known hours.
  env = tempContent(resolvePaths({}).content);
  const model = loadContentModel(env.paths);
  const base = readInitiativeFile(model, path.join(env.paths.initiatives, 'permanence-aide-numerique-de-marcinelle.yml'));
  const marcinelle = { lat: 50.396, lng: 4.437 };
  writeInitiativeFile(env.paths.initiatives, { ...base, id: 'lieu-toujours-ouvert', name: ALWAYS_OPEN, geo: marcinelle, hours: '24/7' });
  writeInitiativeFile(env.paths.initiatives, { ...base, id: 'lieu-jamais-ouvert', name: NEVER_OPEN, geo: marcinelle, hours: 'off' });
  stack = await startSearchStack({ ...env.paths, build: resolvePaths({}).build });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
  env?.cleanup();
});

/** A fresh context (no cache, no history) whose tile requests get an empty image: no internet here. */
async function newContext(options: BrowserContextOptions): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.route(`${TILE_HOST}**`, (route) => route.fulfill({ status: 200, contentType: 'image/png', body: Buffer.alloc(0) }));
  return context;
}

/** A page under the CSP the server sends (what citizens get) that records requests, CSP refusals and script errors. */
async function watchedPage(options: BrowserContextOptions = CITIZEN) {
  const context = await newContext(options);
  const page = await context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => /Content Security Policy/i.test(m.text()) && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  return { page, requests, problems, close: () => context.close() };
}

/** A page for axe: injected as an inline script, which the site's CSP (rightly) refuses. */
async function axePage() {
  const context = await newContext({ bypassCSP: true, locale: 'fr-BE', timezoneId: 'Europe/Brussels' });
  return { page: await context.newPage(), close: () => context.close() };
}

const distances = async (page: Page) =>
  (await page.locator('#recherche-liste li').allTextContents()).map((t) => Number(/à ([\d,]+) km/.exec(t)?.[1]?.replace(',', '.')));

const settled = (page: Page) => page.waitForFunction(() => !/en cours/.test(document.getElementById('recherche-etat')?.textContent ?? 'en cours'));

describe('searching the directory', () => {
  it('finds places by postcode, filters, opens the map, and keeps state through back, reload and clearing', async () => {
    const { page, requests, problems, close } = await watchedPage();
    await page.goto(`${stack.url}/annuaire`);
    await page.getByLabel(PLACE_BOX).waitFor();
    expect(await page.locator('#annuaire-statique').isVisible()).toBe(true);

    await page.getByLabel(PLACE_BOX).fill('6001');
    await page.locator('#recherche-form').getByRole('button', { name: 'Chercher', exact: true }).click();
    await page.waitForURL(/near=6001/);
    await page.locator('#recherche-liste li').first().waitFor();
    await settled(page);
    expect(await page.locator('#recherche-etat').textContent()).toMatch(/lieux trouvés près de 6001/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('recherche-resultats-titre');
    const d = await distances(page);
    expect(d.length).toBeGreaterThan(3);
    expect(d.every((x) => Number.isFinite(x))).toBe(true);
    for (let i = 1; i < d.length; i++) expect(d[i]).toBeGreaterThanOrEqual(d[i - 1]!);
    expect(await page.locator('#annuaire-statique').isHidden()).toBe(true);
    expect(requests.some((u) => u.includes('/chunks/search-map') || u.includes('leaflet'))).toBe(false);

    // 360 px wide: nothing sticks out; everything to tap is at least 44 px high.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const small = await page.evaluate(() =>
      Array.from(
        document.querySelectorAll<HTMLElement>(
          '#recherche button, #recherche input:not([type=hidden]):not([type=checkbox]), #recherche select, #recherche summary, .recherche-site input, .recherche-site button',
        ),
      )
        .filter((el) => el.offsetParent !== null && el.getBoundingClientRect().height < 44)
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(small).toEqual([]);

    // Filters show counts from the facets and apply without moving the focus.
    await page.locator('#recherche-plus summary').click();
    const kinds = (await page.locator('#filtre-kind option').allTextContents()).slice(1);
    expect(kinds.length).toBeGreaterThan(1);
    for (const kind of kinds) expect(kind).toMatch(/\(\d+\)$/);
    await page.locator('#filtre-kind').focus();
    await page.locator('#filtre-kind').selectOption('epn');
    await page.waitForURL(/kind=epn/);
    await settled(page);
    const epn = await page.locator('#recherche-liste li').allTextContents();
    expect(epn.length).toBeGreaterThan(0);
    for (const text of epn) expect(text).toContain('Espace public numérique');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('filtre-kind');
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('kind='));
    await settled(page);
    expect(await page.locator('#filtre-kind').inputValue()).toBe('');

    // Both places of known hours are on the first page near 6001; "Ouvert maintenant" keeps one.
    const names = () => page.locator('#recherche-liste li h3').allTextContents();
    expect(await names()).toEqual(expect.arrayContaining([ALWAYS_OPEN, NEVER_OPEN]));
    // One state line: closed all day says so, not also « Fermé maintenant ».
    const neverOpen = await page.locator('#recherche-liste li', { hasText: NEVER_OPEN }).textContent();
    expect(neverOpen).toContain("Fermé aujourd'hui");
    expect(neverOpen).not.toContain('Fermé maintenant');
    const total = (text: string | null) => Number(/^(\d+) lieux? trouvés?/.exec(text ?? '')?.[1]);
    const allTotal = total(await page.locator('#recherche-etat').textContent());
    await page.getByLabel('Ouvert maintenant').check();
    await page.waitForURL(/openNow=true/);
    await settled(page);
    const status = await page.locator('#recherche-etat').textContent();
    expect(status).toMatch(/ouverts? maintenant\.$/);
    expect(total(status)).toBeLessThan(allTotal);
    expect(await names()).toContain(ALWAYS_OPEN);
    expect(await names()).not.toContain(NEVER_OPEN);
    for (const text of await page.locator('#recherche-liste li').allTextContents()) expect(text).toContain('Ouvert maintenant');
    await page.getByLabel('Ouvert maintenant').uncheck();
    await page.waitForURL((url) => !url.search.includes('openNow'));
    await settled(page);

    const tiles = await page.locator('#recherche').getAttribute('data-tiles');
    expect(tiles).toBe(`${TILE_HOST}{z}/{x}/{y}.png`);
    await page.getByRole('button', { name: 'Carte' }).click();
    await page.waitForURL(/view=map/);
    await page.locator('#recherche-carte.leaflet-container').waitFor();
    await page.locator('.leaflet-marker-icon').first().waitFor();
    expect(await page.getByRole('button', { name: 'Carte' }).getAttribute('aria-pressed')).toBe('true');
    expect(requests.some((u) => u.startsWith(`${stack.url}/passerelle/chunks/search-map`))).toBe(true);
    expect(requests).toContain(`${stack.url}/passerelle/leaflet/leaflet.css`);
    await page.waitForFunction(() => getComputedStyle(document.querySelector('.leaflet-container')!).overflow === 'hidden'); // leaflet.css applied
    expect(requests.some((u) => /^https:\/\/tile\.openstreetmap\.org\/\d+\/\d+\/\d+\.png$/.test(u))).toBe(true);
    expect(await page.locator('#recherche-liste').isHidden()).toBe(true);

    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('view=map'));
    await page.waitForFunction(() => document.getElementById('recherche-carte')?.hidden === true);
    expect(await page.locator('#recherche-liste').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Liste' }).getAttribute('aria-pressed')).toBe('true');

    // Reloaded, the page comes from the server (/annuaire/recherche): the same results, said the same way.
    const byScript = await page.locator('#recherche-liste li').allTextContents();
    const statusByScript = await page.locator('#recherche-etat').textContent();
    await page.reload();
    expect(new URL(page.url()).pathname).toBe('/annuaire/recherche');
    await page.locator('#recherche-liste li').first().waitFor();
    expect(await page.getByLabel(PLACE_BOX).inputValue()).toBe('6001');
    expect(await distances(page)).toEqual(d);
    expect(await page.locator('#recherche-liste li').allTextContents()).toEqual(byScript);
    expect(await page.locator('#recherche-etat').textContent()).toBe(statusByScript);

    await page.getByRole('link', { name: 'Tout effacer' }).click();
    await page.waitForURL((url) => url.search === '');
    await page.locator('#annuaire-statique').waitFor();
    expect(await page.locator('#recherche-resultats').isHidden()).toBe(true);
    expect(await page.getByLabel(PLACE_BOX).inputValue()).toBe('');
    expect(problems).toEqual([]);
    await close();
  });

  it('restores a shared link with the map open', async () => {
    const { page, problems, close } = await watchedPage();
    await page.goto(`${stack.url}/annuaire?near=Gosselies&view=map`);
    await page.locator('.leaflet-marker-icon').first().waitFor();
    expect(await page.getByLabel(PLACE_BOX).inputValue()).toBe('Gosselies');
    expect(await page.locator('#recherche-etat').textContent()).toMatch(/près de .*Gosselies/);
    expect(await page.getByRole('button', { name: 'Carte' }).getAttribute('aria-pressed')).toBe('true');
    expect(problems).toEqual([]);
    await close();
  });

  it('explains an unknown place in plain French and keeps the list by commune', async () => {
    const { page, close } = await watchedPage();
    await page.goto(`${stack.url}/annuaire`);
    await page.getByLabel(PLACE_BOX).fill('Bruxelles');
    await page.locator('#recherche-form').getByRole('button', { name: 'Chercher', exact: true }).click();
    await page.waitForFunction(() => /Nous ne trouvons pas/.test(document.getElementById('recherche-etat')?.textContent ?? ''));
    expect(await page.locator('#annuaire-statique').isVisible()).toBe(true);
    expect(await page.getByLabel(PLACE_BOX).getAttribute('aria-invalid')).toBe('true');
    // The same address opened directly is answered by the server: the message, the box marked, the communes one link away.
    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/search')) asked.push(request.url());
    });
    await page.goto(`${stack.url}/annuaire?near=Bruxelles`, { waitUntil: 'networkidle' });
    await page.waitForURL(/\/annuaire\/recherche\?near=Bruxelles/);
    // The script asks nothing again: the server's refusal is final (no « Recherche en cours… » flash).
    expect(asked).toEqual([]);
    expect(await page.locator('#recherche-etat').textContent()).toMatch(/^Nous ne trouvons pas « Bruxelles »/);
    expect(await page.getByLabel(PLACE_BOX).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('link', { name: 'Voir tous les lieux, par commune' }).getAttribute('href')).toBe('/annuaire');
    await close();
  });

  it('says when search is down and shows the list by commune again', async () => {
    const { page, close } = await watchedPage();
    await page.route('**/api/search?**', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'search_unavailable', message: 'x' } }) }),
    );
    await page.goto(`${stack.url}/annuaire`);
    await page.getByLabel('Que cherchez-vous ?').fill('wifi');
    await page.locator('#recherche-form').getByRole('button', { name: 'Chercher', exact: true }).click();
    await page.waitForFunction(() => /ne répond pas pour le moment/.test(document.getElementById('recherche-etat')?.textContent ?? ''));
    expect(await page.locator('#recherche-etat').textContent()).toBe(
      'La recherche ne répond pas pour le moment. La liste complète des lieux reste disponible plus bas.',
    );
    expect(await page.locator('#annuaire-statique').isVisible()).toBe(true);
    expect(await page.locator('#recherche-resultats').isHidden()).toBe(true);
    await close();
  });

  it('searches around the person, or asks for a postcode when the position is refused', async () => {
    const located = await newContext({ ...CITIZEN, geolocation: { latitude: 50.4109, longitude: 4.4446 }, permissions: ['geolocation'] });
    try {
      const page = await located.newPage();
      await page.goto(`${stack.url}/annuaire`);
      await page.getByRole('button', { name: 'Autour de moi' }).click();
      await page.waitForURL(/lat=50\.41/);
      await page.locator('#recherche-liste li').first().waitFor();
      await settled(page);
      expect(await page.locator('#recherche-etat').textContent()).toMatch(/près de votre position/);
      const d = await distances(page);
      expect(d[0]).toBeLessThan(2);
    } finally {
      await located.close();
    }

    const refused = await newContext(CITIZEN);
    try {
      await refused.addInitScript(() => {
        navigator.geolocation.getCurrentPosition = (_ok, fail) =>
          fail?.({ code: 1, message: 'denied', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 } as GeolocationPositionError);
      });
      const other = await refused.newPage();
      await other.goto(`${stack.url}/annuaire`);
      await other.getByRole('button', { name: 'Autour de moi' }).click();
      await other.waitForFunction(() => /Tapez votre code postal/.test(document.getElementById('recherche-etat')?.textContent ?? ''));
      expect(await other.evaluate(() => document.activeElement?.id)).toBe('recherche-near');
    } finally {
      await refused.close();
    }
  });

  it('searches without JavaScript: by postcode, by a commune with a typo, open now, page 2, and the list by commune', async () => {
    const noJs = await newContext({ ...CITIZEN, javaScriptEnabled: false });
    const page = await noJs.newPage();
    const search = page.locator('#recherche-form').getByRole('button', { name: 'Chercher', exact: true });
    const status = () => page.locator('#recherche-etat').textContent();
    const names = () => page.locator('#recherche-liste li h3').allTextContents();

    await page.goto(`${stack.url}/annuaire`);
    expect(await page.locator('#recherche-form').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Autour de moi' }).isVisible()).toBe(false); // needs JavaScript
    await page.getByLabel(PLACE_BOX).fill('6001');
    await search.click();
    await page.waitForURL(/\/annuaire\/recherche\?.*near=6001/);
    expect(await status()).toMatch(/^\d+ lieux trouvés près de 6001 Marcinelle, du plus proche au plus loin\.$/);
    const d = await distances(page);
    expect(d.length).toBe(20);
    for (let i = 1; i < d.length; i++) expect(d[i]).toBeGreaterThanOrEqual(d[i - 1]!);
    expect(await page.getByLabel(PLACE_BOX).inputValue()).toBe('6001');
    expect(await names()).toEqual(expect.arrayContaining([ALWAYS_OPEN, NEVER_OPEN]));

    // Page 2: the next twenty, further away.
    const firstPage = await names();
    await page.getByRole('link', { name: 'Résultats suivants' }).click();
    await page.waitForURL(/page=2/);
    expect(await page.locator('#recherche-pages').textContent()).toContain('Page 2 sur');
    const second = await names();
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((n) => firstPage.includes(n))).toEqual([]);
    expect((await distances(page))[0]).toBeGreaterThanOrEqual(d[d.length - 1]!);
    await page.getByRole('link', { name: 'Résultats précédents' }).click();
    await page.waitForURL((url) => !url.search.includes('page='));

    // « Ouvert maintenant »: the always-open place, not the never-open one, every result open.
    await page.getByLabel('Ouvert maintenant').check();
    await search.click();
    await page.waitForURL(/openNow=true/);
    expect(await status()).toMatch(/ouverts? maintenant\.$/);
    expect(await names()).toContain(ALWAYS_OPEN);
    expect(await names()).not.toContain(NEVER_OPEN);
    for (const text of await page.locator('#recherche-liste li').allTextContents()) expect(text).toContain('Ouvert maintenant');

    // A commune typed with a typo: the place understood is said.
    await page.getByLabel('Ouvert maintenant').uncheck();
    await page.getByLabel(PLACE_BOX).fill('Gosselie');
    await search.click();
    await page.waitForURL(/near=Gosselie(&|$)/);
    expect(await status()).toMatch(/près de Gosselies \(Charleroi\)/);
    expect((await page.locator('#recherche-liste li').first().textContent()) ?? '').toContain('6041 Gosselies');

    // A postcode shared by two sections: its main one, and a link to the other.
    await page.getByLabel(PLACE_BOX).fill('6030');
    await search.click();
    await page.waitForURL(/near=6030/);
    expect(await status()).toMatch(/près de 6030 Marchienne-au-Pont/);
    await page.getByRole('link', { name: 'Goutroux' }).click();
    await page.waitForURL(/near=Goutroux/);
    expect(await status()).toMatch(/près de Goutroux \(Charleroi\)/);

    // The navbar's search: guides and places, from the server.
    await page.getByLabel('Rechercher sur le site').fill('itsme');
    await page.getByLabel('Rechercher sur le site').press('Enter');
    await page.waitForURL(/\/recherche\?q=itsme/);
    await page.getByRole('heading', { name: 'Guides et formation' }).waitFor();
    expect(await page.locator('a[href*="/guides/identite-securite/itsme-installer-activer"]').count()).toBeGreaterThan(0);
    expect(await page.locator('section[aria-labelledby="resultats-lieux"] a[href^="/annuaire/"]').count()).toBeGreaterThan(0);

    // The kinds of places, each a search answered by the server.
    await page.goto(`${stack.url}/annuaire`);
    await page.locator('#annuaire-statique a[href="/annuaire/recherche?kind=wifi"]').click();
    await page.waitForURL(/kind=wifi/);
    const wifi = await page.locator('#recherche-liste li').allTextContents();
    expect(wifi.length).toBeGreaterThan(5);
    for (const text of wifi) expect(text).toContain('WiFi gratuit');

    // The list by commune is still the other way in.
    await page.goto(`${stack.url}/annuaire`);
    const communes = page.locator('#annuaire-statique a[href^="/annuaire/"]');
    expect(await communes.count()).toBeGreaterThan(15);
    await page.locator('#annuaire-statique a[href="/annuaire/charleroi"]').click();
    await page.waitForURL(/\/annuaire\/charleroi$/);
    expect(await page.locator('a[href="/annuaire/permanence-aide-numerique-de-marcinelle"]').count()).toBeGreaterThan(0);
    await noJs.close();
  });

  it('has no serious or critical axe violation with results as a list, on the map, and none found', async () => {
    const { page, close } = await axePage();
    await page.goto(`${stack.url}/annuaire?near=6043&kind=epn`);
    await page.locator('#recherche-liste li').first().waitFor();
    await settled(page);
    expect(await seriousViolations(page), 'list').toEqual([]);
    await page.goto(`${stack.url}/annuaire?near=6043&view=map`);
    await page.locator('.leaflet-marker-icon').first().waitFor();
    await settled(page);
    expect(await seriousViolations(page), 'map').toEqual([]);
    await page.goto(`${stack.url}/annuaire?q=zzzzqqq&openNow=true`);
    await page.getByRole('link', { name: 'Voir sans les filtres' }).waitFor();
    expect(await seriousViolations(page), 'empty').toEqual([]);
    await page.goto(`${stack.url}/annuaire`);
    await page.getByLabel('Que cherchez-vous ?').fill('zzzzqqq');
    await page.getByLabel('Ouvert maintenant').check();
    await page.getByRole('button', { name: 'Voir sans les filtres' }).waitFor();
    expect(await seriousViolations(page), 'empty, found by the script').toEqual([]);
    await close();
  });
});

describe('searching the whole site', () => {
  it('goes from the navbar on home to /recherche with guides and places', async () => {
    const { page, problems, close } = await watchedPage();
    // Home is a light page (no client router): its search box is a plain form.
    await page.goto(stack.url);
    await page.getByLabel('Rechercher sur le site').fill('itsme');
    await page.getByLabel('Rechercher sur le site').press('Enter');
    await page.waitForURL(/\/recherche\?q=itsme/);
    await page.getByRole('heading', { name: 'Guides et formation' }).waitFor();
    expect(await page.locator('a[href*="/guides/identite-securite/itsme-installer-activer"]').count()).toBeGreaterThan(0);
    await page.getByRole('heading', { name: 'Lieux' }).waitFor();
    expect(await page.locator('section[aria-labelledby="resultats-lieux"] a[href^="/annuaire/"]').count()).toBeGreaterThan(0);
    expect(await page.locator('a[href="/annuaire/recherche?q=itsme"]').count()).toBe(1);
    expect(await page.locator('p[role=status]').textContent()).toMatch(/^Trouvé :/);
    expect(problems).toEqual([]);
    await close();
  });

  it('works from the static directory page too (no client router there)', async () => {
    const { page, close } = await watchedPage();
    await page.goto(`${stack.url}/annuaire`);
    await page.getByLabel('Rechercher sur le site').fill('wifi');
    await page.getByLabel('Rechercher sur le site').press('Enter');
    await page.waitForURL(/\/recherche\?q=wifi/);
    await page.getByRole('heading', { name: 'Lieux' }).waitFor();
    expect(await page.locator('section[aria-labelledby="resultats-lieux"] a[href^="/annuaire/"]').count()).toBeGreaterThan(0);
    await close();
  });

  it('has no serious or critical axe violation on the results', async () => {
    const { page, close } = await axePage();
    await page.goto(`${stack.url}/recherche?q=itsme`);
    await page.getByRole('heading', { name: 'Lieux' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await close();
  });
});
