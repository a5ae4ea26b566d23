// Where things live. One place decides the content, build and data directories,
// so the site, the API, the scripts and the tests agree (and tests can point elsewhere).
// The project root is the nearest folder above this module whose package.json is named
// "passerelle": the same answer from the sources (core/model/) and from the compiled
// bundles (dist/), whatever the depth.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_NAME = 'passerelle';

function isProjectRoot(dir: string): boolean {
  const manifest = path.join(dir, 'package.json');
  if (!fs.existsSync(manifest)) return false;
  try {
    return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: unknown }).name === PACKAGE_NAME;
  } catch {
    return false; // an unreadable package.json is not ours
  }
}

/** The nearest folder at or above `start` holding the package.json named "passerelle". */
export function findProjectRoot(start: string): string {
  let dir = path.resolve(start);
  for (;;) {
    if (isProjectRoot(dir)) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(
        `Passerelle's folder was not found: no package.json named "${PACKAGE_NAME}" in ${start} or above it. Run Passerelle from its own folder (the one with package.json), with its code in core/ or dist/.`,
      );
    }
    dir = parent;
  }
}

export const ROOT_DIR = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

export interface ProjectPaths {
  root: string;
  content: string;
  initiatives: string;
  territory: string;
  build: string;
  data: string;
  /** passerelle.config.ts: the plugins of this instance (PASSERELLE_CONFIG to use another file). */
  config: string;
  /**
   * Whether the demonstration listings (`source.origin: demo`) are published: `show` while
   * the directory is being filled, `hide` in production (PASSERELLE_DEMO_LISTINGS=hide):
   * then the site, the search, the exports and the dashboard leave them out.
   */
  demoListings: DemoListings;
}

export const DEMO_LISTINGS = ['show', 'hide'] as const;
export type DemoListings = (typeof DEMO_LISTINGS)[number];

/** The variables that move the folders (the server passes them once validated, see api/config/env.ts). */
export type PathsEnv = Readonly<
  Partial<Record<'PASSERELLE_CONTENT_DIR' | 'PASSERELLE_BUILD_DIR' | 'PASSERELLE_DATA_DIR' | 'PASSERELLE_CONFIG' | 'PASSERELLE_DEMO_LISTINGS', string>>
>;

export function resolvePaths(env: PathsEnv = process.env): ProjectPaths {
  const content = path.resolve(env.PASSERELLE_CONTENT_DIR || path.join(ROOT_DIR, 'content'));
  return {
    root: ROOT_DIR,
    content,
    initiatives: path.join(content, 'initiatives'),
    territory: path.join(content, 'territory'),
    build: path.resolve(env.PASSERELLE_BUILD_DIR || path.join(ROOT_DIR, 'build')),
    data: path.resolve(env.PASSERELLE_DATA_DIR || path.join(ROOT_DIR, '.data')),
    config: path.resolve(env.PASSERELLE_CONFIG || path.join(ROOT_DIR, 'passerelle.config.ts')),
    demoListings: env.PASSERELLE_DEMO_LISTINGS === 'hide' ? 'hide' : 'show',
  };
}
