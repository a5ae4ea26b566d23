// Starts the real app on 127.0.0.1 with a random free port for integration tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ServerOptions, startServer } from '../../api/index.ts';
import { createLogger } from '../../api/logger.ts';
import type { ProjectPaths } from '../../core/model/paths.ts';

/** Each test server gets its own data directory (the data lock allows one server per directory). */
export async function startTestServer(
  paths: ProjectPaths,
  options: Omit<ServerOptions, 'paths'> & { dataDir?: string } = {},
): Promise<Awaited<ReturnType<typeof startServer>> & { dataDir: string }> {
  const data = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-data-'));
  const server = await startServer({ port: 0, host: '127.0.0.1', logger: createLogger({ LOG_LEVEL: 'silent' }), ...options, paths: { ...paths, data } });
  return {
    ...server,
    dataDir: data,
    close: async () => {
      await server.close();
      if (!options.dataDir) fs.rmSync(data, { recursive: true, force: true });
    },
  };
}

export async function getJson(url: string, init?: RequestInit): Promise<{ status: number; body: unknown; headers: Headers }> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON: keep the text so the assertion shows it */
  }
  return { status: res.status, body, headers: res.headers };
}
