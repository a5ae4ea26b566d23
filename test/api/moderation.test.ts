// Moderation end to end on a real server, with content/ inside a temporary git repository:
// moderator accounts from the CLI, login lockout, session + CSRF on every state change,
// approve (file, page, git commit by the moderator, audit, idempotent), diff of updates,
// reject with a reason, hostile text kept inert, and a crash repaired at restart.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT_DIR, resolvePaths } from '../../core/model/paths.ts';
import { sampleInitiative, sampleSubmitter } from '../../scripts/lib/sample-submission.ts';
import { tempContent, tempDir } from '../helpers/content.ts';
import { getJson, startTestServer } from '../helpers/server.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let env: ReturnType<typeof tempContent>;
let server: Server;
let cookie = '';
let csrf = '';

const initiative = sampleInitiative;
const submitter = sampleSubmitter;
const git = (...args: string[]) => execFileSync('git', ['-C', env.paths.content, ...args], { encoding: 'utf8' });

function moderatorCli(args: string[], password?: string): string {
  return execFileSync(path.join(ROOT_DIR, 'node_modules/.bin/tsx'), [path.join(ROOT_DIR, 'scripts/moderator.ts'), ...args], {
    env: { ...process.env, PASSERELLE_DATA_DIR: server.dataDir },
    input: password ?? '',
    encoding: 'utf8',
  });
}

const api = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
  getJson(`${server.url}${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const asModerator = (method: string, url: string, body?: unknown) => api(method, url, body, { cookie, 'x-csrf-token': csrf });

async function submit(body: unknown): Promise<{ id: string; trackingToken: string }> {
  const res = await api('POST', '/api/submissions', body);
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return res.body as { id: string; trackingToken: string };
}

beforeAll(async () => {
  env = tempContent();
  execFileSync('git', ['init', '-q', env.paths.content]);
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'add', '.');
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'init');
  fs.mkdirSync(env.paths.build, { recursive: true });
  fs.copyFileSync(path.join(resolvePaths({}).build, 'gabarit-annuaire.html'), path.join(env.paths.build, 'gabarit-annuaire.html'));
  server = await startTestServer(env.paths, { loginLimit: 100 });
  expect(moderatorCli(['add', 'marie@charleroi.be'], 'un mot de passe solide')).toContain('ajouté');
  expect(moderatorCli(['add', 'paul@charleroi.be'])).toMatch(/Mot de passe \(affiché une seule fois\) : \S{16,}/);
  expect(moderatorCli(['list'])).toMatch(/marie@charleroi\.be[\s\S]*paul@charleroi\.be/);
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'Marie@Charleroi.be', password: 'un mot de passe solide' }),
  });
  expect(login.status).toBe(200);
  const setCookie = login.headers.get('set-cookie') ?? '';
  expect(setCookie).toMatch(/HttpOnly/i);
  expect(setCookie).toMatch(/SameSite=Strict/i);
  cookie = setCookie.split(';')[0];
  csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
});

afterAll(async () => {
  await server?.close();
  if (server?.dataDir.includes('passerelle-crash-')) fs.rmSync(server.dataDir, { recursive: true, force: true });
  env?.cleanup();
});

describe('moderator access', () => {
  it('refuses moderator endpoints without a session, and state changes without the CSRF token', async () => {
    const { id } = await submit({ type: 'create', initiative: { ...initiative, name: 'Sans session' }, submitter });
    expect((await api('GET', '/api/moderation/submissions')).status).toBe(401);
    expect((await api('POST', `/api/moderation/submissions/${id}/approve`, {})).status).toBe(401);
    const noCsrf = await api('POST', `/api/moderation/submissions/${id}/approve`, {}, { cookie });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body).toMatchObject({ error: { code: 'csrf' } });
    expect((await api('POST', `/api/moderation/submissions/${id}/approve`, {}, { cookie, 'x-csrf-token': 'x'.repeat(csrf.length) })).status).toBe(403);
    expect((await asModerator('GET', '/api/moderation/submissions?status=pending')).status).toBe(200);
  });

  it('locks an account at the 6th attempt after 5 wrong passwords in a row', async () => {
    const attempt = (password: string) => api('POST', '/api/auth/login', { email: 'paul@charleroi.be', password });
    for (let i = 0; i < 5; i++) expect((await attempt(`faux-${i}`)).status).toBe(401);
    const sixth = await attempt('faux-6');
    expect(sixth.status).toBe(423);
    expect(sixth.body).toMatchObject({ error: { code: 'account_locked' } });
  });

  it('logs out: the session no longer works', async () => {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'marie@charleroi.be', password: 'un mot de passe solide' }),
    });
    const other = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const token = ((await login.json()) as { csrfToken: string }).csrfToken;
    expect((await api('POST', '/api/auth/logout', undefined, { cookie: other, 'x-csrf-token': token })).status).toBe(204);
    expect((await api('GET', '/api/auth/session', undefined, { cookie: other })).status).toBe(401);
  });
});

describe('approving and rejecting', () => {
  it('approves a new initiative: file, page, git commit by the moderator, audit; twice changes nothing', async () => {
    const { id, trackingToken } = await submit({ type: 'create', initiative, submitter });
    const approved = await asModerator('POST', `/api/moderation/submissions/${id}/approve`, {});
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', result: { initiative: 'atelier-tablette-de-marcinelle' } });
    const file = path.join(env.paths.initiatives, 'atelier-tablette-de-marcinelle.yml');
    const yaml = fs.readFileSync(file, 'utf8');
    expect(parse(yaml)).toMatchObject({ name: initiative.name, source: { origin: 'moderation', submission: id }, status: 'active' });
    expect(yaml).not.toMatch(/Awa|awa@example/);
    expect(fs.readFileSync(path.join(env.paths.build, 'annuaire', 'atelier-tablette-de-marcinelle.html'), 'utf8')).toContain(initiative.name);
    const log = git('log', '-1', '--format=%an <%ae>|%s');
    expect(log).toContain('<marie@charleroi.be>|');
    expect(log).toContain(id);
    expect(git('log', '--format=%an %ae %s %b')).not.toMatch(/Awa|awa@example/);
    const commits = git('rev-list', '--count', 'HEAD');

    const again = await asModerator('POST', `/api/moderation/submissions/${id}/approve`, {});
    expect(again.status).toBe(200);
    expect(git('rev-list', '--count', 'HEAD')).toBe(commits);
    const audit = (await asModerator('GET', '/api/moderation/audit')).body as { entries: { submission: string; action: string; by: string }[] };
    expect(audit.entries.filter((e) => e.submission === id)).toEqual([expect.objectContaining({ action: 'approve', by: 'marie@charleroi.be' })]);
    expect((await getJson(`${server.url}/api/submissions/${id}?token=${trackingToken}`)).body).toMatchObject({ status: 'approved' });
    // The hot queue keeps open submissions only; decided ones live in the archive.
    const queue = JSON.parse(fs.readFileSync(path.join(server.dataDir, 'submissions.json'), 'utf8')).submissions as { id: string }[];
    expect(queue.some((s) => s.id === id)).toBe(false);
    expect((await asModerator('GET', '/api/moderation/submissions?status=approved')).body).toMatchObject({
      submissions: expect.arrayContaining([expect.objectContaining({ id })]),
    });
  });

  it('shows an update as a field-by-field diff, and applies moderator edits after checking them', async () => {
    const { id } = await submit({
      type: 'update',
      targetId: 'permanence-marcinelle',
      initiative: { ...initiative, name: 'Permanence de Marcinelle', hours: 'Tu 09:00-12:00' },
      submitter,
    });
    const detail = (await asModerator('GET', `/api/moderation/submissions/${id}`)).body as { changes: { field: string }[] };
    expect(detail.changes.map((c) => c.field)).toEqual(expect.arrayContaining(['name', 'hours', 'summary']));
    const bad = await asModerator('POST', `/api/moderation/submissions/${id}/approve`, { edits: { ...initiative, hours: 'Mardi matin' } });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { fields: Record<string, string> } }).error.fields['edits.hours']).toBeTruthy();
    const ok = await asModerator('POST', `/api/moderation/submissions/${id}/approve`, { edits: { ...initiative, name: 'Permanence corrigée' } });
    expect(ok.status).toBe(200);
    expect(parse(fs.readFileSync(path.join(env.paths.initiatives, 'permanence-marcinelle.yml'), 'utf8')).name).toBe('Permanence corrigée');
  });

  it('rejects only with a reason, which the submitter then sees', async () => {
    const { id, trackingToken } = await submit({ type: 'create', initiative: { ...initiative, name: 'À refuser' }, submitter });
    expect((await asModerator('POST', `/api/moderation/submissions/${id}/reject`, {})).status).toBe(400);
    expect((await asModerator('POST', `/api/moderation/submissions/${id}/reject`, { reason: 'Doublon de la fiche existante.' })).status).toBe(200);
    expect((await getJson(`${server.url}/api/submissions/${id}?token=${trackingToken}`)).body).toMatchObject({
      status: 'rejected',
      reason: 'Doublon de la fiche existante.',
    });
    expect((await asModerator('POST', `/api/moderation/submissions/${id}/approve`, {})).status).toBe(409);
  });
});

describe('asking the submitter for changes', () => {
  it('keeps the exchange as a thread; the submitter resubmits with the tracking token', async () => {
    const { id, trackingToken } = await submit({ type: 'create', initiative: { ...initiative, name: 'À compléter' }, submitter });
    expect((await asModerator('POST', `/api/moderation/submissions/${id}/request-changes`, { message: 'Ajoutez les horaires du vendredi.' })).status).toBe(200);
    const seen = (await getJson(`${server.url}/api/submissions/${id}?token=${trackingToken}`)).body;
    expect(seen).toMatchObject({ status: 'changes_requested', reason: 'Ajoutez les horaires du vendredi.' });
    const resubmit = (token: string, body: unknown) => api('POST', `/api/submissions/${id}/resubmit?token=${token}`, body);
    expect((await resubmit('mauvais', { message: 'x', initiative })).status).toBe(404);
    expect((await resubmit(trackingToken, { initiative })).status).toBe(400);
    const again = await resubmit(trackingToken, {
      message: "C'est ajouté.",
      initiative: { ...initiative, name: 'À compléter', hours: 'We 14:00-16:00; Fr 09:00-11:00' },
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'pending' });
    expect((again.body as { thread: { from: string; text: string }[] }).thread.map((t) => t.from)).toEqual(['moderator', 'submitter']);
    expect((await resubmit(trackingToken, { message: 'encore' })).status).toBe(409);
    const detail = (await asModerator('GET', `/api/moderation/submissions/${id}`)).body as { initiative: { hours: string } };
    expect(detail.initiative.hours).toBe('We 14:00-16:00; Fr 09:00-11:00');
  });
});

describe('hostile submissions', () => {
  it('end as inert text in the YAML file and the page, in a file inside content/initiatives/', async () => {
    const hostile = {
      ...initiative,
      name: '../../etc/passwd <script>alert(1)</script>',
      summary: 'Texte: avec deux-points --- et {process.exit()} et <img src=x onerror=alert(1)>',
      description: "import x from 'y'\nexport const a = 1;\n---\n&ancre valeur\n*ancre\n# Titre\n: clé",
    };
    const { id } = await submit({ type: 'create', initiative: hostile, submitter });
    const approved = await asModerator('POST', `/api/moderation/submissions/${id}/approve`, {});
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const slug = (approved.body as { result: { initiative: string } }).result.initiative;
    expect(slug).toMatch(/^[a-z0-9-]+$/);
    const file = path.join(env.paths.initiatives, `${slug}.yml`);
    expect(path.dirname(path.resolve(file))).toBe(path.resolve(env.paths.initiatives));
    const back = parse(fs.readFileSync(file, 'utf8'));
    expect(back.name).toBe(hostile.name);
    expect(back.summary).toBe(hostile.summary);
    expect(back.description).toBe(hostile.description);
    const html = fs.readFileSync(path.join(env.paths.build, 'annuaire', `${slug}.html`), 'utf8');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('path tricks and reports', () => {
  it('refuses NUL bytes and very long names, and makes safe slugs from dot-dot names', async () => {
    expect((await api('POST', '/api/submissions', { type: 'create', initiative: { ...initiative, name: 'nul\u0000byte' }, submitter })).status).toBe(400);
    expect((await api('POST', '/api/submissions', { type: 'create', initiative: { ...initiative, name: 'x'.repeat(5000) }, submitter })).status).toBe(400);
    const { id } = await submit({ type: 'create', initiative: { ...initiative, name: '%2e%2e/%2e%2e/secret' }, submitter });
    const approved = await asModerator('POST', `/api/moderation/submissions/${id}/approve`, {});
    const slug = (approved.body as { result: { initiative: string } }).result.initiative;
    expect(slug).toBe('2e-2e-2e-2e-secret');
    expect(fs.existsSync(path.join(env.paths.initiatives, `${slug}.yml`))).toBe(true);
  });

  it('archives an initiative reported as gone: status archived, 410 from the API, page removed', async () => {
    const { id } = await submit({ type: 'create', initiative: { ...initiative, name: 'Lieu qui va fermer' }, submitter });
    await asModerator('POST', `/api/moderation/submissions/${id}/approve`, {});
    expect(fs.existsSync(path.join(env.paths.build, 'annuaire', 'lieu-qui-va-fermer.html'))).toBe(true);
    const report = await submit({ type: 'report', targetId: 'lieu-qui-va-fermer', message: 'Ce lieu a fermé en octobre.', submitter });
    expect((await asModerator('POST', `/api/moderation/submissions/${report.id}/approve`, {})).status).toBe(200);
    expect(parse(fs.readFileSync(path.join(env.paths.initiatives, 'lieu-qui-va-fermer.yml'), 'utf8')).status).toBe('archived');
    expect((await getJson(`${server.url}/api/initiatives/lieu-qui-va-fermer`)).status).toBe(410);
    expect(fs.existsSync(path.join(env.paths.build, 'annuaire', 'lieu-qui-va-fermer.html'))).toBe(false);
  });
});

describe('a crash between the file and the decision', () => {
  it('is completed at the next start', async () => {
    const { id } = await submit({ type: 'create', initiative: { ...initiative, name: 'Reprise après panne' }, submitter });
    const dataDir = tempDir('passerelle-crash-');
    fs.cpSync(server.dataDir, dataDir, { recursive: true });
    await server.close();
    // Simulate the crash: the intent was recorded, the file never written.
    const queueFile = path.join(dataDir, 'submissions.json');
    const data = JSON.parse(fs.readFileSync(queueFile, 'utf8'));
    const s = data.submissions.find((x: { id: string }) => x.id === id);
    s.intent = {
      by: 'marie@charleroi.be',
      at: new Date().toISOString(),
      initiative: { ...s.initiative, id: 'reprise-apres-panne', source: { origin: 'moderation', submission: id }, updated: '2026-11-23', status: 'active' },
    };
    fs.writeFileSync(queueFile, JSON.stringify(data));
    server = await startTestServer(env.paths, { dataDir });
    expect(fs.existsSync(path.join(env.paths.initiatives, 'reprise-apres-panne.yml'))).toBe(true);
    // Decided, so moved from the hot queue file to the archive.
    expect(JSON.parse(fs.readFileSync(queueFile, 'utf8')).submissions.some((x: { id: string }) => x.id === id)).toBe(false);
    const after = JSON.parse(fs.readFileSync(path.join(dataDir, 'submissions-archive.json'), 'utf8')).submissions.find((x: { id: string }) => x.id === id);
    expect(after.status).toBe('approved');
    expect(after.intent).toBeUndefined();
  });
});
