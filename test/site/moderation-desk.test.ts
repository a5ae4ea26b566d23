// The moderators' journeys in real Chromium, at 1280 px and 360 px (the desk needs
// JavaScript; the partners' side of each journey is also done without it): a report turned
// into a correction (the report beside the listing's editor; the point confirmed since the
// address moves; the reporter reads « Traité : la fiche a été corrigée », never
// « Refusée »); a round trip of changes asked and made (the moderator sees the exchange and
// « Corrigée par l'association le … »); the decision log in French, naming and linking the
// listing, marking an edited approval. axe-clean on every screen.
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ModerationView } from '../../core/wire/moderation.ts';
import { sampleInitiative, sampleSubmitter } from '../../scripts/lib/sample-submission.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { fileOf } from '../helpers/publishing.ts';
import { getJson } from '../helpers/server.ts';
import { axe, contextFor, type DeskEnv, deskEnv, hydrated, keyboardLogin, liveText, NO_JS, PHONE, untouchedPart, type Way, WIDE } from './moderation-env.ts';

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

async function submit(body: object): Promise<{ id: string; trackingToken: string }> {
  const res = await getJson(`${desk.server.url}/api/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return res.body as { id: string; trackingToken: string };
}

async function openOnDesk(page: Page, id: string): Promise<void> {
  await page.locator(`[data-demande="${id}"]`).click();
  await page.waitForFunction(() => document.activeElement?.id === 'demande-titre');
}

describe.each([
  [WIDE, NO_JS],
  [PHONE, PHONE],
])('a report turned into a correction (desk at %s, reporter %s)', (deskWay: Way, reporterWay: Way) => {
  it('shows the report beside the editor, corrects the listing, and tells the reporter it is done', async () => {
    const id = deskWay === WIDE ? 'permanence-aide-numerique-de-gilly' : 'epn-de-la-bibliotheque-de-marcinelle';
    const before = fs.readFileSync(fileOf(desk.env, id), 'utf8');
    const listing = parse(before) as { address: { street: string }; geo: { lat: number; lng: number } };

    // The reporter, from the listing's page.
    const reporter = await contextFor(browser, reporterWay);
    const page = await reporter.newPage();
    await page.goto(`${desk.server.url}/annuaire/${id}`);
    await page.getByRole('link', { name: 'Signaler une erreur' }).click();
    await page.waitForURL(/\/proposer\?type=report&id=/);
    if (reporterWay.js) await hydrated(page);
    expect(await axe(browser, page, reporterWay), 'report form').toEqual([]);
    await page.getByLabel("Qu'est-ce qui n'est plus juste ? (obligatoire)").fill('La permanence a déménagé : elle est maintenant rue de la Station 12.');
    await page.getByLabel('Votre nom (obligatoire)', { exact: true }).fill('Karim');
    await page.getByLabel('Votre e-mail (obligatoire)', { exact: true }).fill('karim@example.be');
    await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
    let tracking: string;
    if (reporterWay.js) {
      tracking = await page.getByLabel('Votre lien de suivi').inputValue();
    } else {
      await page.waitForURL(/\/suivi\?id=.*&envoyee=1$/);
      tracking = page.url().replace(/&envoyee=1$/, '');
    }

    // The moderator: the report next to the listing's editor, pre-filled.
    const context = await contextFor(browser, deskWay);
    const deskPage = await context.newPage();
    await keyboardLogin(deskPage, desk.server.url);
    const queue = (await desk.moderator.call('GET', '/api/moderation/submissions?status=pending&type=report')).body as { submissions: ModerationView[] };
    const report = queue.submissions.find((s) => s.targetId === id)!;
    await openOnDesk(deskPage, report.id);
    await deskPage.getByText('Le signalement : La permanence a déménagé').waitFor();
    const street = deskPage.getByLabel('Rue et numéro (obligatoire)', { exact: true });
    expect(await street.inputValue()).toBe(listing.address.street);
    expect(await axe(browser, deskPage, deskWay), 'desk with a report').toEqual([]);
    await street.fill('Rue de la Station 12');
    // The address moves: the point must be confirmed (here it is kept as it is).
    await deskPage.getByRole('button', { name: 'Corriger la fiche et publier' }).first().click();
    await deskPage.locator('#bureau-bilan').waitFor();
    expect(await deskPage.locator('#bureau-bilan').textContent()).toMatch(/Point sur la carte : l'adresse change : placez le point sur la carte/);
    expect(await axe(browser, deskPage, deskWay), 'desk asking for the point').toEqual([]);
    await deskPage.getByLabel('Le point est juste pour la nouvelle adresse').check();
    await deskPage.getByRole('button', { name: 'Corriger la fiche et publier' }).first().click();
    await expect.poll(() => liveText(deskPage)).toMatch(/fiche corrigée, elle sera publiée/);
    await desk.server.publishing.pipeline.drained();

    const after = fs.readFileSync(fileOf(desk.env, id), 'utf8');
    expect(parse(after)).toMatchObject({ address: { street: 'Rue de la Station 12' }, geo: listing.geo, status: 'active' });
    expect(untouchedPart(after, ['address'])).toBe(untouchedPart(before, ['address']));

    // The reporter is told it is done, never « Refusée ».
    await page.goto(tracking);
    await page.getByText('Traité : la fiche a été corrigée. Merci !').waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/Refusée/);
    expect(await page.getByRole('link', { name: 'Voir la fiche publiée' }).getAttribute('href')).toBe(`/annuaire/${id}`);
    expect(await axe(browser, page, reporterWay), 'tracking page, report handled').toEqual([]);
    await context.close();
    await reporter.close();
  });
});

describe.each([
  [WIDE, NO_JS],
  [PHONE, PHONE],
])('changes asked and made (desk at %s, association %s)', (deskWay: Way, partnerWay: Way) => {
  it('shows the exchange and the resubmission mark, and publishes the corrected proposal', async () => {
    const name = `Atelier tablette à compléter (${deskWay.name})`;
    const { hours: _h, ...rest } = sampleInitiative;
    const { id, trackingToken } = await submit({
      type: 'create',
      initiative: { ...rest, name, hoursText: 'le mercredi de 14h à 16h' },
      submitter: sampleSubmitter,
    });

    const context = await contextFor(browser, deskWay);
    const deskPage = await context.newPage();
    await keyboardLogin(deskPage, desk.server.url);
    await openOnDesk(deskPage, id);
    await deskPage.keyboard.press('m');
    expect(await deskPage.evaluate(() => document.activeElement?.id)).toBe('champ-texte');
    await deskPage.keyboard.type('Ajoutez le vendredi matin, de 9 h à 11 h.');
    await deskPage.keyboard.press('Control+Enter');
    await expect.poll(() => liveText(deskPage)).toMatch(/modifications demandées à la personne/);

    // The association corrects from its tracking page (made by the server).
    const partner = await contextFor(browser, partnerWay);
    const page = await partner.newPage();
    await page.goto(`${desk.server.url}/suivi?id=${id}&token=${trackingToken}`);
    await page.getByText("À compléter : l'équipe vous demande une modification").waitFor();
    await page.getByText('Ajoutez le vendredi matin, de 9 h à 11 h.').first().waitFor();
    expect(await page.getByLabel('Mercredi', { exact: true }).inputValue()).toBe('de 14 h à 16 h');
    expect(await axe(browser, page, partnerWay), 'tracking page with the correction form').toEqual([]);
    await page.getByLabel('Vendredi', { exact: true }).fill('matin');
    await page.getByLabel("Votre réponse à l'équipe (obligatoire)").fill("C'est ajouté.");
    await page.getByRole('button', { name: 'Renvoyer ma proposition' }).click();
    await page.locator('#formulaire-bilan').waitFor();
    expect(await page.locator('#formulaire-bilan').textContent()).toMatch(/Horaires : .*« matin » ne dit pas les heures exactes/);
    expect(await page.getByLabel("Votre réponse à l'équipe (obligatoire)").inputValue()).toBe("C'est ajouté.");
    expect(await axe(browser, page, partnerWay), 'tracking page, correction to fix').toEqual([]);
    await page.getByLabel('Vendredi', { exact: true }).fill('9h-11h');
    await page.getByRole('button', { name: 'Renvoyer ma proposition' }).click();
    await page.waitForURL(/&renvoyee=1$/);
    await page.getByRole('heading', { name: 'Merci, votre correction est envoyée' }).waitFor();
    await page.getByText("En attente : une personne de l'équipe va relire votre proposition.").waitFor();

    // Back on the desk: marked, with the whole exchange.
    await deskPage.keyboard.press('Escape');
    await deskPage.getByLabel("Seulement celles corrigées par l'association").check();
    await deskPage.locator(`[data-demande="${id}"]`).waitFor();
    expect(await deskPage.locator('.bureau__ligne').filter({ hasText: name }).textContent()).toMatch(/Corrigée par l'association le /);
    expect(await axe(browser, deskPage, deskWay), 'queue of corrected ones').toEqual([]);
    await openOnDesk(deskPage, id);
    const exchange = deskPage.locator('.bureau__echanges li');
    expect(await exchange.allTextContents()).toEqual([
      expect.stringMatching(/^L'équipe .*: Ajoutez le vendredi matin/),
      expect.stringMatching(/^La personne .*: C'est ajouté\.$/),
    ]);
    await deskPage
      .locator('.bureau__marques')
      .getByText(/Corrigée par l'association le /)
      .waitFor();
    expect(await axe(browser, deskPage, deskWay), 'desk, corrected proposal').toEqual([]);
    await deskPage.locator('#demande-titre').focus();
    await deskPage.keyboard.press('a');
    await expect.poll(() => liveText(deskPage)).toMatch(/acceptée, la fiche sera publiée/);
    await desk.server.publishing.pipeline.drained();
    const status = (await getJson(`${desk.server.url}/api/submissions/${id}?token=${trackingToken}`)).body as { published: string; status: string };
    expect(status.status).toBe('approved');
    expect(parse(fs.readFileSync(fileOf(desk.env, status.published), 'utf8')).hours).toBe('We 14:00-16:00; Fr 09:00-11:00; PH off');
    await partner.close();
    await context.close();
  });
});

describe.each([WIDE, PHONE])('the decision log (%s)', (way: Way) => {
  it('says each decision in French, names and links the listing, and marks an approval the moderator edited', async () => {
    const name = `Café numérique du log (${way.name})`;
    const { id } = await submit({ type: 'create', initiative: { ...sampleInitiative, name }, submitter: sampleSubmitter });
    const edited = await desk.moderator.call('POST', `/api/moderation/submissions/${id}/approve`, { edits: { summary: 'Résumé revu par la modération.' } });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    await desk.server.publishing.pipeline.drained();
    const context = await contextFor(browser, way);
    const page = await context.newPage();
    await keyboardLogin(page, desk.server.url);
    await page.keyboard.press('j');
    await page.waitForFunction(() => document.activeElement?.id === 'journal-titre');
    const row = page.locator('tbody tr').filter({ hasText: name });
    expect(await row.textContent()).toMatch(/Nouvelle fiche publiée \(modifiée par le modérateur\)/);
    expect(await row.getByRole('link', { name }).getAttribute('href')).toMatch(/^\/annuaire\/cafe-numerique-du-log/);
    expect(await page.locator('table').textContent()).not.toMatch(/approve|request_changes|sub_/);
    expect(await axe(browser, page, way), 'decision log').toEqual([]);
    await context.close();
  });
});
