// /moderation in real Chromium: log in, open a submission from the queue, see the diff of
// an update, approve; refuse another with a reason; ask for changes; read the journal. Then
// the submitter answers a request for changes from the tracking page. axe-clean.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { ROOT_DIR, resolvePaths } from '../../core/model/paths.ts';
import { sampleInitiative, sampleSubmitter } from '../../scripts/lib/sample-submission.ts';
import { launchBrowser, seriousViolations } from '../helpers/browser.ts';
import { tempContent } from '../helpers/content.ts';
import { loginModerator } from '../helpers/moderator.ts';
import { getJson, startTestServer } from '../helpers/server.ts';

// Each test has its own server (own data directory: queue, journal, accounts) on the same
// content and build, so neither depends on what the other did, in any order.
let env: ReturnType<typeof tempContent>;
let browser: Browser;

beforeAll(async () => {
  env = tempContent();
  fs.rmSync(env.paths.build, { recursive: true, force: true });
  fs.cpSync(resolvePaths({}).build, env.paths.build, { recursive: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  env?.cleanup();
});

async function submit(server: Awaited<ReturnType<typeof startTestServer>>, body: object): Promise<{ id: string; trackingToken: string }> {
  const res = await getJson(`${server.url}/api/submissions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return res.body as { id: string; trackingToken: string };
}

describe('the moderation page', () => {
  it('logs in, approves, shows an update as a diff, refuses with a reason, and keeps a journal', async () => {
    const server = await startTestServer(env.paths);
    onTestFinished(() => server.close());
    // The account is made by the CLI, as a city's team does it.
    execFileSync(path.join(ROOT_DIR, 'node_modules/.bin/tsx'), [path.join(ROOT_DIR, 'scripts/moderator.ts'), 'add', 'marie@charleroi.be'], {
      env: { ...process.env, PASSERELLE_DATA_DIR: server.dataDir },
      input: 'un mot de passe solide',
    });
    for (const body of [
      { type: 'create', initiative: { ...sampleInitiative, name: 'Atelier à accepter' }, submitter: sampleSubmitter },
      { type: 'create', initiative: { ...sampleInitiative, name: 'Atelier à refuser' }, submitter: sampleSubmitter },
      { type: 'update', targetId: 'permanence-marcinelle', initiative: { ...sampleInitiative, name: 'Permanence renommée' }, submitter: sampleSubmitter },
      { type: 'create', initiative: { ...sampleInitiative, name: 'Atelier à compléter' }, submitter: sampleSubmitter },
    ])
      await submit(server, body);
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/moderation`);
    await page.getByLabel('E-mail').fill('marie@charleroi.be');
    await page.getByLabel('Mot de passe').fill('un mot de passe solide');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'File (4)' }).waitFor();
    expect(await seriousViolations(page), 'queue').toEqual([]);

    await page.getByRole('button', { name: /Atelier à accepter/ }).click();
    await page.getByRole('button', { name: 'Accepter et publier' }).click();
    await page.getByText('Demande acceptée').waitFor();
    expect(fs.existsSync(path.join(env.paths.initiatives, 'atelier-a-accepter.yml'))).toBe(true);

    await page.getByRole('button', { name: /Mise à jour : Permanence renommée/ }).click();
    const diff = page.getByRole('table', { name: /Ce qui change/ });
    await diff.waitFor();
    expect(await diff.getByRole('rowheader', { name: 'name' }).count()).toBe(1);
    expect(await seriousViolations(page), 'detail').toEqual([]);
    await page.getByRole('button', { name: 'Retour à la file' }).click();

    await page.getByRole('button', { name: /Atelier à refuser/ }).click();
    await page.getByLabel("Raison du refus, ou ce qu'il faut changer").fill('Doublon.');
    await page.getByRole('button', { name: 'Refuser' }).click();
    await page.getByText('Demande refusée.').waitFor();

    await page.getByRole('button', { name: /Atelier à compléter/ }).click();
    await page.getByLabel("Raison du refus, ou ce qu'il faut changer").fill('Ajoutez le vendredi matin.');
    await page.getByRole('button', { name: 'Demander des modifications' }).click();
    await page.getByText('Modifications demandées au partenaire.').waitFor();

    await page.getByRole('button', { name: 'Journal' }).click();
    await page.getByRole('heading', { name: 'Journal des décisions' }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(3);
    await context.close();
  });

  it('lets the submitter correct and answer from the tracking page', async () => {
    const server = await startTestServer(env.paths);
    onTestFinished(() => server.close());
    const { id, trackingToken } = await submit(server, {
      type: 'create',
      initiative: { ...sampleInitiative, name: 'Atelier à compléter' },
      submitter: sampleSubmitter,
    });
    const moderator = await loginModerator(server.url, server.dataDir);
    const asked = await moderator.call('POST', `/api/moderation/submissions/${id}/request-changes`, { message: 'Ajoutez le vendredi matin.' });
    expect(asked, JSON.stringify(asked.body)).toMatchObject({ status: 200, body: { status: 'changes_requested' } });
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/suivi?id=${id}&token=${trackingToken}`);
    await page.getByText('Ajoutez le vendredi matin.').first().waitFor();
    expect(await seriousViolations(page), 'tracking page with the form').toEqual([]);
    await page.getByLabel('Horaires (par exemple Mo-Fr 09:00-12:00; PH off)').fill('Mardi');
    await page.getByLabel("Votre réponse à l'équipe (obligatoire)").fill("C'est ajouté.");
    await page.getByRole('button', { name: 'Renvoyer ma proposition' }).click();
    await page.locator('#suivi-hours-erreur').waitFor();
    await page.getByLabel('Horaires (par exemple Mo-Fr 09:00-12:00; PH off)').fill('We 14:00-16:00; Fr 09:00-12:00');
    await page.getByRole('button', { name: 'Renvoyer ma proposition' }).click();
    await page.getByText(/En attente/).waitFor();
    const status = (await getJson(`${server.url}/api/submissions/${id}?token=${trackingToken}`)).body as { status: string; initiative: { hours: string } };
    expect(status).toMatchObject({ status: 'pending', initiative: { hours: 'We 14:00-16:00; Fr 09:00-12:00' } });
    await context.close();
  });
});
