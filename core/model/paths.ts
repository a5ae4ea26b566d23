// Where things live. One place decides the content, build and data directories,
// so the site, the API, the scripts and the tests agree (and tests can point elsewhere).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ProjectPaths {
  root: string;
  content: string;
  initiatives: string;
  territory: string;
  build: string;
  data: string;
  /** passerelle.config.ts: the plugins of this instance (PASSERELLE_CONFIG to use another file). */
  config: string;
}

export function resolvePaths(env: NodeJS.ProcessEnv = process.env): ProjectPaths {
  const content = path.resolve(env.PASSERELLE_CONTENT_DIR ?? path.join(ROOT_DIR, 'content'));
  return {
    root: ROOT_DIR,
    content,
    initiatives: path.join(content, 'initiatives'),
    territory: path.join(content, 'territory'),
    build: path.resolve(env.PASSERELLE_BUILD_DIR ?? path.join(ROOT_DIR, 'build')),
    data: path.resolve(env.PASSERELLE_DATA_DIR ?? path.join(ROOT_DIR, '.data')),
    config: path.resolve(env.PASSERELLE_CONFIG ?? path.join(ROOT_DIR, 'passerelle.config.ts')),
  };
}
