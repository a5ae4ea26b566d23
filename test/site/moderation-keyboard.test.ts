// A moderator works through 20 queued proposals with the keyboard only, at 1280 px and at
// 360 px: log in, open the first, then for each one a key (a: accept; m or r: write the
// message, Ctrl+Entrée), and the next one opens by itself with the focus on its title while
// the live region says what happened. Prints the time per item (for the report). The
// desk's shortcuts are written on the page. axe-clean on the login, the queue, an item.

import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleInitiative, sampleSubmitter } from '../../scripts/lib/sample-submission.ts';
import { launchBrowser, seriousViolations } from '../helpers/browser.ts';
import { fileOf } from '../helpers/publishing.ts';
import { getJson } from '../helpers/server.ts';
import { contextFor, type DeskEnv, deskEnv, hydrated, liveText, MODERATOR, PHONE, type Way, WIDE } from './moderation-env.ts';

const COUNT = 20;
let desk: DeskEnv;
let browser: Browser;

beforeAll(async () => {
  desk = await deskEnv();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await desk?.close();
});

/** What the moderator does with item n (1-based): mostly accept, sometimes ask for changes or refuse. */
const action = (n: number): 'a' | 'm' | 'r' => (n % 7 === 0 ? 'r' : n % 5 === 0 ? 'm' : 'a');

describe.each([WIDE, PHONE])('twenty proposals at the keyboard (%s)', (way: Way) => {
  it('moves the focus to each next item and announces every outcome', async () => {
    const names: string[] = [];
    for (let n = 1; n <= COUNT; n++) {
      const name = `Atelier clavier ${way.viewport.width} n°${String(n).padStart(2, '0')}`;
      names.push(name);
      const res = await getJson(`${desk.server.url}/api/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'create',
          initiative: { ...sampleInitiative, name, address: { ...sampleInitiative.address, street: `Rue du Parc ${n + 10 * way.viewport.width}` } },
          submitter: sampleSubmitter,
        }),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(202);
    }
    const context = await contextFor(browser, way);
    const page = await context.newPage();
    await page.goto(`${desk.server.url}/moderation`);
    await hydrated(page);
    await page.locator('#moderation-email').waitFor();
    expect(await seriousViolations(page), 'login').toEqual([]);

    // Keyboard only from here: Tab to the e-mail field, type, Tab, type, Enter.
    const active = () =>
      page.evaluate(() => ({
        id: document.activeElement?.id ?? '',
        text: document.activeElement?.textContent ?? '',
        demande: (document.activeElement as HTMLElement | null)?.dataset.demande,
      }));
    for (let i = 0; i < 60 && (await active()).id !== 'moderation-email'; i++) await page.keyboard.press('Tab');
    await page.keyboard.type(MODERATOR.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(MODERATOR.password);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'file-titre');
    // The queue holds only this width's proposals (the test's own word in the search).
    await page.keyboard.press('/');
    await page.waitForFunction(() => document.activeElement?.id === 'file-q');
    await page.keyboard.type(`clavier ${way.viewport.width}`);
    await expect.poll(() => page.locator('#file-titre').textContent()).toBe(`File : ${COUNT} demandes`);
    expect(await page.locator('.bureau__raccourcis summary').textContent()).toBe('Raccourcis clavier');
    expect(await page.locator('.bureau__raccourcis dt').allTextContents()).toEqual(expect.arrayContaining(['A', 'R', 'M', 'S', 'Échap']));
    expect(await seriousViolations(page), 'queue').toEqual([]);
    for (let i = 0; i < 40 && !(await active()).demande; i++) await page.keyboard.press('Tab');
    expect((await active()).text).toContain(names[0]);

    const started = performance.now();
    await page.keyboard.press('Enter');
    for (let n = 1; n <= COUNT; n++) {
      const name = names[n - 1] ?? '';
      await page.waitForFunction(
        (expected) => document.activeElement?.id === 'demande-titre' && (document.activeElement.textContent ?? '').includes(expected),
        name,
      );
      if (n === 1) expect(await seriousViolations(page), 'an item').toEqual([]);
      const key = action(n);
      await page.keyboard.press(key);
      if (key !== 'a') {
        await page.waitForFunction(() => document.activeElement?.id === 'champ-texte');
        await page.keyboard.type(key === 'm' ? 'Ajoutez un numéro de téléphone.' : 'Ce lieu est déjà dans l’annuaire.');
        await page.keyboard.press('Control+Enter');
      }
      const said = key === 'a' ? 'acceptée, la fiche sera publiée' : key === 'm' ? 'modifications demandées' : 'refusée';
      await expect.poll(() => liveText(page), { timeout: 15_000 }).toContain(`« ${name} » : ${said}`);
      if (n < COUNT) expect(await liveText(page)).toContain(`Demande suivante : « ${names[n]} »`);
    }
    const perItem = (performance.now() - started) / COUNT;
    console.log(`[keyboard ${way.name}] ${COUNT} items in ${((perItem * COUNT) / 1000).toFixed(1)} s: ${(perItem / 1000).toFixed(2)} s per item`);
    await expect.poll(() => liveText(page)).toContain('La file est vide : tout est traité.');
    await page.waitForFunction(() => document.activeElement?.id === 'file-titre');

    await desk.server.publishing.pipeline.drained();
    const accepted = names.filter((_, i) => action(i + 1) === 'a');
    const slug = (name: string) =>
      name
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
    for (const name of accepted) expect(fs.existsSync(fileOf(desk.env, slug(name))), name).toBe(true);
    await context.close();
  });
});
