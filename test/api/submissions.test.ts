// Public submissions on a real server: accepted with a tracking token (stored only as a
// hash), validated by the content model's schema with field errors, unknown fields,
// oversized bodies, the honeypot and the rate limit; the tracking page shows status but
// never the submitter's e-mail. Also the data directory lock.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { RunningServer } from '../../api/index.ts';
import { DataLockError, lockDataDir } from '../../api/storage/data-lock.ts';
import { sampleInitiative, sampleSubmitter } from '../../scripts/lib/sample-submission.ts';
import { tempContent, tempDir } from '../helpers/content.ts';
import { getJson, startTestServer } from '../helpers/server.ts';

let env: ReturnType<typeof tempContent>;
let server: RunningServer & { dataDir: string };

const initiative = sampleInitiative;
const submitter = sampleSubmitter;

const post = (body: unknown, headers: Record<string, string> = {}) =>
  getJson(`${server.url}/api/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

beforeAll(async () => {
  env = tempContent();
  // The rate limit is not under test on this server: the tests of the limit start their own.
  server = await startTestServer(env.paths, { submissionsLimit: { limit: 1000, windowMs: 60_000 } });
});

/** A server of its own with a fresh rate limit of `limit` submissions, closed after the test. */
async function limitedServer(limit: number): Promise<RunningServer> {
  const own = await startTestServer(env.paths, { submissionsLimit: { limit, windowMs: 60_000 } });
  onTestFinished(() => own.close());
  return own;
}

const report = (i: number) => ({ type: 'report', targetId: 'permanence-marcinelle', message: `Horaires changés ${i}`, submitter });

afterAll(async () => {
  await server?.close();
  env?.cleanup();
});

describe('POST /api/submissions', () => {
  it('accepts a new initiative with 202 and a tracking token stored only as a hash', async () => {
    const { status, body } = await post({ type: 'create', initiative, submitter });
    expect(status).toBe(202);
    const receipt = body as { id: string; status: string; trackingToken: string };
    expect(receipt).toMatchObject({ id: expect.stringMatching(/^sub_/), status: 'pending', trackingToken: expect.any(String) });
    expect(receipt.trackingToken.length).toBeGreaterThanOrEqual(32);
    const stored = fs.readFileSync(path.join(server.dataDir, 'submissions.json'), 'utf8');
    expect(stored).toContain(receipt.id);
    expect(stored).not.toContain(receipt.trackingToken);

    const tracking = await getJson(`${server.url}/api/submissions/${receipt.id}?token=${receipt.trackingToken}`);
    expect(tracking.status).toBe(200);
    expect(tracking.body).toMatchObject({ id: receipt.id, type: 'create', status: 'pending' });
    expect(JSON.stringify(tracking.body)).not.toContain('awa@example.be');
    expect(JSON.stringify(tracking.body)).not.toContain('Awa Diallo');

    expect((await getJson(`${server.url}/api/submissions/${receipt.id}?token=wrong`)).status).toBe(404);
    expect((await getJson(`${server.url}/api/submissions/${receipt.id}`)).status).toBe(404);
    expect((await getJson(`${server.url}/api/submissions/sub_unknown?token=${receipt.trackingToken}`)).status).toBe(404);
  });

  it('names every field to fix, with the content model messages', async () => {
    const { status, body } = await post({
      type: 'create',
      initiative: { ...initiative, services: ['cuisine'], hours: 'Mardi matin', geo: { lat: 50.85, lng: 4.35 } },
      submitter: { name: '', email: 'pas-un-email' },
    });
    expect(status).toBe(400);
    const fields = (body as { error: { code: string; fields: Record<string, string> } }).error.fields;
    expect((body as { error: { code: string } }).error.code).toBe('invalid_submission');
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(['initiative.services', 'initiative.hours', 'submitter.name', 'submitter.email']));
    expect(Object.keys(fields).some((k) => k.startsWith('initiative.geo'))).toBe(true);
    expect(fields['submitter.email']).toMatch(/e-mail valide/);
  });

  it.each([
    ['an unknown top-level field', { type: 'create', initiative, submitter, admin: true }, 'admin'],
    ['an unknown initiative field', { type: 'create', initiative: { ...initiative, status: 'active' }, submitter }, 'initiative.status'],
    ['an update without its target', { type: 'update', initiative, submitter }, 'targetId'],
    ['an update of an initiative that does not exist', { type: 'update', targetId: 'nexiste-pas', initiative, submitter }, 'targetId'],
    ['a path trick as target', { type: 'report', targetId: '../../etc/passwd', message: 'x', submitter }, 'targetId'],
    ['a report without a message', { type: 'report', targetId: 'permanence-marcinelle', submitter }, 'message'],
  ])('refuses %s with 400 and the field', async (_what, body, field) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect((res.body as { error: { fields: Record<string, string> } }).error.fields[field]).toBeTruthy();
  });

  it('answers 12,000 unknown services with one short message for the field, quickly', async () => {
    const services = Array.from({ length: 12_000 }, (_, n) => `${String.fromCharCode(97 + (n % 26))}${n % 10}`); // 60 KB, under the 64 KB cap
    const started = performance.now();
    const res = await fetch(`${server.url}/api/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'create', initiative: { ...initiative, services }, submitter }),
    });
    const text = await res.text();
    const took = performance.now() - started;
    expect(res.status).toBe(400);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(16 * 1024);
    const fields = (JSON.parse(text) as { error: { fields: Record<string, string> } }).error.fields;
    expect(Object.keys(fields).filter((k) => k.startsWith('initiative.services'))).toEqual(['initiative.services']);
    // The allowed values are listed once, not 12,000 times.
    expect(fields['initiative.services']?.match(/Valeurs possibles/g)).toHaveLength(1);
    // Generous: the point is that it does not take seconds (it took 1.8 s before).
    expect(took).toBeLessThan(1500);
  });

  it('refuses names and summaries with direction overrides or zero-width characters', async () => {
    const res = await post({
      type: 'create',
      initiative: { ...initiative, name: 'Café\u202Eenilno', summary: `Gratuit\u200b ${initiative.summary}` },
      submitter,
    });
    expect(res.status).toBe(400);
    const fields = (res.body as { error: { fields: Record<string, string> } }).error.fields;
    expect(fields['initiative.name']).toMatch(/caractères invisibles/);
    expect(fields['initiative.summary']).toMatch(/caractères invisibles/);
    // An emoji built with a zero-width joiner is a picture, not a disguise.
    expect((await post({ type: 'create', initiative: { ...initiative, name: 'Atelier 👩🏽‍💻 numérique' }, submitter })).status).toBe(202);
  });

  it('refuses a body that is not JSON, and one over 64 KB', async () => {
    const bad = await post('{"type": ');
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { code: string } }).error.code).toBe('invalid_json');
    const huge = await post({ type: 'create', initiative: { ...initiative, description: 'x'.repeat(70_000) }, submitter });
    expect(huge.status).toBe(413);
    expect((huge.body as { error: { code: string } }).error.code).toBe('payload_too_large');
  });

  it('answers a robot that fills the honeypot as usual, and keeps nothing', async () => {
    const { status, body } = await post({ type: 'create', initiative, submitter, website: 'http://spam.example' });
    expect(status).toBe(202);
    const receipt = body as { id: string; trackingToken: string };
    expect((await getJson(`${server.url}/api/submissions/${receipt.id}?token=${receipt.trackingToken}`)).status).toBe(404);
  });

  it('limits submissions per connection with 429 in the error format', async () => {
    const own = await limitedServer(3);
    const send = (body: unknown) =>
      getJson(`${own.url}/api/submissions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    for (const i of [1, 2, 3]) expect((await send(report(i))).status, `submission ${i}`).toBe(202);
    const refused = await send(report(4));
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: { code: 'too_many_requests', message: expect.stringMatching(/Réessayez/) } });
    expect(refused.headers.get('ratelimit-policy')).toMatch(/q=3/);
  });
});

describe('the data directory lock', () => {
  it('lets one server use a data directory, and takes over a stale lock', () => {
    const dir = tempDir('passerelle-lock-');
    try {
      const release = lockDataDir(dir);
      expect(() => lockDataDir(dir)).not.toThrow(); // same process: our own pid is not "another server"
      fs.writeFileSync(path.join(dir, 'passerelle.lock'), '1'); // pid 1 is alive and not us
      expect(() => lockDataDir(dir)).toThrow(DataLockError);
      expect(() => lockDataDir(dir)).toThrow(/already used by another Passerelle server \(pid 1\)/);
      fs.writeFileSync(path.join(dir, 'passerelle.lock'), '999999999'); // a crashed server
      const again = lockDataDir(dir);
      again();
      release();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the plain form post (no JavaScript)', () => {
  it('maps form fields to a submission, fills coordinates from the postcode, and answers with a page', async () => {
    const form = new URLSearchParams({
      type: 'create',
      name: 'Atelier formulaire',
      kind: 'permanence',
      summary: 'Un atelier envoyé sans JavaScript.',
      organisation_name: 'Asbl Test',
      access_cost: 'gratuit',
      access_appointment: 'sans',
      address_street: 'Rue 1',
      address_postcode: '6001',
      address_locality: 'Marcinelle',
      address_commune: 'charleroi',
      hours: 'We 14:00-16:00',
      submitter_name: 'Awa',
      submitter_email: 'awa@example.be',
    });
    for (const [k, v] of [
      ['services', 'aide-demarches-administratives'],
      ['publics', 'tout-public'],
      ['languages', 'fr'],
      ['access_modes', 'se-presenter'],
    ] as const)
      form.append(k, v);
    const res = await fetch(`${server.url}/proposer/envoyer`, { method: 'POST', body: form });
    expect(res.status).toBe(202);
    const html = await res.text();
    const link = /href="(\/suivi\?id=(sub_[\w-]+)&amp;token=([\w-]+))"/.exec(html);
    expect(link).not.toBeNull();
    const id = link?.[2];
    const stored = JSON.parse(fs.readFileSync(path.join(server.dataDir, 'submissions.json'), 'utf8')).submissions.find((s: { id: string }) => s.id === id);
    expect(stored?.initiative.geo).toEqual({ lat: expect.any(Number), lng: expect.any(Number) });
    const bad = await fetch(`${server.url}/proposer/envoyer`, { method: 'POST', body: new URLSearchParams({ type: 'create', name: '<b>x</b>' }) });
    expect(bad.status).toBe(400);
    const page = await bad.text();
    expect(page).toMatch(/pas encore envoyée/);
    expect(page).toMatch(/submitter_email/);
    expect(page).not.toContain('<b>x</b>');
  });

  it('shares the rate limit of the JSON API, both ways', async () => {
    const own = await limitedServer(2);
    const json = (i: number) =>
      fetch(`${own.url}/api/submissions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(report(i)) });
    const plain = () => fetch(`${own.url}/proposer/envoyer`, { method: 'POST', body: new URLSearchParams({ type: 'create' }) });
    expect((await json(1)).status).toBe(202);
    expect((await plain()).status).toBe(400); // counted, though refused for its fields
    expect((await json(2)).status).toBe(429); // the form's post used the second place
    expect((await plain()).status).toBe(429);
  });
});
