// Decisions at the same time: twenty approvals of one submission (a double click, two tabs,
// two moderators) publish it once; twenty proposals with the same name approved at once
// get twenty identifiers and twenty files, none overwritten.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sampleInitiative, sampleSubmitter } from '../../../scripts/lib/sample-submission.ts';
import { loginModerator, type ModeratorClient } from '../../helpers/moderator.ts';
import { fileOf, type PublishingEnv, pageOf, publishingEnv } from '../../helpers/publishing.ts';
import { getJson, startTestServer } from '../../helpers/server.ts';

let env: PublishingEnv;
let server: Awaited<ReturnType<typeof startTestServer>>;
let moderator: ModeratorClient;

async function submit(name: string, summary = sampleInitiative.summary): Promise<string> {
  const res = await getJson(`${server.url}/api/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'create', initiative: { ...sampleInitiative, name, summary }, submitter: sampleSubmitter }),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return (res.body as { id: string }).id;
}

beforeAll(async () => {
  env = publishingEnv();
  server = await startTestServer(env.paths, { submissionsLimit: { limit: 1000 } });
  moderator = await loginModerator(server.url, server.dataDir);
});

afterAll(async () => {
  await server?.close();
  env?.cleanup();
});

describe('concurrent decisions', () => {
  it('20 approvals of one submission at once: one file, one page, one commit, nineteen 409', async () => {
    const id = await submit('Café numérique du mercredi');
    const before = env.commits();
    const answers = await Promise.all(Array.from({ length: 20 }, () => moderator.call('POST', `/api/moderation/submissions/${id}/approve`, {})));
    await server.publishing.pipeline.drained();
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, ...Array<number>(19).fill(409)]);
    for (const a of answers.filter((x) => x.status === 409)) {
      expect(a.body).toMatchObject({ error: { code: 'already_decided', state: { status: 'approved', initiative: 'cafe-numerique-du-mercredi' } } });
    }
    const files = fs.readdirSync(env.paths.initiatives).filter((f) => f.startsWith('cafe-numerique-du-mercredi'));
    expect(files).toEqual(['cafe-numerique-du-mercredi.yml']);
    expect(fs.existsSync(pageOf(env, 'cafe-numerique-du-mercredi'))).toBe(true);
    expect(fs.existsSync(pageOf(env, 'cafe-numerique-du-mercredi-2'))).toBe(false);
    expect(env.commits()).toBe(before + 1);
  });

  it('20 proposals with the same name approved at once: 20 files with distinct ids, none overwritten', async () => {
    const ids = await Promise.all(Array.from({ length: 20 }, (_, n) => submit('Atelier tablette', `Atelier numéro ${n + 1} : apprendre la tablette.`)));
    const answers = await Promise.all(ids.map((id) => moderator.call('POST', `/api/moderation/submissions/${id}/approve`, {})));
    expect(answers.map((a) => a.status)).toEqual(Array<number>(20).fill(200));
    await server.publishing.pipeline.drained();
    const published = answers.map((a) => (a.body as { result: { initiative: string } }).result.initiative);
    expect(new Set(published).size).toBe(20);
    // Each file holds its own submission's text, byte for byte.
    published.forEach((slug, n) => {
      const data = parse(fs.readFileSync(fileOf(env, slug), 'utf8'));
      expect(data.summary).toBe(`Atelier numéro ${n + 1} : apprendre la tablette.`);
      expect(data.source.submission).toBe(ids[n]);
      expect(fs.existsSync(pageOf(env, slug))).toBe(true);
    });
  });

  it('takes over an identifier marker that a crash left behind (even empty), instead of publishing as x-2', async () => {
    // An approval killed between creating its marker and recording its decision leaves this.
    fs.writeFileSync(path.join(server.dataDir, 'publishing', 'slugs', 'atelier-apres-coupure'), '', { mode: 0o600 });
    const id = await submit('Atelier après coupure');
    const approved = await moderator.call('POST', `/api/moderation/submissions/${id}/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ result: { initiative: 'atelier-apres-coupure' } });
    await server.publishing.pipeline.drained();
    expect(fs.existsSync(fileOf(env, 'atelier-apres-coupure'))).toBe(true);
  });
});
