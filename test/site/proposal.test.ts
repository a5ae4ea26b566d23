// The proposal form: without JavaScript it posts to /proposer/envoyer and gets a results
// page (tracking link, or the fields to fix); with JavaScript the server's field errors
// appear next to their fields, then the tracking page shows the proposal. axe-clean.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvePaths } from '../../core/model/paths.ts';
import { launchBrowser, seriousViolations } from '../helpers/browser.ts';
import { startTestServer } from '../helpers/server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer(resolvePaths({}));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function fillValid(page: Page): Promise<void> {
  await page.getByLabel('Nom (obligatoire)', { exact: true }).fill('Atelier smartphone de Gosselies');
  await page.getByLabel('Type (obligatoire)', { exact: true }).selectOption('permanence');
  await page.getByLabel('En une ou deux phrases, ce que vous proposez (obligatoire)', { exact: true }).fill('On vous aide avec votre smartphone. Gratuit.');
  await page.getByLabel('Organisation (obligatoire)', { exact: true }).fill('Les Amis de Gosselies');
  await page
    .getByRole('group', { name: /L'aide proposée/ })
    .getByLabel('Aide aux démarches administratives')
    .check();
  await page
    .getByRole('group', { name: /Pour qui/ })
    .getByLabel('Tout public')
    .check();
  await page
    .getByRole('group', { name: /Langues parlées/ })
    .getByLabel('Français')
    .check();
  await page.getByLabel('Prix (obligatoire)', { exact: true }).selectOption('gratuit');
  await page.getByLabel('Rendez-vous (obligatoire)', { exact: true }).selectOption('sans');
  await page
    .getByRole('group', { name: /Pour venir/ })
    .getByRole('checkbox')
    .first()
    .check();
  await page.getByLabel('Rue et numéro (obligatoire)', { exact: true }).fill('Place des Martyrs 1');
  await page.getByLabel('Code postal (obligatoire)', { exact: true }).fill('6041');
  await page.getByLabel('Localité (obligatoire)', { exact: true }).fill('Gosselies');
  await page.getByLabel('Commune (obligatoire)', { exact: true }).selectOption('charleroi');
  await page.getByLabel('Horaires', { exact: true }).fill('We 14:00-16:00; PH off');
  await page.getByLabel('Votre nom (obligatoire)', { exact: true }).fill('Awa Diallo');
  await page.getByLabel('Votre e-mail (obligatoire)', { exact: true }).fill('awa@example.be');
}

describe('with JavaScript', () => {
  it('shows field errors next to their fields, then sends and gives a tracking link', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/proposer`);
    await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true');
    await page.getByRole('button', { name: 'Envoyer la proposition' }).click();
    await page.locator('.formulaire__bilan').waitFor();
    const name = page.locator('#champ-name');
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#champ-name-erreur').textContent()).toMatch(/obligatoire/);
    expect(await name.getAttribute('aria-describedby')).toContain('champ-name-erreur');
    expect(await page.locator('#champ-submitter_email-erreur').count()).toBe(1);
    expect(await seriousViolations(page), 'form with errors').toEqual([]);

    await fillValid(page);
    await page.getByRole('button', { name: 'Envoyer la proposition' }).click();
    await page.getByRole('heading', { name: /votre proposition est envoyée/ }).waitFor();
    await page.getByRole('link', { name: 'Suivre ma proposition' }).click();
    await page.waitForURL(/\/suivi\?id=sub_/);
    await page.getByText(/En attente/).waitFor();
    expect(await seriousViolations(page), 'tracking page').toEqual([]);
    await context.close();
  });
});

describe('without JavaScript', () => {
  it('posts the plain form and gets a results page', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/proposer`);
    await page.getByRole('button', { name: 'Envoyer la proposition' }).click();
    await page.waitForURL(/\/proposer\/envoyer$/);
    expect(await page.locator('h1').textContent()).toMatch(/pas encore envoyée/);
    expect(await page.locator('main li').count()).toBeGreaterThan(3);
    await page.goBack();
    await fillValid(page);
    await page.getByRole('button', { name: 'Envoyer la proposition' }).click();
    await page.waitForURL(/\/proposer\/envoyer$/);
    expect(await page.locator('h1').textContent()).toMatch(/votre proposition est envoyée/);
    expect(await page.getByRole('link', { name: 'Suivre ma proposition' }).getAttribute('href')).toMatch(/^\/suivi\?id=sub_[\w-]+&token=[\w-]+$/);
    await context.close();
  });
});
