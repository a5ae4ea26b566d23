// Shared by the browser journeys of partners and moderators: the site's real content in a
// temporary git repository with the full build, a real server, a moderator account, the
// three ways people come (1280 px, 360 px, without JavaScript), the desk's login done at the
// keyboard, axe on a page as it was without JavaScript, and YAML compared field by field.
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { resolvePaths } from '../../core/model/paths.ts';
import { type AxeViolation, seriousViolations } from '../helpers/browser.ts';
import { loginModerator, type ModeratorClient } from '../helpers/moderator.ts';
import { type PublishingEnv, publishingEnv } from '../helpers/publishing.ts';
import { startTestServer } from '../helpers/server.ts';

export const MODERATOR = { email: 'marie@charleroi.be', password: 'un mot de passe solide' };

export interface Way {
  name: string;
  js: boolean;
  viewport: { width: number; height: number };
}

export const WIDE: Way = { name: '1280 px', js: true, viewport: { width: 1280, height: 900 } };
export const PHONE: Way = { name: '360 px', js: true, viewport: { width: 360, height: 740 } };
export const NO_JS: Way = { name: 'sans JavaScript', js: false, viewport: { width: 1280, height: 900 } };
export const WAYS: Way[] = [WIDE, PHONE, NO_JS];

export interface DeskEnv {
  env: PublishingEnv;
  server: Awaited<ReturnType<typeof startTestServer>>;
  moderator: ModeratorClient;
  close(): Promise<void>;
}

/** The site's own content (in a git repository) with the full build, served on a random port. */
export async function deskEnv(): Promise<DeskEnv> {
  const root = resolvePaths({});
  const env = publishingEnv(root.content);
  fs.rmSync(env.paths.build, { recursive: true, force: true });
  fs.cpSync(root.build, env.paths.build, { recursive: true });
  const server = await startTestServer(env.paths, { submissionsLimit: { limit: 1000, windowMs: 60_000 }, loginLimit: 1000 });
  const moderator = await loginModerator(server.url, server.dataDir, MODERATOR.email, MODERATOR.password);
  return {
    env,
    server,
    moderator,
    close: async () => {
      await server.close();
      env.cleanup();
    },
  };
}

/** A context for one way of coming; axe needs inline scripts (bypassCSP) when JavaScript is on. */
export function contextFor(browser: Browser, way: Way): Promise<BrowserContext> {
  return browser.newContext({
    viewport: way.viewport,
    javaScriptEnabled: way.js,
    ...(way.js ? { bypassCSP: true } : {}),
    locale: 'fr-BE',
    timezoneId: 'Europe/Brussels',
  });
}

/** Waits until Docusaurus has brought the page to life (JavaScript on). */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true');
}

/**
 * axe on a page as it was shown without JavaScript: the same HTML, opened where scripts
 * may run for axe but the site's own scripts are blocked (so nothing changes it).
 */
export async function axeWithoutJs(browser: Browser, page: Page, way: Way): Promise<AxeViolation[]> {
  const html = await page.content();
  const url = page.url();
  const context = await browser.newContext({ viewport: way.viewport, bypassCSP: true });
  try {
    await context.route('**/*.js', (route) => route.abort());
    await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    const copy = await context.newPage();
    await copy.goto(url);
    return await seriousViolations(copy);
  } finally {
    await context.close();
  }
}

/** axe on the page in its current state, with or without JavaScript. */
export function axe(browser: Browser, page: Page, way: Way): Promise<AxeViolation[]> {
  return way.js ? seriousViolations(page) : axeWithoutJs(browser, page, way);
}

/** Logs in on /moderation with the keyboard only (Tab to the e-mail field, type, Tab, type, Enter). */
export async function keyboardLogin(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/moderation`);
  await hydrated(page);
  await page.locator('#moderation-email').waitFor();
  for (let i = 0; i < 60 && (await page.evaluate(() => document.activeElement?.id)) !== 'moderation-email'; i++) await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('moderation-email');
  await page.keyboard.type(MODERATOR.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(MODERATOR.password);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'file-titre');
}

/** A listing file without the fields a correction may change and the server's own (source, updated): the rest must stay byte for byte. */
export function untouchedPart(yaml: string, changed: string[]): string {
  const lines = yaml.split('\n');
  const out: string[] = [];
  let skipping = false;
  for (const line of lines) {
    const key = /^([a-z_]+):/.exec(line)?.[1];
    if (key) skipping = [...changed, 'source', 'updated'].includes(key);
    else if (!line.startsWith(' ')) skipping = false;
    if (!skipping) out.push(line);
  }
  return out.join('\n');
}

/** The text of the desk's live region. */
export const liveText = async (page: Page): Promise<string> => (await page.locator('.bureau__etat').textContent()) ?? '';
