// A production install (`npm ci --omit=dev`) has only `dependencies`: every package the
// compiled server and CLIs import (read from esbuild's metafile of dist/), and every package
// the site build imports at run time (docusaurus.config.ts and what it loads; `npm start`
// builds the site when it is missing) must be listed there, not in devDependencies.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../core/model/paths.ts';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT_DIR, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`; undefined for Node's own modules. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]!)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function importedPackages(metafile: Metafile): string[] {
  const names = new Set<string>();
  for (const output of Object.values(metafile.outputs)) {
    for (const imported of output.imports) {
      const name = imported.external ? packageOf(imported.path) : undefined;
      if (name) names.add(name);
    }
  }
  return [...names].sort();
}

const undeclared = (names: string[]) => names.filter((name) => !(name in manifest.dependencies));

describe('dependencies of a production install', () => {
  it('lists every package the compiled server and CLIs import', () => {
    execFileSync(process.execPath, [path.join(ROOT_DIR, 'scripts/launch.mjs'), 'compile'], { cwd: ROOT_DIR, stdio: 'pipe' });
    const metafile = JSON.parse(fs.readFileSync(path.join(ROOT_DIR, 'dist/meta.json'), 'utf8')) as Metafile;
    const names = importedPackages(metafile);
    // The check sees what it must: the packages seen missing from a production install once.
    expect(names).toEqual(expect.arrayContaining(['express', 'react-dom', 'remark-directive', 'remark-parse', 'unified']));
    expect(undeclared(names), 'add these to "dependencies" (npm install <name>), not to devDependencies').toEqual([]);
  });

  it('lists every package the site build loads in Node (docusaurus.config.ts and our plugins)', async () => {
    const result = await build({
      absWorkingDir: ROOT_DIR,
      entryPoints: [path.join(ROOT_DIR, 'docusaurus.config.ts'), path.join(ROOT_DIR, 'passerelle.config.ts')],
      outdir: path.join(ROOT_DIR, 'dist/unused'),
      write: false,
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      metafile: true,
      logLevel: 'silent',
    });
    const names = importedPackages(result.metafile);
    expect(names).toEqual(expect.arrayContaining(['unist-util-visit', 'esbuild']));
    expect(undeclared(names), 'add these to "dependencies", not to devDependencies').toEqual([]);
  });

  it('keeps development tools out of dependencies', () => {
    for (const tool of ['tsx', 'typescript', 'vitest', '@biomejs/biome', 'dependency-cruiser']) expect(manifest.dependencies).not.toHaveProperty(tool);
    // Declared once and used nowhere: clsx was removed; Docusaurus brings its own.
    expect(manifest.dependencies).not.toHaveProperty('clsx');
  });
});
