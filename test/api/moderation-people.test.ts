// Moderation for people, on a real server with content/ in a git repository: a correction
// is merged field by field (nothing dropped, the point kept unless the address moves, then
// confirmed); a report is corrected, archived or answered, and its author is never told
// « Refusée »; a resubmission is marked and announced to plugins (onSubmissionCorrected);
// the queue is searched, filtered and sorted, with duplicate hints; the decision log speaks
// French; a new proposal's job carries the tracking link for the receipt only.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { statusForSubmitter } from '../../core/statuses.ts';
import type { AuditView, ModerationView } from '../../core/wire/moderation.ts';
import type { PublicStatus } from '../../core/wire/submissions.ts';
import { definePlugin, type SubmissionCorrectedEvent, type SubmissionCreatedEvent } from '../../plugins/api/index.ts';
import { sampleInitiative, sampleSubmitter } from '../../scripts/lib/sample-submission.ts';
import { loginModerator, type ModeratorClient } from '../helpers/moderator.ts';
import { fileOf, type PublishingEnv, publishingEnv } from '../helpers/publishing.ts';
import { getJson, startTestServer } from '../helpers/server.ts';

let env: PublishingEnv;
let server: Awaited<ReturnType<typeof startTestServer>>;
let moderator: ModeratorClient;
const created: SubmissionCreatedEvent[] = [];
const corrected: SubmissionCorrectedEvent[] = [];

const listening = definePlugin({ name: 'ecoute' }, () => ({
  name: 'ecoute',
  onSubmissionCreated: (event) => void created.push(event),
  onSubmissionCorrected: (event) => void corrected.push(event),
}));

beforeAll(async () => {
  env = publishingEnv();
  server = await startTestServer(env.paths, { config: { plugins: [listening] }, submissionsLimit: { limit: 1000, windowMs: 60_000 } });
  moderator = await loginModerator(server.url, server.dataDir);
});

afterAll(async () => {
  await server?.close();
  env?.cleanup();
});

async function submit(body: object): Promise<{ id: string; trackingToken: string }> {
  const res = await getJson(`${server.url}/api/submissions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return res.body as { id: string; trackingToken: string };
}

const tracking = async (id: string, token: string) => (await getJson(`${server.url}/api/submissions/${id}?token=${token}`)).body as PublicStatus;
const published = () => server.publishing.pipeline.drained();

describe('a correction merged field by field', () => {
  it('changes the phone only: every other line of the file stays, the support and the point included', async () => {
    const id = 'permanence-marcinelle';
    const file = fileOf(env, id);
    const before = fs.readFileSync(file, 'utf8').replace('languages: [ fr, ar ]', 'support: [ illettrisme ]\nlanguages: [ fr, ar ]');
    fs.writeFileSync(file, before);
    // The server's catalogue learns it as the pipeline would (a file changed by the team).
    server.publishing.catalogue.set({ ...server.publishing.catalogue.get(id)!, support: ['illettrisme'] });
    const { id: sub } = await submit({ type: 'update', targetId: id, initiative: { contact: { phone: '071 86 00 00' } }, submitter: sampleSubmitter });
    const detail = (await moderator.call('GET', `/api/moderation/submissions/${sub}`)).body as ModerationView;
    expect(detail.changes).toEqual([{ field: 'contact.phone', label: 'Téléphone', before: null, after: '071 86 00 00' }]);
    expect((await moderator.call('POST', `/api/moderation/submissions/${sub}/approve`, {})).status).toBe(200);
    await published();
    const after = fs.readFileSync(file, 'utf8');
    const without = (text: string) => text.replace(/^(contact:\n( {2}.*\n)*|source:\n( {2}.*\n)*|updated: .*\n)/gm, '');
    expect(without(after)).toBe(without(before));
    expect(parse(after)).toMatchObject({ contact: { phone: '071 86 00 00' }, support: ['illettrisme'], geo: { lat: 50.3889, lng: 4.4335 } });
  });

  it('asks the moderator to confirm the point when the address moves, and keeps it when confirmed', async () => {
    const id = 'permanence-marcinelle';
    const { id: sub } = await submit({
      type: 'update',
      targetId: id,
      initiative: { address: { street: 'Rue de la Providence 10' } },
      submitter: sampleSubmitter,
    });
    const refused = await moderator.call('POST', `/api/moderation/submissions/${sub}/approve`, {});
    expect(refused.status).toBe(400);
    expect((refused.body as { error: { fields: Record<string, string> } }).error.fields['edits.geo']).toMatch(
      /^L'adresse change : placez le point sur la carte/,
    );
    const moved = await moderator.call('POST', `/api/moderation/submissions/${sub}/approve`, { edits: { geo: { lat: 50.3901, lng: 4.4402 } } });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    await published();
    expect(parse(fs.readFileSync(fileOf(env, id), 'utf8'))).toMatchObject({
      address: { street: 'Rue de la Providence 10' },
      geo: { lat: 50.3901, lng: 4.4402 },
    });
    const audit = (await moderator.call('GET', '/api/moderation/audit')).body as { entries: AuditView[] };
    expect(audit.entries.find((e) => e.submission === sub)).toMatchObject({
      label: 'Correction publiée (modifiée par le modérateur)',
      name: 'Permanence « aide numérique » de Marcinelle',
      url: '/annuaire/permanence-marcinelle',
    });
  });
});

describe('reports lead to corrections', () => {
  it('corrects the listing from a report: the reporter reads « Traité : la fiche a été corrigée »', async () => {
    const report = await submit({
      type: 'report',
      targetId: 'permanence-marcinelle',
      message: 'Le numéro a changé : 071 20 20 20.',
      submitter: sampleSubmitter,
    });
    const nothing = await moderator.call('POST', `/api/moderation/submissions/${report.id}/approve`, { action: 'correct', edits: {} });
    expect(nothing.status).toBe(400);
    const done = await moderator.call('POST', `/api/moderation/submissions/${report.id}/approve`, {
      action: 'correct',
      edits: { contact: { phone: '071 20 20 20' } },
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    await published();
    const seen = await tracking(report.id, report.trackingToken);
    expect(seen).toMatchObject({ status: 'approved', outcome: 'corrected', published: 'permanence-marcinelle' });
    expect(statusForSubmitter(seen)).toBe('Traité : la fiche a été corrigée. Merci !');
    expect(parse(fs.readFileSync(fileOf(env, 'permanence-marcinelle'), 'utf8'))).toMatchObject({ status: 'active', contact: { phone: '071 20 20 20' } });
  });

  it('answers a report without changing the listing: « Traité », with the answer, never « Refusée »', async () => {
    const report = await submit({ type: 'report', targetId: 'permanence-marcinelle', message: 'Fermé le mardi ?', submitter: sampleSubmitter });
    expect(
      (await moderator.call('POST', `/api/moderation/submissions/${report.id}/reject`, { reason: 'Nous avons appelé : elle a bien lieu le mardi.' })).status,
    ).toBe(200);
    await published();
    const seen = await tracking(report.id, report.trackingToken);
    expect(seen).toMatchObject({ outcome: 'answered', reason: 'Nous avons appelé : elle a bien lieu le mardi.' });
    expect(statusForSubmitter(seen)).toMatch(/^Traité : /);
    const page = await (await fetch(`${server.url}/suivi?id=${report.id}&token=${report.trackingToken}`)).text();
    expect(page).toContain('Traité : l’équipe a vérifié et vous répond ci-dessous.');
    expect(page).not.toMatch(/Refusée/);
  });
});

describe('resubmissions', () => {
  it('are marked, announced to plugins with the association’s words, and found with the filter', async () => {
    const { id, trackingToken } = await submit({ type: 'create', initiative: { ...sampleInitiative, name: 'Atelier à revoir' }, submitter: sampleSubmitter });
    await moderator.call('POST', `/api/moderation/submissions/${id}/request-changes`, { message: 'Ajoutez un téléphone.' });
    const res = await getJson(`${server.url}/api/submissions/${id}/resubmit?token=${trackingToken}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'Voilà.', initiative: { ...sampleInitiative, name: 'Atelier à revoir', contact: { phone: '071 11 22 33' } } }),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await published();
    expect(corrected.map((e) => [e.submission.id, e.message, e.trackingPath])).toEqual([[id, 'Voilà.', `/suivi?id=${id}`]]);
    const queue = (await moderator.call('GET', '/api/moderation/submissions?status=pending&resubmitted=true')).body as { submissions: ModerationView[] };
    expect(queue.submissions.map((s) => s.id)).toEqual([id]);
    expect(queue.submissions[0]?.resubmittedAt).toEqual(expect.any(String));
  });
});

describe('the queue', () => {
  it('is searched, filtered and sorted, and hints at duplicates with the importer’s rules', async () => {
    const a = await submit({ type: 'create', initiative: { ...sampleInitiative, name: 'Café numérique de la gare' }, submitter: sampleSubmitter });
    const b = await submit({ type: 'create', initiative: { ...sampleInitiative, name: 'Cafe numerique de la Gare' }, submitter: sampleSubmitter });
    const list = async (query: string) =>
      ((await moderator.call('GET', `/api/moderation/submissions?${query}`)).body as { submissions: ModerationView[] }).submissions.map((s) => s.id);
    expect(await list('status=pending&q=cafe%20gare')).toEqual([a.id, b.id]);
    expect(await list('status=pending&q=cafe%20gare&sort=newest')).toEqual([b.id, a.id]);
    expect(await list('status=pending&q=gare&type=report')).toEqual([]);
    expect(await list('status=pending&q=gare&commune=chatelet')).toEqual([]);
    expect(await list('status=pending&q=gare&commune=charleroi&kind=permanence&age=today')).toEqual([a.id, b.id]);
    const view = ((await moderator.call('GET', '/api/moderation/submissions?status=pending&q=gare')).body as { submissions: ModerationView[] }).submissions;
    expect(view[1]?.duplicate).toMatchObject({ name: 'Café numérique de la gare', why: 'même nom et même adresse', submission: a.id });
    const bad = await moderator.call('GET', '/api/moderation/submissions?sort=hasard');
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { fields: Record<string, string> } }).error.fields.sort).toMatch(/Valeurs possibles : oldest, newest, name, commune/);
  });
});

describe('the receipt', () => {
  it('gives plugins the tracking link with its key for a new proposal only, and never in the log of finished jobs', async () => {
    const { id, trackingToken } = await submit({ type: 'create', initiative: { ...sampleInitiative, name: 'Atelier du reçu' }, submitter: sampleSubmitter });
    await published();
    const event = created.find((e) => e.submission.id === id);
    expect(event).toMatchObject({ trackingPath: `/suivi?id=${id}`, submitterTrackingPath: `/suivi?id=${id}&token=${trackingToken}` });
    const history = fs
      .readdirSync(`${server.dataDir}/publishing`)
      .flatMap((f) => (f.endsWith('.jsonl') ? [fs.readFileSync(`${server.dataDir}/publishing/${f}`, 'utf8')] : []));
    expect(history.join('')).not.toContain(trackingToken);
  });
});
