// A real Meilisearch (the bundled binary, in a temporary data directory) behind the real
// server, indexed on a content directory (the repo's by default). Tests stop everything.
import fs from 'node:fs';
import path from 'node:path';
import type { RunningServer } from '../../api/index.ts';
import { startServer } from '../../api/index.ts';
import { createLogger } from '../../api/logger.ts';
import { type MeiliEndpoint, startMeili } from '../../api/search/meili-server.ts';
import type { SearchRuntime } from '../../api/search/runtime.ts';
import { type ProjectPaths, resolvePaths } from '../../core/model/paths.ts';
import { tempDir } from './content.ts';

export interface SearchStack {
  url: string;
  meili: MeiliEndpoint;
  server: RunningServer & { search?: SearchRuntime };
  close(): Promise<void>;
}

export async function startMeiliForTest(): Promise<{ meili: MeiliEndpoint; cleanup(): Promise<void> }> {
  const dataDir = tempDir('passerelle-meili-');
  // Tests always start their own server, even when MEILI_HOST is set for the app.
  const meili = await startMeili({ dataDir, env: {} });
  return {
    meili,
    cleanup: async () => {
      await meili.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function startSearchStack(paths: ProjectPaths = resolvePaths({})): Promise<SearchStack> {
  const { meili, cleanup } = await startMeiliForTest();
  const dataDir = tempDir('passerelle-data-');
  const server = await startServer({
    paths: { ...paths, data: path.join(dataDir, '.data') },
    port: 0,
    host: '127.0.0.1',
    logger: createLogger({ LOG_LEVEL: 'silent' }),
    search: { host: meili.host, apiKey: meili.apiKey },
  });
  return {
    url: server.url,
    meili,
    server,
    close: async () => {
      await server.close();
      await cleanup();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
