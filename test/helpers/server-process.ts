// The real server as its own process (scripts/start.ts --no-build), for tests that kill it:
// started on a random port with the given folders and variables, and stopped or killed.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import type { ProjectPaths } from '../../core/model/paths.ts';
import { ROOT_DIR } from '../../core/model/paths.ts';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything it printed (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code or signal. */
  exited: Promise<number | NodeJS.Signals | null>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function spawnServer(
  paths: Pick<ProjectPaths, 'content' | 'build' | 'data'>,
  env: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<ServerProcess> {
  // One process (node with tsx's loader), so a SIGKILL kills the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'scripts/start.ts'), '--no-build'], {
    cwd: ROOT_DIR,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      TZ: 'Europe/Brussels',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      PASSERELLE_CONTENT_DIR: paths.content,
      PASSERELLE_BUILD_DIR: paths.build,
      PASSERELLE_DATA_DIR: paths.data,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within ${timeoutMs} ms:\n${log}`)), timeoutMs);
    const look = () => {
      const match = /tourne sur (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', look);
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`the server stopped while starting (${String(how)}):\n${log}`));
    });
  });
  return {
    url,
    child,
    output: () => log,
    exited,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
