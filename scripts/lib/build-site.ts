// Building the site: Docusaurus for guides, curriculum, news and pages; then our own
// client script and the directory pages. Also decides whether a build is needed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build as esbuild } from 'esbuild';
import { createLogger } from '../../api/logger.ts';
import { loadContentModel } from '../../core/model/index.ts';
import type { ProjectPaths } from '../../core/model/paths.ts';
import { normalizeSiteUrl } from '../../core/urls.ts';
import { createPluginHost } from '../../plugins/api/index.ts';
import { renderDirectory } from '../../site/directory/render-directory.tsx';
import { writeOpenDataFiles } from './open-data-files.ts';
import { precompressBuild } from './precompress.ts';

export const BUILD_STAMP = '.passerelle-build.json';
const SOURCES = ['core', 'site', 'plugins', 'docusaurus.config.ts', 'passerelle.config.ts', 'package.json'];

function newestMtime(target: string, skip: (p: string) => boolean = () => false): number {
  if (!fs.existsSync(target) || skip(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry), skip));
  return newest;
}

export type BuildNeed = 'none' | 'directory' | 'full';

/** `full` when the build is missing or older than the site or non-initiative content; `directory` when only initiatives changed. */
export function buildNeed(paths: ProjectPaths): BuildNeed {
  const stamp = path.join(paths.build, BUILD_STAMP);
  if (!fs.existsSync(stamp)) return 'full';
  const builtAt = fs.statSync(stamp).mtimeMs;
  const isInitiatives = (p: string) => p === paths.initiatives;
  const siteNewest = Math.max(
    newestMtime(paths.content, isInitiatives),
    newestMtime(paths.config),
    ...SOURCES.map((s) => newestMtime(path.join(paths.root, s))),
  );
  if (siteNewest > builtAt) return 'full';
  return newestMtime(paths.initiatives) > builtAt ? 'directory' : 'none';
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit', env });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

export async function bundleClientScripts(paths: ProjectPaths): Promise<void> {
  const outdir = path.join(paths.build, 'passerelle');
  // The directory search: an ES module whose map (Leaflet) is a separate chunk.
  await esbuild({
    entryPoints: { search: path.join(paths.root, 'site/directory/client/search.ts') },
    outdir,
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    target: ['es2019'],
    charset: 'utf8',
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
  });
  const leaflet = path.join(paths.root, 'node_modules/leaflet/dist');
  fs.mkdirSync(path.join(outdir, 'leaflet'), { recursive: true });
  fs.copyFileSync(path.join(leaflet, 'leaflet.css'), path.join(outdir, 'leaflet/leaflet.css'));
  fs.cpSync(path.join(leaflet, 'images'), path.join(outdir, 'leaflet/images'), { recursive: true });
  // The listing page's script and every light page's (site.js: the menu), as ES modules:
  // a browser too old for them shows the pages without script, complete. The listing's
  // interactive map (Leaflet) is a chunk loaded on request.
  await esbuild({
    entryPoints: {
      initiative: path.join(paths.root, 'site/directory/client/initiative.ts'),
      site: path.join(paths.root, 'site/client/site.ts'),
    },
    outdir,
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    target: ['es2019'],
    charset: 'utf8',
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
  });
  await bundleLightStyles(paths, outdir);
}

/**
 * The light pages' stylesheet (site/directory/shell.ts inlines it): site/css/light.css and
 * every other stylesheet directly in site/css (a branch's own file styles these pages too).
 */
async function bundleLightStyles(paths: ProjectPaths, outdir: string): Promise<void> {
  const dir = path.join(paths.root, 'site/css');
  const others = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.css') && f !== 'light.css' && f !== 'custom.css')
    .sort();
  await esbuild({
    stdin: { contents: ['light.css', ...others].map((f) => `@import "./${f}";`).join('\n'), resolveDir: dir, loader: 'css', sourcefile: 'light-pages.css' },
    outfile: path.join(outdir, 'light.css'),
    bundle: true,
    minify: true,
    charset: 'utf8',
    target: ['chrome80', 'firefox78', 'safari13'],
    logLevel: 'warning',
  });
  // The partners' widget (served at /widget.js, cross-origin), the /integrer page's preview
  // and the self-check's screens.
  await esbuild({
    entryPoints: {
      widget: path.join(paths.root, 'site/reach/client/widget.ts'),
      integrer: path.join(paths.root, 'site/reach/client/integrer.ts'),
      diagnostic: path.join(paths.root, 'site/reach/client/diagnostic.ts'),
    },
    outdir: path.join(paths.build, 'passerelle'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2018'],
    logLevel: 'warning',
  });
}

/** The directory pages (with the plugins' site data) and the open-data files. */
export async function renderDirectoryPages(paths: ProjectPaths, siteUrl?: string): Promise<number> {
  const model = loadContentModel(paths);
  const site = normalizeSiteUrl(siteUrl);
  const plugins = await createPluginHost({ paths, model, logger: createLogger(), runtime: 'build', siteUrl: site });
  const { pages } = renderDirectory({ buildDir: paths.build, model, siteUrl: site, siteData: (scope) => plugins.siteData(scope) });
  writeOpenDataFiles(paths.build, model, plugins);
  fs.writeFileSync(path.join(paths.build, BUILD_STAMP), JSON.stringify({ builtAt: new Date().toISOString() }));
  return pages;
}

/** Docusaurus reads the content directory from the environment (see docusaurus.config.ts). */
export async function buildSite(paths: ProjectPaths, { siteUrl }: { siteUrl?: string } = {}): Promise<void> {
  const bin = path.join(paths.root, 'node_modules/.bin/docusaurus');
  const env = { ...process.env, PASSERELLE_CONTENT_DIR: paths.content, PASSERELLE_CONFIG: paths.config, ...(siteUrl ? { PASSERELLE_SITE_URL: siteUrl } : {}) };
  await run(bin, ['build', '--out-dir', paths.build], paths.root, env);
  await bundleClientScripts(paths);
  await renderDirectoryPages(paths, siteUrl);
  await precompressBuild(paths.build);
}
