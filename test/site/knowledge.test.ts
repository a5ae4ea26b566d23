// Guides and curriculum in real Chromium: a guide prints to clean A4 (no navigation, step
// numbers kept), the self-check opens without JavaScript, glossary terms point to their
// definition, the read-aloud button shows only where speech works, and axe finds nothing
// serious on a guide, a curriculum session and the glossary.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/index.ts';
import { resolvePaths } from '../../core/model/paths.ts';
import { launchBrowser, seriousViolations } from '../helpers/browser.ts';
import { startTestServer } from '../helpers/server.ts';
import { fakeSpeech } from '../helpers/speech.ts';

const GUIDE = '/guides/identite-securite/itsme-installer-activer';
const SESSION = '/formation/module-1-accueillir/evaluer-aptitude-numerique';
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

describe('a guide on paper', () => {
  it('prints to A4 without navigation and keeps its numbered steps', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}${GUIDE}`);
    // The read-aloud buttons are added by a client module once the page has hydrated.
    await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true');
    const screenOnly = ['.navbar', '.footer', '.theme-doc-sidebar-container', '.lire-voix-haute'];
    for (const selector of screenOnly) expect(await page.locator(selector).first().isVisible(), `${selector} on screen`).toBe(true);
    await page.emulateMedia({ media: 'print' });
    for (const selector of screenOnly) expect(await page.locator(selector).first().isVisible(), `${selector} on paper`).toBe(false);
    const steps = page.locator('ol.etapes').first();
    expect(await steps.evaluate((el) => getComputedStyle(el).listStyleType)).toBe('decimal');
    expect(await page.locator('ol.etapes > li').count()).toBeGreaterThan(3);
    expect(
      await page
        .locator('.etapes__etape')
        .first()
        .evaluate((el) => getComputedStyle(el).breakInside),
    ).toBe('avoid');
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThan(12);
    await page.close();
  });
});

describe('the self-check', () => {
  it('shows its answer once opened, with JavaScript disabled', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}${SESSION}`);
    const details = page.locator('details.autoeval').first();
    const answer = details.locator('.autoeval__reponse');
    expect(await answer.isVisible()).toBe(false);
    await details.locator('summary').click();
    expect(await answer.isVisible()).toBe(true);
    await context.close();
  });
});

describe('glossary and read-aloud', () => {
  it('links the first use of a term to its definition on the page', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}${GUIDE}`);
    const link = page.locator('a.terme-glossaire').first();
    const describedBy = await link.getAttribute('aria-describedby');
    const target = await link.getAttribute('href');
    expect(describedBy).toMatch(/^mot-[a-z0-9-]+-def$/);
    expect(target).toMatch(/^#mot-[a-z0-9-]+$/);
    expect(await page.locator(String(target)).count()).toBe(1);
    expect((await page.locator(`#${describedBy}`).textContent())?.length).toBeGreaterThan(10);
    await page.close();
  });

  it('offers « Lire à voix haute » where speech synthesis exists, and hides it elsewhere', async () => {
    const page = await browser.newPage();
    // Chromium has speech synthesis but, headless, no voice: a test engine says the text.
    await page.addInitScript(fakeSpeech, { autoEnd: false });
    await page.goto(`${server.url}${GUIDE}`);
    // The buttons are there as soon as the page has hydrated: the check without speech
    // below, made at the same moment, is not merely too early.
    await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true');
    expect(await page.getByRole('button', { name: /Lire à voix haute/ }).count()).toBe(1);
    await page.getByRole('button', { name: /Lire à voix haute/ }).click();
    await page.getByRole('button', { name: 'Arrêter' }).waitFor();
    await page.getByRole('button', { name: 'Arrêter' }).click();
    await page.getByRole('button', { name: /Lire à voix haute/ }).waitFor();
    await page.close();
    const context = await browser.newContext();
    await context.addInitScript(() => {
      delete (window as unknown as { speechSynthesis?: unknown }).speechSynthesis;
      delete (Window.prototype as unknown as { speechSynthesis?: unknown }).speechSynthesis;
    });
    const muted = await context.newPage();
    await muted.goto(`${server.url}${GUIDE}`);
    await muted.locator('article').first().waitFor();
    await muted.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true');
    expect(await muted.getByRole('button', { name: /Lire à voix haute/ }).count()).toBe(0);
    await context.close();
  });
});

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  // The search page is checked with its results shown, in search-page.test.ts.
  it.each([
    ['a guide', GUIDE],
    ['a curriculum session', SESSION],
    ['the glossary', '/glossaire'],
  ])('has no serious or critical violation on %s', async (_what, url) => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    expect((await page.goto(`${server.url}${url}`))?.status()).toBe(200);
    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await context.close();
  });
});
