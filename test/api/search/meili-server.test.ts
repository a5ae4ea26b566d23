// The Meilisearch lifecycle: the bundled binary starts on 127.0.0.1 with a master key made
// once and kept, refuses requests without it, stops cleanly; an external server is used
// as is; a half-configured external server gets a clear message.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MeiliStartError, startMeili } from '../../../api/search/meili-server.ts';
import { tempDir } from '../../helpers/content.ts';

const dataDir = tempDir('passerelle-meili-life-');
/** Every server a test starts, stopped at the end even when an assertion failed half-way (no orphan left running). */
const started: { stop(): Promise<void> }[] = [];
const start = async (opts: Parameters<typeof startMeili>[0]) => {
  const meili = await startMeili(opts);
  started.push(meili);
  return meili;
};
afterAll(async () => {
  await Promise.allSettled(started.map((m) => m.stop()));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('bundled Meilisearch', () => {
  it('starts, keeps its master key across restarts, and stops cleanly', async () => {
    const first = await start({ dataDir, env: {} });
    expect(first.external).toBe(false);
    expect(first.host).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const keyFile = path.join(dataDir, 'meili-master-key');
    expect(fs.readFileSync(keyFile, 'utf8').trim()).toBe(first.apiKey);
    expect(fs.statSync(keyFile).mode & 0o077).toBe(0);
    expect((await fetch(`${first.host}/indexes`)).status).toBe(401);
    expect((await fetch(`${first.host}/indexes`, { headers: { authorization: `Bearer ${first.apiKey}` } })).status).toBe(200);

    // A second start on the same data directory reuses the running server.
    const again = await startMeili({ dataDir, env: {} });
    expect(again.host).toBe(first.host);
    expect(again.external).toBe(true);

    await first.stop();
    await expect(fetch(`${first.host}/health`)).rejects.toThrow();
    expect(fs.existsSync(path.join(dataDir, 'meili-running.json'))).toBe(false);

    const second = await start({ dataDir, env: {} });
    expect(second.apiKey).toBe(first.apiKey);
    await second.stop();
  });

  it('accepts a master key that starts with a dash, and keeps it out of the process list', async () => {
    const dir = tempDir('passerelle-meili-dash-');
    try {
      const key = '-GkeyThatLooksLikeAnOption0123456789';
      fs.writeFileSync(path.join(dir, 'meili-master-key'), key, { mode: 0o600 });
      const meili = await start({ dataDir: dir, env: {} });
      try {
        expect(meili.apiKey).toBe(key);
        expect((await fetch(`${meili.host}/indexes`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
        const cmdlines = fs
          .readdirSync('/proc')
          .filter((p) => /^\d+$/.test(p))
          .map((p) => {
            try {
              return fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').replace(/\0/g, ' ');
            } catch {
              return ''; // the process ended meanwhile
            }
          });
        const meiliCmd = cmdlines.filter((c) => c.includes(path.join(dir, 'meili')));
        expect(meiliCmd).toHaveLength(1);
        expect(meiliCmd[0]).not.toContain(key);
      } finally {
        await meili.stop();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('uses an external server when MEILI_HOST and MEILI_MASTER_KEY are set', async () => {
    const ownDir = tempDir('passerelle-meili-ext-');
    const own = await start({ dataDir: ownDir, env: {} });
    try {
      const external = await startMeili({ dataDir, env: { MEILI_HOST: `${own.host}/`, MEILI_MASTER_KEY: own.apiKey } });
      expect(external).toMatchObject({ host: own.host, apiKey: own.apiKey, external: true });
      await external.stop();
      expect((await fetch(`${own.host}/health`)).ok).toBe(true);
    } finally {
      await own.stop();
      fs.rmSync(ownDir, { recursive: true, force: true });
    }
  });

  it('explains what to set when MEILI_HOST comes without a key', async () => {
    await expect(startMeili({ dataDir, env: { MEILI_HOST: 'http://127.0.0.1:1' } })).rejects.toThrow(MeiliStartError);
    await expect(startMeili({ dataDir, env: { MEILI_HOST: 'http://127.0.0.1:1' } })).rejects.toThrow(/MEILI_MASTER_KEY/);
  });

  it('stops the Meilisearch a crashed server left behind, instead of reusing it as external for ever', async () => {
    const dir = tempDir('passerelle-meili-orphan-');
    try {
      const orphan = await start({ dataDir: dir, env: {} });
      const running = path.join(dir, 'meili-running.json');
      const record = JSON.parse(fs.readFileSync(running, 'utf8')) as { pid: number; owner: number };
      expect(record.owner).toBe(process.pid);
      // As if the server that started it had died: its owner is a pid that no longer runs.
      fs.writeFileSync(running, JSON.stringify({ ...record, owner: 2 ** 22 + 12345 }));
      const fresh = await start({ dataDir: dir, env: {} });
      expect(fresh.external).toBe(false);
      await expect
        .poll(() => {
          try {
            process.kill(record.pid, 0);
            return 'alive';
          } catch {
            return 'stopped';
          }
        })
        .toBe('stopped');
      await fresh.stop();
      await orphan.stop();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
