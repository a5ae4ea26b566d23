// Moderation end to end on a real server, with content/ inside a temporary git repository:
// moderator accounts from the CLI (add, password, remove: sessions end at once), login
// throttled per account and connection, session + CSRF on every state change, approve
// (file at once; page, git commit by the moderator and audit by the publish pipeline; a
// second decision is 409), diff of updates, reject with a reason, hostile text kept inert.
// Crashes and concurrency: test/api/publish/.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT_DIR, resolvePaths } from '../../core/model/paths.ts';
import { sampleInitiative, sampleSubmitter } from '../../scripts/lib/sample-submission.ts';
import { tempContent } from '../helpers/content.ts';
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
/** Everything the decisions so far imply is done (pages, commits, hooks). */
const published = () => server.publishing.pipeline.drained();

/** A login from another loopback address (another connection, as the throttle sees it). */
function loginFrom(localAddress: string, email: string, password: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ email, password });
    const url = new URL(`${server.url}/api/auth/login`);
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

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
  cookie = setCookie.split(';')[0]!;
  csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
});

afterAll(async () => {
  await server?.close();
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

  it('throttles 5 wrong passwords for one account from one connection, alike for unknown accounts, and only there', async () => {
    const paulPassword = moderatorCli(['password', 'paul@charleroi.be']).match(/: (\S{16,})\./)?.[1] ?? '';
    expect(paulPassword).not.toBe('');
    const attempts = async (email: string) => {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await api('POST', '/api/auth/login', { email, password: `faux-${i}` })).status);
      return statuses;
    };
    const real = await attempts('paul@charleroi.be');
    const unknown = await attempts('personne@charleroi.be');
    expect(real).toEqual([401, 401, 401, 401, 401, 429]);
    expect(unknown).toEqual(real); // the answers never tell who is a moderator
    const throttled = await api('POST', '/api/auth/login', { email: 'paul@charleroi.be', password: paulPassword });
    expect(throttled.status).toBe(429);
    expect(throttled.body).toMatchObject({ error: { code: 'too_many_attempts' } });
    // From another connection, the right password still works: nobody can lock a moderator out.
    expect(await loginFrom('127.0.0.2', 'paul@charleroi.be', paulPassword)).toBe(200);
  });

  it("ends a removed moderator's sessions, and those of a changed password, within a second", async () => {
    moderatorCli(['add', 'lea@charleroi.be'], 'un autre mot de passe');
    const open = async () => {
      const login = await api('POST', '/api/auth/login', { email: 'lea@charleroi.be', password: 'un autre mot de passe' });
      expect(login.status).toBe(200);
      return (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    };
    const session = (c: string) => api('GET', '/api/auth/session', undefined, { cookie: c });
    const first = await open();
    expect((await session(first)).status).toBe(200);
    moderatorCli(['password', 'lea@charleroi.be'], 'un mot de passe tout neuf');
    await expect.poll(async () => (await session(first)).status, { timeout: 1000, interval: 50 }).toBe(401);
    const login = await api('POST', '/api/auth/login', { email: 'lea@charleroi.be', password: 'un mot de passe tout neuf' });
    const second = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect((await session(second)).status).toBe(200);
    moderatorCli(['remove', 'lea@charleroi.be']);
    await expect.poll(async () => (await session(second)).status, { timeout: 1000, interval: 50 }).toBe(401);
  });

  it('answers 401, not 500, to a malformed session cookie', async () => {
    const res = await api('GET', '/api/moderation/submissions', undefined, { cookie: 'passerelle_session=%E0%A4%A' });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('logs out: the session no longer works', async () => {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'marie@charleroi.be', password: 'un mot de passe solide' }),
    });
    const other = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const token = ((await login.json()) as { csrfToken: string }).csrfToken;
    expect((await api('POST', '/api/auth/logout', undefined, { cookie: other, 'x-csrf-token': token })).status).toBe(204);
    expect((await api('GET', '/api/auth/session', undefined, { cookie: other })).status).toBe(401);
  });
});

describe('approving and rejecting', () => {
  it('approves a new initiative: file, page, git commit by the moderator, audit; a second approval is 409 and changes nothing', async () => {
    const { id, trackingToken } = await submit({ type: 'create', initiative, submitter });
    const approved = await asModerator('POST', `/api/moderation/submissions/${id}/approve`, {});
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', result: { initiative: 'atelier-tablette-de-marcinelle' } });
    const file = path.join(env.paths.initiatives, 'atelier-tablette-de-marcinelle.yml');
    const yaml = fs.readFileSync(file, 'utf8');
    expect(parse(yaml)).toMatchObject({ name: initiative.name, source: { origin: 'moderation', submission: id }, status: 'active' });
    expect(yaml).not.toMatch(/Awa|awa@example/);
    await published();
    expect(fs.readFileSync(path.join(env.paths.build, 'annuaire', 'atelier-tablette-de-marcinelle.html'), 'utf8')).toContain(initiative.name);
    const log = git('log', '-1', '--format=%an <%ae>|%s');
    expect(log).toContain('<marie@charleroi.be>|');
    expect(log).toContain(id);
    expect(git('log', '--format=%an %ae %s %b')).not.toMatch(/Awa|awa@example/);
    const commits = git('rev-list', '--count', 'HEAD');

    const again = await asModerator('POST', `/api/moderation/submissions/${id}/approve`, {});
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'already_decided', state: { status: 'approved', initiative: 'atelier-tablette-de-marcinelle' } } });
    await published();
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
    await published();
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
    await published();
    expect(fs.existsSync(path.join(env.paths.build, 'annuaire', 'lieu-qui-va-fermer.html'))).toBe(true);
    const report = await submit({ type: 'report', targetId: 'lieu-qui-va-fermer', message: 'Ce lieu a fermé en octobre.', submitter });
    expect((await asModerator('POST', `/api/moderation/submissions/${report.id}/approve`, {})).status).toBe(200);
    expect(parse(fs.readFileSync(path.join(env.paths.initiatives, 'lieu-qui-va-fermer.yml'), 'utf8')).status).toBe('archived');
    expect((await getJson(`${server.url}/api/initiatives/lieu-qui-va-fermer`)).status).toBe(410);
    await published();
    expect(fs.existsSync(path.join(env.paths.build, 'annuaire', 'lieu-qui-va-fermer.html'))).toBe(false);
  });
});
