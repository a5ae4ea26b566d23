// The search engine stops for 30 s while moderators approve 10 listings: approvals go on,
// /api/health shows them waiting for the search step, and once the engine is back (same
// address, no restart of Passerelle) all 10 are searchable within 10 s.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, type MeiliEndpoint, startMeili } from '../../../api/search/meili-server.ts';
import { sampleInitiative, sampleSubmitter } from '../../../scripts/lib/sample-submission.ts';
import { tempDir } from '../../helpers/content.ts';
import { loginModerator } from '../../helpers/moderator.ts';
import { type PublishingEnv, publishingEnv } from '../../helpers/publishing.ts';
import { getJson, startTestServer } from '../../helpers/server.ts';

const OUTAGE_MS = 30_000;
let env: PublishingEnv;
let meiliDir: string;
let port: number;
let meili: MeiliEndpoint;
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  env = publishingEnv();
  meiliDir = tempDir('passerelle-meili-');
  port = await freePort();
  meili = await startMeili({ dataDir: meiliDir, env: {}, port });
  server = await startTestServer(env.paths, { search: { host: meili.host, apiKey: meili.apiKey }, submissionsLimit: { limit: 100 } });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await meili?.stop();
  env?.cleanup();
  fs.rmSync(meiliDir, { recursive: true, force: true });
});

describe('a Meilisearch outage during approvals', () => {
  it('loses nothing: pending meanwhile, all searchable within 10 s of its return', async () => {
    const moderator = await loginModerator(server.url, server.dataDir);
    const names = Array.from({ length: 10 }, (_, n) => `Atelier pendant la panne ${String.fromCharCode(65 + n)}`);
    const ids: string[] = [];
    for (const name of names) {
      const res = await getJson(`${server.url}/api/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'create', initiative: { ...sampleInitiative, name }, submitter: sampleSubmitter }),
      });
      ids.push((res.body as { id: string }).id);
    }
    await meili.stop();
    const stoppedAt = Date.now();
    for (const id of ids) expect((await moderator.call('POST', `/api/moderation/submissions/${id}/approve`, {})).status).toBe(200);
    const health = async () => (await getJson(`${server.url}/api/health`)).body as { search: string; publishing: { pending: number; failing: number } };
    await expect.poll(async () => (await health()).publishing.failing, { timeout: 15_000 }).toBe(10);
    expect(await health()).toMatchObject({ search: 'unavailable', publishing: { pending: 10 } });
    const waiting = (await moderator.call('GET', '/api/moderation/publishing')).body as { listings: { steps: { label: string; lastError?: string }[] }[] };
    expect(waiting.listings.flatMap((l) => l.steps.map((s) => `${s.label} : ${s.lastError}`))).toContain('Recherche : le moteur de recherche ne répond pas');

    await new Promise((r) => setTimeout(r, Math.max(0, OUTAGE_MS - (Date.now() - stoppedAt))));
    meili = await startMeili({ dataDir: meiliDir, env: {}, port });
    const back = Date.now();
    const searchable = async () => {
      const found = await Promise.all(
        names.map(async (name) => ((await getJson(`${server.url}/api/search?q=${encodeURIComponent(name)}`)).body as { hits?: { name: string }[] }).hits ?? []),
      );
      return found.filter((hits, n) => hits.some((h) => h.name === names[n])).length;
    };
    await expect.poll(searchable, { timeout: 10_000, interval: 250 }).toBe(10);
    const tookMs = Date.now() - back;
    expect(tookMs).toBeLessThanOrEqual(10_000);
    await expect.poll(async () => (await health()).publishing.pending, { timeout: 5000 }).toBe(0);
  }, 120_000);
});
