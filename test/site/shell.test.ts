// One page shell on every page type, in real Chromium: the same header and footer on
// light pages (home, directory, listing, 404) and Docusaurus pages (guide, curriculum,
// /proposer, news); the « Menu » of a phone opens with and without JavaScript; the focused
// element is never under the sticky header and its focus ring stands out (≥ 3:1) from what
// is around it, at 360 and 1280 px; no page is wider than a 320 px screen (WCAG 1.4.10).

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/index.ts';
import { resolvePaths } from '../../core/model/paths.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { startTestServer } from '../helpers/server.ts';

const PAGES: [string, string][] = [
  ['home', '/'],
  ['the directory', '/annuaire'],
  ['a commune', '/annuaire/charleroi'],
  ['a listing', '/annuaire/permanence-aide-numerique-de-marcinelle'],
  ['a guide', '/guides/identite-securite/itsme-installer-activer'],
  ['a curriculum page', '/formation/module-1-accueillir'],
  ['the proposal form', '/proposer'],
  ['the news', '/actualites'],
  ['the 404 page', '/cette-page-n-existe-pas'],
];

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

/** Opens a page; Docusaurus pages are waited for until React has taken over. */
async function open(page: Page, path: string, js = true): Promise<void> {
  await page.goto(`${server.url}${path}`);
  if (js && (await page.locator('script[src^="/assets/js/"]').count()) > 0)
    await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true');
}

describe('the header and footer', () => {
  it('are the same on every page type', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const shells = new Map<string, string>();
    for (const [what, path] of PAGES) {
      await open(page, path);
      const links = async (selector: string) =>
        (await page.locator(`${selector} a`).evaluateAll((as) => as.map((a) => `${a.textContent?.trim()} → ${a.getAttribute('href')}`))).join(' | ');
      shells.set(what, `${await links('header.entete')}\n${await links('footer.pied')}\n${await page.locator('header.entete form[role="search"]').count()}`);
    }
    const [first, ...others] = [...shells.values()];
    expect(first).toContain('Trouver de l’aide → /annuaire');
    expect(first).toContain('Guides → /guides');
    for (const [what, shell] of shells) expect(shell, what).toBe(first);
    expect(others).toHaveLength(PAGES.length - 1);
    await page.close();
  });
});

describe('the menu on a phone', () => {
  for (const js of [true, false])
    it(`opens on every page type ${js ? 'with' : 'without'} JavaScript`, async () => {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: js });
      const page = await context.newPage();
      for (const [what, path] of PAGES) {
        await open(page, path, js);
        const menu = page.locator('details.entete__menu');
        const links = menu.locator('nav a');
        expect(await links.first().isVisible(), `${what}: closed at first`).toBe(false);
        await menu.locator('summary').click();
        expect(await menu.getAttribute('open'), what).not.toBeNull();
        expect(await links.count(), what).toBe(5);
        for (const link of await links.all()) expect(await link.isVisible(), `${what}: ${await link.textContent()}`).toBe(true);
        expect(await page.locator('header.entete input[type="search"]').isVisible(), `${what}: search box`).toBe(true);
        if (js) {
          // Escape closes it and gives the focus back to « Menu ».
          await links.first().focus();
          await page.keyboard.press('Escape');
          expect(await menu.getAttribute('open'), `${what}: Escape`).toBeNull();
          expect(await page.evaluate(() => document.activeElement?.tagName), what).toBe('SUMMARY');
        } else {
          await menu.locator('summary').click();
          expect(await menu.getAttribute('open'), `${what}: closed again`).toBeNull();
        }
      }
      await context.close();
    });
});

/** WCAG relative luminance contrast of two CSS rgb()/rgba() colours (alpha ignored: opaque backgrounds only). */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r = 0, g = 0, bl = 0] = (c.match(/[\d.]+/g) ?? []).map(Number);
    const ch = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(bl);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

interface Focused {
  label: string;
  top: number;
  bottom: number;
  headerBottom: number;
  viewport: number;
  inHeader: boolean;
  outline: string;
  outlineWidth: number;
  background: string;
}

/** The focused element: where it is against the header, its focus ring and what is behind it. */
function focusedState(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const header = document.querySelector('header.entete');
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    // The ring is drawn outside the element: what it stands out from is its surroundings' background.
    let background = 'rgb(255, 255, 255)';
    for (let p = el.parentElement; p; p = p.parentElement) {
      const bg = getComputedStyle(p).backgroundColor;
      if (bg && bg !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(bg)) {
        background = bg;
        break;
      }
    }
    return {
      label: `${el.tagName.toLowerCase()}.${el.className} « ${(el.textContent ?? '').trim().slice(0, 30)} »`,
      top: r.top,
      bottom: r.bottom,
      headerBottom: header?.getBoundingClientRect().bottom ?? 0,
      viewport: window.innerHeight,
      inHeader: !!header?.contains(el) || !!el.closest('.lien-evitement, [role="region"][aria-label="Aller au contenu principal"]'),
      outline: style.outlineStyle === 'none' ? '' : style.outlineColor,
      outlineWidth: Number.parseFloat(style.outlineWidth) || 0,
      background,
    };
  });
}

describe('keyboard focus', () => {
  for (const width of [1280, 360])
    it(`is never under the sticky header, with a ring of 3:1 or more, at ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: width > 400 ? 800 : 740 } });
      const page = await context.newPage();
      let checked = 0;
      for (const [what, path] of PAGES) {
        await open(page, path);
        // The skip link first: after it, the next element is below the header.
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.textContent?.trim()), what).toBe('Aller au contenu principal');
        await page.keyboard.press('Enter');
        for (let n = 0; n < 30; n++) {
          await page.keyboard.press('Tab');
          const f = await focusedState(page);
          if (!f) continue;
          checked++;
          if (!f.inHeader) {
            // Wholly visible below the header when it fits there; a box taller than that (a long table) at least in part.
            const fits = f.bottom - f.top <= f.viewport - f.headerBottom;
            if (fits) expect(f.top, `${what}: ${f.label} is under the header (${f.headerBottom} px)`).toBeGreaterThanOrEqual(f.headerBottom - 1);
            else expect(f.bottom, `${what}: ${f.label} is hidden by the header`).toBeGreaterThan(f.headerBottom + 20);
          }
          expect(f.outline, `${what}: ${f.label} has a focus ring`).not.toBe('');
          expect(f.outlineWidth, `${what}: ${f.label}`).toBeGreaterThanOrEqual(2);
          expect(contrast(f.outline, f.background), `${what}: ${f.label} ring ${f.outline} on ${f.background}`).toBeGreaterThanOrEqual(3);
        }
        // The footer's links too, on their dark background.
        const footerLink = page.locator('footer.pied a').first();
        await footerLink.focus();
        await page.keyboard.press('Shift+Tab');
        await page.keyboard.press('Tab');
        const f = await focusedState(page);
        expect(f?.label, what).toContain('Accueil');
        expect(contrast(f?.outline ?? '', f?.background ?? ''), `${what}: footer ring`).toBeGreaterThanOrEqual(3);
      }
      expect(checked).toBeGreaterThan(PAGES.length * 20);
      await context.close();
    });
});

describe('reflow', () => {
  it('keeps every page type within a 320 px screen (no sideways scrolling)', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    for (const [what, path] of [...PAGES, ['the guides', '/guides'] as [string, string]]) {
      await open(page, path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), what).toBeLessThanOrEqual(320);
    }
    await context.close();
  });
});
