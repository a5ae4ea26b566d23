// Partners' journeys in real Chromium, at 1280 px, at 360 px and without JavaScript:
// a volunteer proposes a permanence with hours typed in French (the form says back what it
// understood; errors name their fields in French and lead to them; the confirmation is
// focused, shown at the top, with the link to copy and a receipt to print; the tracking
// page shows the proposal); a correction starts from a listing's « Proposer une
// modification », changes only the phone, and once approved on the desk every other field
// of the YAML file is byte for byte the same. axe-clean at each step.
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModerationView } from '../../core/wire/moderation.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { fileOf } from '../helpers/publishing.ts';
import { axe, contextFor, type DeskEnv, deskEnv, hydrated, keyboardLogin, NO_JS, untouchedPart, WAYS, type Way } from './moderation-env.ts';

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

const group = (page: Page, name: RegExp) => page.getByRole('group', { name });

async function fillPermanence(page: Page, name: string, js: boolean): Promise<void> {
  await page.getByLabel('Nom (obligatoire)', { exact: true }).fill(name);
  await page.getByLabel('Type (obligatoire)', { exact: true }).selectOption('permanence');
  await page.getByLabel('Résumé, en une ou deux phrases (obligatoire)', { exact: true }).fill('On vous aide avec votre smartphone et vos démarches. Gratuit.');
  await page.getByLabel('Organisation (obligatoire)', { exact: true }).fill('Les Amis de Gosselies');
  await page.getByLabel('Rue et numéro (obligatoire)', { exact: true }).fill('Place des Martyrs 1');
  await page.getByLabel('Code postal (obligatoire)', { exact: true }).fill('6041');
  // Hours as people write them: a day's times, and the rest in a sentence.
  await page.getByLabel('Mardi', { exact: true }).fill('9h-12h et 13h30-16h');
  await page.getByLabel('Autres moments ou fermetures (facultatif)').fill('le 1er mercredi du mois de 14h à 16h ; fermé en juillet');
  if (js) {
    await expect
      .poll(async () => ((await page.locator('.horaires-apercu').textContent()) ?? '').replace(/\u00a0/g, ' '), { timeout: 10_000 })
      .toMatch(
        /Ce que nous avons compris : Le mardi de 9 h à 12 h et de 13 h 30 à 16 h ; le 1er mercredi du mois de 14 h à 16 h\. Fermé les jours fériés\. Fermé en juillet\./,
      );
  }
  await page.getByLabel('Téléphone', { exact: true }).fill('071 12 34 56');
  await group(page, /L'aide proposée/)
    .getByLabel('Aide aux démarches administratives')
    .check();
  // « Pour qui : Tout public » and « Langues : Français » are already ticked.
  expect(
    await group(page, /Pour qui/)
      .getByLabel('Tout public')
      .isChecked(),
  ).toBe(true);
  expect(
    await group(page, /Langues parlées/)
      .getByLabel('Français')
      .isChecked(),
  ).toBe(true);
  await page.getByLabel('Prix (obligatoire)', { exact: true }).selectOption('gratuit');
  await page.getByLabel('Rendez-vous (obligatoire)', { exact: true }).selectOption('sans');
  await group(page, /Pour venir/)
    .getByRole('checkbox')
    .first()
    .check();
  await page.getByLabel('Votre nom (obligatoire)', { exact: true }).fill('Awa Diallo');
  await page.getByLabel('Votre e-mail (obligatoire)', { exact: true }).fill('awa@example.be');
}

async function pending(name: string): Promise<ModerationView> {
  const queue = (await desk.moderator.call('GET', '/api/moderation/submissions?status=pending')).body as { submissions: ModerationView[] };
  const found = queue.submissions.find((s) => s.name === name);
  expect(found, name).toBeDefined();
  return (await desk.moderator.call('GET', `/api/moderation/submissions/${found!.id}`)).body as ModerationView;
}

/** The form's controls as the issue counts them (inputs, selects, text areas; the honeypot left out) and the required ones (a group of boxes counts once). */
async function controls(page: Page): Promise<{ controls: number; required: number }> {
  return page.evaluate(() => {
    const form = document.querySelector('form.formulaire__formulaire');
    const all = [...(form?.querySelectorAll('input:not([type=hidden]), select, textarea') ?? [])].filter((e) => e.id !== 'champ-website');
    const groups = [...(form?.querySelectorAll('legend') ?? [])].filter((l) => /au moins un choix/.test(l.textContent ?? '')).length;
    return { controls: all.length, required: all.filter((e) => (e as HTMLInputElement).required).length + groups };
  });
}

describe.each(WAYS)('a volunteer proposes a permanence with hours in French ($name)', (way: Way) => {
  it('is told what is wrong by field, then sends, and keeps the tracking link', async () => {
    const context = await contextFor(browser, way);
    if (way.js) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: desk.server.url });
    const page = await context.newPage();
    const name = `Permanence smartphone de Gosselies (${way.name})`;
    await page.goto(`${desk.server.url}/proposer`);
    if (way.js) await hydrated(page);
    expect(await axe(browser, page, way), 'empty form').toEqual([]);
    if (way === NO_JS || way.viewport.width === 1280) console.log(`[form ${way.name}] ${JSON.stringify(await controls(page))}`);

    // A first try with hours that say nothing exact and no e-mail.
    await fillPermanence(page, name, way.js);
    await page.getByLabel('Jeudi', { exact: true }).fill('après-midi');
    await page.getByLabel('Votre e-mail (obligatoire)', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Envoyer la proposition' }).click();
    const summary = page.locator('#formulaire-bilan');
    await summary.waitFor();
    const listed = (await summary.textContent()) ?? '';
    expect(listed).toMatch(/Horaires : « jeudi après-midi » : « après-midi » ne dit pas les heures exactes/);
    expect(listed).toMatch(/Votre e-mail est obligatoire/);
    expect(listed).not.toMatch(/hoursText|submitter|slug|JSON/);
    if (way.js) await page.waitForFunction(() => document.activeElement?.id === 'formulaire-bilan');
    for (const href of await summary.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))) {
      expect(await page.locator(href).count(), href).toBe(1);
    }
    // What was typed is still there.
    expect(await page.getByLabel('Mardi', { exact: true }).inputValue()).toBe('9h-12h et 13h30-16h');
    expect(await axe(browser, page, way), 'form with errors').toEqual([]);

    await page.getByLabel('Jeudi', { exact: true }).fill('');
    await page.getByLabel('Votre e-mail (obligatoire)', { exact: true }).fill('awa@example.be');
    await page.getByRole('button', { name: 'Envoyer la proposition' }).click();

    if (way.js) {
      // The confirmation is what the person sees and hears first, on every screen.
      const heading = page.getByRole('heading', { name: 'Merci, votre proposition est envoyée' });
      await heading.waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('confirmation-titre');
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      const box = await heading.boundingBox();
      expect(box && box.y >= 0 && box.y + box.height <= way.viewport.height).toBe(true);
      const link = await page.getByLabel('Votre lien de suivi').inputValue();
      expect(link).toMatch(/\/suivi\?id=sub_[\w-]+&token=[\w-]+$/);
      await page.getByRole('button', { name: 'Copier le lien' }).click();
      await page.getByText('Lien copié.').waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
      expect(await page.getByRole('button', { name: 'Imprimer le reçu' }).count()).toBe(1);
      expect(await axe(browser, page, way), 'confirmation').toEqual([]);
      await page.getByRole('link', { name: 'Suivre ma proposition' }).click();
    } else {
      await page.waitForURL(/\/suivi\?id=sub_[\w-]+&token=[\w-]+&envoyee=1$/);
      await page.getByRole('heading', { name: 'Merci, votre proposition est envoyée' }).waitFor();
      expect(await page.getByLabel('Votre lien de suivi').inputValue()).toMatch(/\/suivi\?id=sub_[\w-]+&token=[\w-]+$/);
    }
    // The tracking page, made by the server: the state in words and the proposal as it will look.
    await page.waitForURL(/\/suivi\?id=/);
    await page.getByText("En attente : une personne de l'équipe va relire votre proposition.").waitFor();
    expect(await page.locator('.apercu-fiche').getByRole('heading', { name }).count()).toBe(1);
    expect(await axe(browser, page, way), 'tracking page').toEqual([]);

    const stored = await pending(name);
    expect(stored.initiative).toMatchObject({
      hours: 'Tu 09:00-12:00,13:30-16:00; We[1] 14:00-16:00; Jul off; PH off',
      address: { street: 'Place des Martyrs 1', postcode: '6041', locality: 'Gosselies', commune: 'charleroi' },
    });
    await context.close();
  });
});

describe.each(WAYS)('a correction from a listing page changes only the phone ($name)', (way: Way) => {
  it('opens pre-filled, sends only the phone, and once approved every other field is byte for byte the same', async () => {
    const id = 'aide-numerique-en-francais-facile-a-lodelinsart';
    const phone = `071 86 00 0${WAYS.indexOf(way)}`;
    const before = fs.readFileSync(fileOf(desk.env, id), 'utf8');
    const context = await contextFor(browser, way);
    const page = await context.newPage();
    await page.goto(`${desk.server.url}/annuaire/${id}`);
    await page.getByRole('link', { name: 'Proposer une modification' }).click();
    await page.waitForURL(/\/proposer\?type=update&id=/);
    if (way.js) await hydrated(page);
    await page.getByRole('heading', { name: /^Corriger une fiche : Aide numérique en français facile à Lodelinsart$/ }).waitFor();
    expect(await page.getByLabel('Rue et numéro (obligatoire)', { exact: true }).inputValue()).toBe('Rue Léopold 12');
    expect(await page.getByLabel('Mardi', { exact: true }).inputValue()).toBe('de 13 h 30 à 15 h 30');
    // A field the form keeps folded (« Plus de détails ») is pre-filled too.
    expect(await page.locator('#champ-support input:checked').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value))).toEqual(['illettrisme']);
    expect(await axe(browser, page, way), 'correction form').toEqual([]);
    await page.getByLabel('Téléphone', { exact: true }).fill(phone);
    await page.getByLabel('Votre nom (obligatoire)', { exact: true }).fill('Fatima');
    await page.getByLabel('Votre e-mail (obligatoire)', { exact: true }).fill('fatima@example.be');
    await page.getByRole('button', { name: 'Envoyer la correction' }).click();
    if (way.js) await page.getByRole('heading', { name: /Merci, votre proposition est envoyée/ }).waitFor();
    else await page.waitForURL(/\/suivi\?id=.*&envoyee=1$/);

    const queue = (await desk.moderator.call('GET', '/api/moderation/submissions?status=pending&type=update')).body as { submissions: ModerationView[] };
    const submission = queue.submissions.find((s) => s.targetId === id && s.initiative?.contact?.phone === phone);
    expect(submission).toBeDefined();
    const detail = (await desk.moderator.call('GET', `/api/moderation/submissions/${submission!.id}`)).body as ModerationView;
    expect(detail.changes?.map((c) => [c.field, c.label, c.after])).toEqual([['contact.phone', 'Téléphone', phone]]);

    if (way.js) {
      // Approved on the desk, where the change shows as one line in French.
      const deskPage = await context.newPage();
      await keyboardLogin(deskPage, desk.server.url);
      await deskPage.locator(`[data-demande="${submission!.id}"]`).click();
      const table = deskPage.getByRole('table', { name: 'Ce qui change par rapport à la fiche publiée' });
      await table.waitFor();
      expect(await table.locator('tbody tr').allTextContents()).toEqual([expect.stringMatching(new RegExp(`^Téléphone.*${phone}$`))]);
      expect(await axe(browser, deskPage, way), 'desk with a correction').toEqual([]);
      await deskPage.locator('#demande-titre').focus();
      await deskPage.keyboard.press('a');
      await expect.poll(() => deskPage.locator('.bureau__etat').textContent()).toMatch(/acceptée, la fiche sera publiée/);
    } else {
      expect((await desk.moderator.call('POST', `/api/moderation/submissions/${submission!.id}/approve`, {})).status).toBe(200);
    }
    await desk.server.publishing.pipeline.drained();
    const after = fs.readFileSync(fileOf(desk.env, id), 'utf8');
    expect(untouchedPart(after, ['contact'])).toBe(untouchedPart(before, ['contact']));
    expect(after).toContain(`contact:\n  phone: ${phone}\n`);
    expect(after).toMatch(/support: \[ illettrisme \]/);
    expect(after).toContain('geo: { lat: 50.4305, lng: 4.451 }');
    await context.close();
  });
});
