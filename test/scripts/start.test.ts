// `npm start` as it runs in production: plain Node on the compiled bundle (scripts/launch.mjs
// → dist/start.mjs), no tsx. It finds the project from dist/, compiles a TypeScript plugin
// config on the fly, serves /api/health, and stops cleanly on SIGTERM. A port already taken
// by another program stops the start with exit code 1 and a message, instead of announcing
// a server that another process answers for; Meilisearch and the data lock are released.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../core/model/paths.ts';

const LAUNCHER = path.join(ROOT_DIR, 'scripts/launch.mjs');
const PARTNER_CONFIG = path.join(ROOT_DIR, 'test/fixtures/plugins/passerelle.config.ts');

interface Started {
  child: ChildProcessWithoutNullStreams;
  output: () => { stdout: string; stderr: string };
  exited: Promise<number | null>;
  dataDir: string;
}

const started: Started[] = [];

afterEach(async () => {
  for (const s of started.splice(0)) {
    if (s.child.exitCode === null) {
      s.child.kill('SIGTERM');
      await s.exited;
    }
    fs.rmSync(s.dataDir, { recursive: true, force: true });
  }
});

/** `node scripts/launch.mjs start --no-build` on the worktree's build, with its own data folder. */
function start(env: Record<string, string>): Started {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-start-'));
  const child = spawn(process.execPath, [LAUNCHER, 'start', '--no-build'], {
    cwd: ROOT_DIR,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, HOST: '127.0.0.1', PASSERELLE_DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const s = { child, output: () => ({ stdout, stderr }), exited, dataDir };
  started.push(s);
  return s;
}

/** The URL the server announces, or the output when it exits first. */
async function ready(s: Started, timeoutMs = 100_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const url = /Passerelle tourne sur (http:\/\/\S+)/.exec(s.output().stdout)?.[1];
    if (url) return url;
    if (s.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server did not start:\n${s.output().stdout}\n${s.output().stderr}`);
}

describe('npm start, compiled', { timeout: 120_000 }, () => {
  it('serves /api/health with a TypeScript plugin config, then stops on SIGTERM', async () => {
    const s = start({ PORT: '0', PASSERELLE_CONFIG: PARTNER_CONFIG });
    const url = await ready(s);
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', search: 'ok', storage: 'ok' });
    // The partner config is TypeScript: plain Node compiled it on the fly and loaded its plugin.
    expect(s.output().stdout).toMatch(/"plugins":\[[^\]]*"reseau-partenaire"/);
    expect(fs.readdirSync(path.dirname(PARTNER_CONFIG)).filter((f) => f.endsWith('.mjs'))).toEqual([]);
    // It runs the bundle, not the sources through tsx.
    expect(s.child.spawnargs).toEqual([process.execPath, LAUNCHER, 'start', '--no-build']);
    expect(fs.existsSync(path.join(ROOT_DIR, 'dist/start.mjs'))).toBe(true);

    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(fs.existsSync(path.join(s.dataDir, 'passerelle.lock'))).toBe(false);
  });

  it('stops with exit code 1 and a clear message when the port is taken', async () => {
    const occupant = net.createServer((socket) => socket.end('not Passerelle\n'));
    await new Promise<void>((resolve) => occupant.listen(0, '127.0.0.1', resolve));
    const { port } = occupant.address() as net.AddressInfo;
    try {
      const s = start({ PORT: String(port) });
      // Either it exits, or it wrongly announces a server (then the assertions below fail at once).
      await Promise.race([s.exited, ready(s).catch(() => undefined)]);
      const code = s.child.exitCode;
      const { stdout, stderr } = s.output();
      expect(stderr).toContain(
        `Passerelle ne démarre pas : port ${port} on 127.0.0.1 is already in use by another program (another Passerelle?). Stop it, or choose another port: PORT=3000 npm start.`,
      );
      expect(code).toBe(1);
      expect(stdout).not.toContain('Passerelle is ready');
      expect(stdout).not.toContain('tourne sur');
      // What it had started is stopped and released: Meilisearch and the data lock.
      expect(stdout).toContain('Meilisearch ready');
      expect(fs.existsSync(path.join(s.dataDir, 'meili-running.json'))).toBe(false);
      expect(fs.existsSync(path.join(s.dataDir, 'passerelle.lock'))).toBe(false);
    } finally {
      await new Promise((resolve) => occupant.close(resolve));
    }
  });
});
