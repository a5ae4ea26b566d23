// The example partner plugin (test/fixtures/plugins/), loaded from a config file like a
// partner instance's, end to end on a real server: refused without its field, approved
// with it, and its badge in the page; then what a broken plugin may and may not do to
// submissions and approvals.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolvePaths } from '../../../core/model/paths.ts';
import { definePlugin } from '../../../plugins/api/index.ts';
import { notifications } from '../../../plugins/builtin/index.ts';
import { renderDirectoryPages } from '../../../scripts/lib/build-site.ts';
import { sampleInitiative, sampleSubmitter } from '../../../scripts/lib/sample-submission.ts';
import { tempContent } from '../../helpers/content.ts';
import { capturingPino } from '../../helpers/logger.ts';
import { loginModerator, type ModeratorClient } from '../../helpers/moderator.ts';
import { getJson, startTestServer } from '../../helpers/server.ts';

const FIXTURE_CONFIG = path.resolve(import.meta.dirname, '../../fixtures/plugins/passerelle.config.ts');
const FIELD = 'initiative.extra.network_member_id';

function withBuildShell(env: ReturnType<typeof tempContent>): void {
  fs.mkdirSync(env.paths.build, { recursive: true });
  fs.copyFileSync(path.join(resolvePaths({}).build, 'gabarit-annuaire.html'), path.join(env.paths.build, 'gabarit-annuaire.html'));
}

const post = (url: string, body: unknown) =>
  getJson(`${url}/api/submissions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('a partner plugin loaded from passerelle.config.ts', () => {
  let env: ReturnType<typeof tempContent>;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let moderator: ModeratorClient;

  beforeAll(async () => {
    env = tempContent();
    env.paths.config = FIXTURE_CONFIG;
    withBuildShell(env);
    server = await startTestServer(env.paths);
    moderator = await loginModerator(server.url, server.dataDir);
  });
  afterAll(async () => {
    await server?.close();
    env?.cleanup();
  });

  it('is loaded after the built-ins, in the config order', () => {
    expect(server.plugins.names).toEqual(['notifications', 'open-data', 'reseau-partenaire']);
  });

  it('refuses a submission without the member number, with a field error next to the base errors', async () => {
    // Other tests of this server may leave submissions pending: compare the queue before and after.
    const queue = async () => (await moderator.call('GET', '/api/moderation/submissions?status=pending')).body;
    const before = await queue();
    expect(before).toEqual({ submissions: expect.any(Array) });
    const res = await post(server.url, { type: 'create', initiative: { ...sampleInitiative, summary: '' }, submitter: sampleSubmitter });
    expect(res.status).toBe(400);
    const fields = (res.body as { error: { fields: Record<string, string> } }).error.fields;
    expect(fields[FIELD]).toBe('Le numéro de membre du réseau EPN de Wallonie est obligatoire, par exemple AB-1234.');
    expect(fields['initiative.summary']).toMatch(/\S/);
    const malformed = await post(server.url, {
      type: 'create',
      initiative: { ...sampleInitiative, extra: { network_member_id: '1234' } },
      submitter: sampleSubmitter,
    });
    expect((malformed.body as { error: { fields: Record<string, string> } }).error.fields).toEqual({
      [FIELD]: "« 1234 » n'est pas un numéro de membre du réseau EPN de Wallonie : il s'écrit comme AB-1234.",
    });
    expect(await queue()).toEqual(before);
  });

  it('with it: approved, written to the file, and shown as a badge on the page', async () => {
    const res = await post(server.url, {
      type: 'create',
      initiative: { ...sampleInitiative, extra: { network_member_id: 'WA-1234' } },
      submitter: sampleSubmitter,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const { id } = res.body as { id: string };
    const approved = await moderator.call('POST', `/api/moderation/submissions/${id}/approve`, {});
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const slug = (approved.body as { result: { initiative: string } }).result.initiative;
    expect(parse(fs.readFileSync(path.join(env.paths.initiatives, `${slug}.yml`), 'utf8'))).toMatchObject({ extra: { network_member_id: 'WA-1234' } });
    await server.publishing.pipeline.drained();
    const page = () => fs.readFileSync(path.join(env.paths.build, 'annuaire', `${slug}.html`), 'utf8');
    expect(page()).toMatch(/<span class="badge-plugin" title="Membre du réseau EPN de Wallonie">Membre du réseau EPN<\/span>/);
    expect(page()).toMatch(/<dt>Numéro de membre \(EPN de Wallonie\)<\/dt><dd>WA-1234<\/dd>/);
    // The same through a full render of the directory (what `npm run build` does).
    fs.rmSync(path.join(env.paths.build, 'annuaire'), { recursive: true });
    await renderDirectoryPages(env.paths);
    expect(page()).toContain('Membre du réseau EPN');
    // Other pages get no badge.
    expect(fs.readFileSync(path.join(env.paths.build, 'annuaire', 'permanence-marcinelle.html'), 'utf8')).not.toContain('badge-plugin');
  });

  it('applies to moderators’ edits too', async () => {
    const res = await post(server.url, {
      type: 'create',
      initiative: { ...sampleInitiative, name: 'Atelier bis', extra: { network_member_id: 'WA-2222' } },
      submitter: sampleSubmitter,
    });
    const { id } = res.body as { id: string };
    // Edits change only what they name: removing the member number is what breaks the network's rule.
    const edited = await moderator.call('POST', `/api/moderation/submissions/${id}/approve`, { edits: { extra: null } });
    expect(edited.status).toBe(400);
    expect((edited.body as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty('edits.extra.network_member_id');
  });
});

async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

describe('broken plugins', () => {
  it('a validation hook that throws refuses the submission with a 500 that names no internals, and keeps nothing', async () => {
    const env = tempContent();
    const broken = definePlugin({ name: 'controle-casse' }, () => ({
      name: 'controle-casse',
      validateSubmission: () => {
        throw new Error('ECONNREFUSED 10.0.0.7:5432 secret-db');
      },
    }));
    const { logger, lines } = capturingPino();
    const server = await startTestServer(env.paths, { config: { plugins: [broken] }, logger });
    try {
      const res = await post(server.url, { type: 'create', initiative: sampleInitiative, submitter: sampleSubmitter });
      expect(res.status).toBe(500);
      expect(res.body).toEqual({
        error: {
          code: 'validation_unavailable',
          message: "Votre demande n'a pas pu être vérifiée pour le moment. Elle n'est pas enregistrée : réessayez dans quelques minutes.",
        },
      });
      expect(JSON.stringify(res.body)).not.toMatch(/ECONNREFUSED|secret|controle-casse/);
      const queue = path.join(server.dataDir, 'submissions.json');
      expect(fs.existsSync(queue) ? JSON.parse(fs.readFileSync(queue, 'utf8')).submissions : []).toEqual([]);
      expect(lines()).toContainEqual(expect.objectContaining({ level: 'error', plugin: 'controle-casse', hook: 'validateSubmission' }));
    } finally {
      await server.close();
      env.cleanup();
    }
  });

  it('a validation hook that fails at approval leaves the submission pending, with a message for the moderator', async () => {
    const env = tempContent();
    const flaky = definePlugin({ name: 'controle-instable' }, () => ({
      name: 'controle-instable',
      validateSubmission: (draft) => {
        if (draft.origin === 'moderation') throw new Error('service du réseau injoignable');
      },
    }));
    const server = await startTestServer(env.paths, { config: { plugins: [flaky] } });
    try {
      const moderator = await loginModerator(server.url, server.dataDir);
      const { id } = (await post(server.url, { type: 'create', initiative: sampleInitiative, submitter: sampleSubmitter })).body as { id: string };
      const res = await moderator.call('POST', `/api/moderation/submissions/${id}/approve`, {});
      expect(res).toMatchObject({
        status: 500,
        body: {
          error: {
            code: 'validation_unavailable',
            message: "Cette demande n'a pas pu être vérifiée pour le moment. Elle reste en attente : réessayez dans quelques minutes.",
          },
        },
      });
      expect((await moderator.call('GET', `/api/moderation/submissions/${id}`)).body).toMatchObject({ status: 'pending' });
      expect(fs.existsSync(path.join(env.paths.initiatives, 'atelier-tablette-de-marcinelle.yml'))).toBe(false);
    } finally {
      await server.close();
      env.cleanup();
    }
  });

  it('a throwing onApproved and an unreachable webhook do not stop an approval: the rest is published; their steps are retried and shown waiting', async () => {
    const env = tempContent();
    withBuildShell(env);
    let attempts = 0;
    const boom = definePlugin({ name: 'boum' }, () => ({
      name: 'boum',
      onApproved: () => {
        attempts++;
        throw new Error('boum');
      },
    }));
    const port = await closedPort();
    const { logger, lines } = capturingPino();
    const server = await startTestServer(env.paths, {
      logger,
      config: { plugins: [boom, [notifications, { webhook: { url: `http://127.0.0.1:${port}/hook`, secret: 'un secret partagé' }, timeoutMs: 2000 }]] },
    });
    try {
      const moderator = await loginModerator(server.url, server.dataDir);
      const { id } = (await post(server.url, { type: 'create', initiative: sampleInitiative, submitter: sampleSubmitter })).body as { id: string };
      const approved = await moderator.call('POST', `/api/moderation/submissions/${id}/approve`, {});
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);
      expect(approved.body).toMatchObject({ status: 'approved', result: { initiative: 'atelier-tablette-de-marcinelle' } });
      expect(fs.existsSync(path.join(env.paths.initiatives, 'atelier-tablette-de-marcinelle.yml'))).toBe(true);
      // The page does not wait for the plugins.
      await expect.poll(() => fs.existsSync(path.join(env.paths.build, 'annuaire', 'atelier-tablette-de-marcinelle.html')), { timeout: 10_000 }).toBe(true);
      // Failed steps are retried (1 s, then 2 s…), never dropped, and logged with the plugin's name.
      await expect.poll(() => attempts, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
      expect(lines().filter((l) => l.step === 'hook:boum' && l.level === 'warn').length).toBeGreaterThanOrEqual(1);
      const health = (await getJson(`${server.url}/api/health`)).body as { status: string; publishing: { pending: number; failing: number } };
      expect(health).toMatchObject({ status: 'degraded', publishing: { failing: expect.any(Number) } });
      expect(health.publishing.failing).toBeGreaterThanOrEqual(1);
      // The moderators see what waits, in French.
      const progress = (await moderator.call('GET', '/api/moderation/publishing')).body as {
        listings: { initiative: string; steps: { label: string; lastError?: string }[] }[];
      };
      const waiting = progress.listings.find((l) => l.initiative === 'atelier-tablette-de-marcinelle');
      expect(waiting?.steps.map((s) => s.label)).toEqual(expect.arrayContaining(['Module « boum »', 'Notifications (e-mail, webhook)']));
      expect(waiting?.steps.find((s) => s.label === 'Module « boum »')?.lastError).toBe("le module « boum » n'a pas abouti");
      expect((await getJson(`${server.url}/api/moderation/submissions/${id}`)).status).toBe(401); // still behind login
      expect((await moderator.call('GET', `/api/moderation/submissions/${id}`)).body).toMatchObject({ status: 'approved' });
    } finally {
      await server.close();
      env.cleanup();
    }
  });
});
