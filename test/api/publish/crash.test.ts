// Killed half-way: the server (its own process) is killed right after each step of the
// publish pipeline (failpoints), then at random moments of a burst of approvals; after a
// restart, without anyone doing anything, every approved listing has its file, page,
// commit and search entry, and every notification was sent exactly once (real SMTP).
// A kill at a random instant can fall between the SMTP server's « accepted » and our
// record of it — no protocol can tell then whether the mail left — so a mail may go out
// again, always with the same Message-ID (receivers drop a repeat): for random kills the
// test counts notifications by Message-ID, and says how many repeats it saw.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleInitiative, sampleSubmitter } from '../../../scripts/lib/sample-submission.ts';
import { loginModerator } from '../../helpers/moderator.ts';
import { fileOf, type PublishingEnv, pageOf, publishingEnv } from '../../helpers/publishing.ts';
import { startMeiliForTest } from '../../helpers/search-stack.ts';
import { getJson } from '../../helpers/server.ts';
import { type ServerProcess, spawnServer } from '../../helpers/server-process.ts';
import { startSmtp, type TestSmtp } from '../../plugins/builtin/notifications/helpers.ts';

const STEPS = ['job', 'after:write-file', 'after:record', 'after:render', 'after:commit', 'after:search', 'after:hook:notifications'];
const RANDOM_KILLS = 30;

let env: PublishingEnv;
let smtp: TestSmtp;
let meili: Awaited<ReturnType<typeof startMeiliForTest>>;
let common: Record<string, string>;
const submitted = new Map<string, string>(); // listing name → submission id
let running: ServerProcess | undefined;

async function start(failpoints?: string): Promise<ServerProcess> {
  running = await spawnServer(env.paths, { ...common, ...(failpoints ? { PASSERELLE_FAILPOINTS: failpoints } : {}) });
  return running;
}

async function submit(url: string, name: string): Promise<void> {
  const res = await getJson(`${url}/api/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'create', initiative: { ...sampleInitiative, name, summary: `Le lieu « ${name} ».` }, submitter: sampleSubmitter }),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  submitted.set(name, (res.body as { id: string }).id);
}

/** Until the pipeline has nothing left to do (what is left is shown when it never ends). */
async function settled(url: string): Promise<void> {
  const pending = async () => ((await getJson(`${url}/api/health`)).body as { publishing: { pending: number } }).publishing.pending;
  for (const until = Date.now() + 60_000; Date.now() < until; await new Promise((r) => setTimeout(r, 200))) if ((await pending()) === 0) return;
  const jobs = path.join(env.paths.data, 'publishing', 'jobs');
  const left = fs.readdirSync(jobs).map((f) => fs.readFileSync(path.join(jobs, f), 'utf8'));
  throw new Error(`the pipeline did not finish within 60 s; jobs left:\n${left.join('\n')}\n${running?.output() ?? ''}`);
}

const slugOf = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const messageId = (raw: string) => /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(raw)?.[1] ?? '(none)';

/** Mails about a listing to an address: each distinct notification (by Message-ID) and the raw count. */
function mailsAbout(name: string, to: string): { notifications: number; copies: number } {
  const mails = smtp.mails.filter((m) => m.to.includes(to) && m.subject.includes(`« ${name} »`));
  return { notifications: new Set(mails.map((m) => messageId(m.raw))).size, copies: mails.length };
}

/** Everything an approved listing must have once the pipeline is done. `strict`: no mail sent twice, even by id. Returns the repeats. */
async function expectPublished(url: string, names: string[], strict = true): Promise<number> {
  let repeats = 0;
  const log = env.git('log', '--format=%s');
  for (const name of names) {
    const id = slugOf(name);
    expect(fs.existsSync(fileOf(env, id)), `file of ${name}`).toBe(true);
    expect(fs.existsSync(pageOf(env, id)), `page of ${name}`).toBe(true);
    expect(log, `commit of ${name}`).toContain(`${submitted.get(name)}: ${id}`);
    const found = (await getJson(`${url}/api/search?q=${encodeURIComponent(name)}&limit=50`)).body as { hits: { id: string }[] };
    expect(
      found.hits.map((h) => h.id),
      `search entry of ${name}`,
    ).toContain(id);
    // The receipt (with the tracking link) and the approval.
    const toSubmitter = mailsAbout(name, sampleSubmitter.email);
    expect(toSubmitter.notifications, `notifications to the submitter about ${name}`).toBe(2);
    if (strict) expect(toSubmitter.copies, `mails to the submitter about ${name}`).toBe(2);
    repeats += toSubmitter.copies - 2;
  }
  // No listing twice (x-2.yml) and one mail to the moderators per proposal.
  expect(fs.readdirSync(env.paths.initiatives).filter((f) => /-2\.yml$/.test(f))).toEqual([]);
  for (const name of names) {
    const toModerators = mailsAbout(name, 'moderation@charleroi.be');
    expect(toModerators.notifications, `notifications to moderators about ${name}`).toBe(1);
    if (strict) expect(toModerators.copies, `mails to moderators about ${name}`).toBe(1);
    repeats += toModerators.copies - 1;
  }
  return repeats;
}

beforeAll(async () => {
  env = publishingEnv();
  smtp = await startSmtp();
  meili = await startMeiliForTest();
  common = { SMTP_URL: smtp.url, MODERATOR_EMAILS: 'moderation@charleroi.be', MEILI_HOST: meili.meili.host, MEILI_MASTER_KEY: meili.meili.apiKey };
}, 120_000);

afterAll(async () => {
  await running?.kill('SIGKILL');
  await smtp?.close();
  await meili?.cleanup();
  env?.cleanup();
});

describe('a crash after each step of the pipeline', () => {
  it('is finished by the next start, each notification sent once', async () => {
    const names = STEPS.map((point) => `Lieu arrêté ${point.replace(/[^a-z]+/g, ' ').trim()}`);
    const first = await start();
    for (const name of names) await submit(first.url, name);
    await settled(first.url);
    await first.kill();

    for (const [n, point] of STEPS.entries()) {
      const name = names[n] ?? '';
      const server = await start(point);
      const moderator = await loginModerator(server.url, env.paths.data);
      // The process dies at the failpoint: the answer may never come.
      await moderator.call('POST', `/api/moderation/submissions/${submitted.get(name)}/approve`, {}).catch(() => undefined);
      expect(await server.exited, `killed at ${point}`).toBe('SIGKILL');
      // Restarted without failpoints, nobody doing anything: the approval is completed.
      const next = await start();
      await settled(next.url);
      await expectPublished(next.url, [name]);
      await next.kill();
    }
    const last = await start();
    await expectPublished(last.url, names);
    await last.kill();
  }, 300_000);
});

describe('30 kills at random moments of a burst of approvals', () => {
  it('loses nothing and repeats nothing', async () => {
    // Letters, not numbers: a name ending in « 2 » would look like a listing made twice (x-2.yml).
    const names = Array.from({ length: 24 }, (_, n) => `Permanence rafale ${String.fromCharCode(65 + n)}`);
    // Two servers share the proposals: one connection may send 20 every 10 minutes.
    for (const half of [names.slice(0, 12), names.slice(12)]) {
      const server = await start();
      for (const name of half) await submit(server.url, name);
      await settled(server.url);
      await server.kill();
    }

    const pending = [...names];
    for (let kill = 0; kill < RANDOM_KILLS; kill++) {
      const server = await start();
      const moderator = await loginModerator(server.url, env.paths.data);
      const burst = pending
        .splice(0, 2)
        .map((name) => moderator.call('POST', `/api/moderation/submissions/${submitted.get(name)}/approve`, {}).catch(() => undefined));
      await new Promise((r) => setTimeout(r, Math.random() * 250));
      await server.kill('SIGKILL');
      await Promise.all(burst);
    }
    const last = await start();
    const moderator = await loginModerator(last.url, env.paths.data);
    // Whatever the kills left undecided is approved now; an approval already made answers 409.
    for (const name of names) {
      const res = await moderator.call('POST', `/api/moderation/submissions/${submitted.get(name)}/approve`, {});
      expect([200, 409]).toContain(res.status);
    }
    await settled(last.url);
    const repeats = await expectPublished(last.url, names, false);
    console.info(`30 random kills: ${repeats} mail(s) sent again with the same Message-ID (a kill between « accepted » and our record).`);
    await last.kill();
  }, 600_000);
});
