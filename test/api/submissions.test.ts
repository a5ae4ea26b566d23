// Public submissions on a real server: accepted with a tracking token (stored only as a
// hash), validated by the content model's schema with field errors, unknown fields,
// oversized bodies, the honeypot and the rate limit; the tracking page shows status but
// never the submitter's e-mail. Also the data directory lock.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { RunningServer } from '../../api/index.ts';
import { DataLockError, lockDataDir, processStart } from '../../api/storage/data-lock.ts';
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

describe('hours in French, the commune from the postcode, corrections as changes', () => {
  it('accepts hours written in French (hoursText) and refuses what it cannot understand, saying what to write', async () => {
    const { hours: _h, ...noHours } = initiative;
    const ok = await post({ type: 'create', initiative: { ...noHours, hoursText: 'du lundi au vendredi de 9h à 12h et de 13h30 à 16h' }, submitter });
    expect(ok.status, JSON.stringify(ok.body)).toBe(202);
    const stored = JSON.parse(fs.readFileSync(path.join(server.dataDir, 'submissions.json'), 'utf8')).submissions.find(
      (s: { id: string }) => s.id === (ok.body as { id: string }).id,
    );
    expect(stored.initiative.hours).toBe('Mo-Fr 09:00-12:00,13:30-16:00; PH off');
    const bad = await post({ type: 'create', initiative: { ...noHours, hoursText: 'le jeudi après-midi' }, submitter });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { fields: Record<string, string> } }).error.fields['initiative.hoursText']).toMatch(
      /^Horaires : .*« après-midi » ne dit pas les heures exactes.*« le jeudi de 13 h 30 à 16 h »/,
    );
    const both = await post({ type: 'create', initiative: { ...initiative, hoursText: 'mardi 9h-12h' }, submitter });
    expect((both.body as { error: { fields: Record<string, string> } }).error.fields['initiative.hoursText']).toMatch(/soit hours.*soit hoursText/);
  });

  it('allows unknown hours when people can call or write, and says so otherwise', async () => {
    const { hours: _h, ...noHours } = initiative;
    expect((await post({ type: 'create', initiative: { ...noHours, contact: { phone: '071 12 34 56' } }, submitter })).status).toBe(202);
    const refused = await post({ type: 'create', initiative: noHours, submitter });
    expect((refused.body as { error: { fields: Record<string, string> } }).error.fields['initiative.hours']).toMatch(/téléphone ou d’un e-mail/);
  });

  it('takes the commune and locality from the postcode, and a French error for a postcode that is not of the territory', async () => {
    const { address, ...rest } = initiative;
    const res = await post({ type: 'create', initiative: { ...rest, address: { street: address.street, postcode: '6200' } }, submitter });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const stored = JSON.parse(fs.readFileSync(path.join(server.dataDir, 'submissions.json'), 'utf8')).submissions.find(
      (s: { id: string }) => s.id === (res.body as { id: string }).id,
    );
    expect(stored.initiative.address).toEqual({ street: address.street, postcode: '6200', locality: 'Châtelet', commune: 'chatelet' });
    const unknown = await post({ type: 'create', initiative: { ...rest, address: { street: address.street, postcode: '9999' } }, submitter });
    expect((unknown.body as { error: { fields: Record<string, string> } }).error.fields['initiative.address.postcode']).toMatch(
      /^Code postal : 9999 n'est pas le code postal d'une commune de l'annuaire/,
    );
    expect(JSON.stringify(unknown.body)).not.toMatch(/slug/);
  });

  it('asks for the commune only when the postcode covers several', async () => {
    const own = tempContent();
    const communes = path.join(own.paths.territory, 'communes.yml');
    // A postcode shared by two communes (as happens at some borders).
    fs.writeFileSync(
      communes,
      fs
        .readFileSync(communes, 'utf8')
        .replace(
          '      - { postcode: "6200", name: Châtelet, lat: 50.4050, lng: 4.5260, approximate: true }',
          '      - { postcode: "6200", name: Châtelet, lat: 50.4050, lng: 4.5260, approximate: true }\n      - { postcode: "6001", name: Bord, lat: 50.3950, lng: 4.4500, approximate: true }',
        ),
    );
    const shared = await startTestServer(own.paths);
    onTestFinished(async () => {
      await shared.close();
      own.cleanup();
    });
    const { address, ...rest } = initiative;
    const send = (extra: object) =>
      getJson(`${shared.url}/api/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'create',
          initiative: { ...rest, address: { street: address.street, postcode: '6001', locality: 'Marcinelle', ...extra } },
          submitter,
        }),
      });
    const asked = await send({});
    expect(asked.status).toBe(400);
    expect((asked.body as { error: { fields: Record<string, string> } }).error.fields['initiative.address.commune']).toBe(
      'Commune : le code postal 6001 couvre Charleroi et Châtelet. Choisissez la commune.',
    );
    expect((await send({ commune: 'charleroi' })).status).toBe(202);
  });

  it('stores a correction as what it changes: the phone only, the point kept', async () => {
    const res = await post({ type: 'update', targetId: 'permanence-marcinelle', initiative: { contact: { phone: '071 86 00 00' } }, submitter });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const stored = JSON.parse(fs.readFileSync(path.join(server.dataDir, 'submissions.json'), 'utf8')).submissions.find(
      (s: { id: string }) => s.id === (res.body as { id: string }).id,
    );
    expect(stored.patch).toEqual({ contact: { phone: '071 86 00 00' } });
    expect(stored.initiative.geo).toEqual({ lat: 50.3889, lng: 4.4335 });
    expect(stored.initiative.languages).toEqual(['fr', 'ar']);
    expect(stored.geoToConfirm).toBeUndefined();
    const moved = await post({ type: 'update', targetId: 'permanence-marcinelle', initiative: { address: { street: 'Rue de la Station 12' } }, submitter });
    const movedStored = JSON.parse(fs.readFileSync(path.join(server.dataDir, 'submissions.json'), 'utf8')).submissions.find(
      (s: { id: string }) => s.id === (moved.body as { id: string }).id,
    );
    expect(movedStored.geoToConfirm).toBe(true);
  });
});

describe('GET /api/hours/parse', () => {
  it('gives the OSM value, the French reading and the structure, or a French message', async () => {
    const ok = await getJson(`${server.url}/api/hours/parse?text=${encodeURIComponent('mardi 9h-12h, fermé en juillet')}`);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      hours: 'Tu 09:00-12:00; Jul off; PH off',
      reading: expect.stringMatching(/^Le mardi de 9\u00a0h à 12\u00a0h\. Fermé les jours fériés\. Fermé en juillet\.$/),
      structure: { rules: [{ days: [1], ranges: [{ from: '09:00', to: '12:00' }] }], holidaysClosed: true, closures: [{ months: [7, 7] }] },
    });
    const refused = await getJson(`${server.url}/api/hours/parse?text=${encodeURIComponent('9h30-11h')}`);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: { code: 'hours_not_understood', message: expect.stringMatching(/dites quel jour/) } });
    expect((await getJson(`${server.url}/api/hours/parse`)).status).toBe(400);
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

  it.skipIf(processStart(1) === undefined)('takes over the lock of a crashed server whose pid another program now has', () => {
    const dir = tempDir('passerelle-lock-');
    try {
      const lock = path.join(dir, 'passerelle.lock');
      const release = lockDataDir(dir);
      expect(fs.readFileSync(lock, 'utf8')).toBe(`${process.pid} ${processStart(process.pid)}`);
      release();
      // pid 1 runs, but it started at another time than the server that wrote this lock.
      fs.writeFileSync(lock, `1 ${Number(processStart(1)) + 1}`);
      lockDataDir(dir)();
      // The same pid and start time: that server still runs.
      fs.writeFileSync(lock, `1 ${processStart(1)}`);
      expect(() => lockDataDir(dir)).toThrow(/already used by another Passerelle server \(pid 1\)/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the plain form post (no JavaScript)', () => {
  function validForm(): URLSearchParams {
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
      hours_we: '14h-16h',
      hours_holidays: 'on',
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
    return form;
  }

  it('maps form fields to a submission (commune, locality and point from the postcode, hours in French) and sends to the tracking page', async () => {
    const res = await fetch(`${server.url}/proposer/envoyer`, { method: 'POST', body: validForm(), redirect: 'manual' });
    expect(res.status).toBe(303);
    const location = res.headers.get('location') ?? '';
    expect(location).toMatch(/^\/suivi\?id=sub_[\w-]+&token=[\w-]+&envoyee=1$/);
    const id = /id=(sub_[\w-]+)/.exec(location)?.[1];
    const stored = JSON.parse(fs.readFileSync(path.join(server.dataDir, 'submissions.json'), 'utf8')).submissions.find((s: { id: string }) => s.id === id);
    expect(stored?.initiative).toMatchObject({
      hours: 'We 14:00-16:00; PH off',
      address: { postcode: '6001', locality: 'Marcinelle', commune: 'charleroi' },
      geo: { lat: expect.any(Number), lng: expect.any(Number) },
    });
    expect(stored?.geoApproximate).toBe(true);
    const page = await (await fetch(`${server.url}${location}`)).text();
    expect(page).toMatch(/Merci, votre proposition est envoyée/);
    expect(page).toMatch(/Votre lien de suivi/);
    expect(page).toContain('Atelier formulaire');
  });

  it('answers a form to fix with the form again: values kept, each field named in French, every link reaching its field', async () => {
    const form = validForm();
    form.set('name', '<b>x</b>');
    form.delete('languages');
    form.set('contact_website', 'pas une adresse');
    form.set('hours_tu', 'le matin');
    form.delete('submitter_email');
    const bad = await fetch(`${server.url}/proposer/envoyer`, { method: 'POST', body: form });
    expect(bad.status).toBe(400);
    const page = await bad.text();
    expect(page).toMatch(/Certains champs sont à corriger/);
    expect(page).toContain('value="&lt;b&gt;x&lt;/b&gt;"');
    expect(page).not.toContain('<b>x</b>');
    const summary = page.slice(page.indexOf('formulaire__bilan'), page.indexOf('</ul>', page.indexOf('formulaire__bilan')));
    // Named by their labels, never by their codes.
    expect(summary).toMatch(/Langues parlées : choisissez au moins une langue/);
    expect(summary).toMatch(/Page web de l&#x27;initiative|Page web de l'initiative/);
    expect(summary).toMatch(/Horaires : /);
    expect(summary).toMatch(/Votre e-mail est obligatoire/);
    expect(summary.replace(/<[^>]*>/g, ' ')).not.toMatch(/contact_website|languages|submitter_email/);
    for (const [, anchor] of summary.matchAll(/href="#([\w-]+)"/g)) expect(page, anchor).toContain(`id="${anchor}"`);
  });

  it('opens a correction pre-filled with the listing, found by its identifier, its page address or its name', async () => {
    for (const id of ['permanence-marcinelle', 'https://passerelle.example/annuaire/permanence-marcinelle', 'Permanence « aide numérique » de Marcinelle']) {
      const res = await fetch(`${server.url}/proposer?type=update&id=${encodeURIComponent(id)}`);
      expect(res.status, id).toBe(200);
      const page = await res.text();
      expect(page).toContain('value="Avenue Eugène Mascaux 100"');
      expect(page).toContain('name="targetId" value="permanence-marcinelle"');
      expect(page).toContain('value="de 9 h à 12 h"');
    }
    const missing = await fetch(`${server.url}/proposer?type=update&id=nulle-part`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toMatch(/aucune fiche publiée ne correspond à « nulle-part »/);
  });

  it('answers a rate-limited form post with a French page that says how long to wait', async () => {
    const own = await limitedServer(1);
    expect((await fetch(`${own.url}/proposer/envoyer`, { method: 'POST', body: new URLSearchParams({ type: 'create' }) })).status).toBe(400);
    const refused = await fetch(`${own.url}/proposer/envoyer`, { method: 'POST', body: new URLSearchParams({ type: 'create' }) });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/text\/html/);
    const page = await refused.text();
    expect(page).toMatch(/Réessayez dans (une minute|\d+ minutes)/);
    expect(page).not.toMatch(/too_many_requests|\{"error"/);
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
