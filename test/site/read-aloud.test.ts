// « Lire à voix haute » in real Chromium, with a test speech engine (headless Chromium has
// no voice): one button at rest, the controls only while reading, no sideways scrolling at
// 320 px, the page read block by block (a heading on its own, then a pause), never the
// « Mots expliqués » box; on a guide and on a listing page.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/index.ts';
import { resolvePaths } from '../../core/model/paths.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { startTestServer } from '../helpers/server.ts';
import { type FakeSpeechWindow, fakeSpeech } from '../helpers/speech.ts';

const GUIDE = '/guides/identite-securite/itsme-installer-activer';
const LISTING = '/annuaire/permanence-aide-numerique-de-marcinelle';
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

async function open(url: string, autoEnd: boolean): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await page.addInitScript(fakeSpeech, { autoEnd });
  if (autoEnd) await page.clock.install();
  await page.goto(`${server.url}${url}`);
  if (url.startsWith('/guides')) await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true');
  await page.locator('.lire-voix-haute').waitFor();
  return page;
}

const visibleButtons = (page: Page) =>
  page.locator('.lire-voix-haute button').evaluateAll((bs) => bs.filter((b) => (b as HTMLElement).offsetParent !== null).map((b) => b.textContent?.trim()));

describe.each([
  ['a guide', GUIDE],
  ['a listing', LISTING],
])('read-aloud on %s', (_what, url) => {
  it('shows one button at rest and its controls only while reading, within 320 px', async () => {
    const page = await open(url, false);
    expect(await visibleButtons(page)).toEqual(['Lire à voix haute']);
    await page.getByRole('button', { name: 'Lire à voix haute' }).click();
    expect(await visibleButtons(page)).toEqual(['Pause', 'Arrêter']);
    // The focus stays in the controls when the button it was on goes.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Pause');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.getByRole('button', { name: 'Pause' }).click();
    expect(await visibleButtons(page)).toEqual(['Reprendre', 'Arrêter']);
    await page.getByRole('button', { name: 'Reprendre' }).click();
    await page.getByRole('button', { name: 'Arrêter' }).click();
    expect(await visibleButtons(page)).toEqual(['Lire à voix haute']);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Lire à voix haute');
    await page.context().close();
  });

  it('reads block by block, headings on their own, and never the « Mots expliqués » box', async () => {
    const page = await open(url, true);
    await page.getByRole('button', { name: 'Lire à voix haute' }).click();
    await page.clock.runFor(5 * 60_000);
    const spoken = await page.evaluate(() => (window as unknown as FakeSpeechWindow).__spoken);
    const h1 = (await page.locator('main h1, article h1').first().textContent())?.trim();
    expect(spoken[0]).toBe(h1);
    const h2 = (await page.locator('article h2').first().textContent())
      ?.replace(/\s+/g, ' ')
      .replace(/\u200b/g, '')
      .trim();
    expect(spoken.map((s) => s.replace(/\u200b/g, '').trim())).toContain(h2);
    expect(spoken.length).toBeGreaterThan(8);
    const glossary = page.locator('.glossaire-page');
    if (await glossary.count()) {
      const definitions = (await glossary.locator('p[id$="-def"]').allTextContents()).map((d) => d.trim()).filter(Boolean);
      expect(definitions.length).toBeGreaterThan(0);
      for (const d of definitions)
        expect(
          spoken.some((s) => s.includes(d.slice(0, 40))),
          d,
        ).toBe(false);
      expect(spoken).not.toContain('Mots expliqués');
    }
    for (const never of ['Proposer une modification', 'Signaler une erreur', "Notes de l'aidant", 'Agrandir et déplacer la carte', 'Lire à voix haute'])
      expect(spoken.join(' ')).not.toContain(never);
    // Done: back to one button.
    expect(await visibleButtons(page)).toEqual(['Lire à voix haute']);
    await page.context().close();
  });
});
