// The launcher behind `npm start`, `npm run build` and the CLIs: plain Node, no tsx, so it
// runs on a production install (`npm ci --omit=dev`). It compiles the server and the CLIs
// with esbuild into dist/ (one ESM bundle per entry, packages left external, node20,
// source maps) when dist/ is missing or older than the sources, then runs the entry in
// this same process. `build` always compiles first.
//
//   node scripts/launch.mjs <start|build|check|index|moderator|import> [arguments…]
//   node scripts/launch.mjs compile      (only compile)
//
// It stays JavaScript on purpose: it is what runs before anything is compiled.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = path.join(ROOT, 'dist');
/** Written last by a compile: its time is the compiled output's. */
export const STAMP = path.join(DIST, '.compiled.json');
/** esbuild's metafile of the last compile: every file and package each bundle imports. */
export const METAFILE = path.join(DIST, 'meta.json');

/** Each command and its source; dist/<command>.mjs is its bundle. */
export const ENTRIES = {
  start: 'scripts/start.ts',
  build: 'scripts/build.ts',
  check: 'scripts/check.ts',
  index: 'scripts/index.ts',
  moderator: 'scripts/moderator.ts',
  import: 'scripts/import.ts',
};

const SOURCE_DIRS = ['api', 'core', 'plugins', 'site', 'scripts'];
const SOURCE_FILES = ['package.json', 'tsconfig.json'];
const CODE = /\.(ts|tsx|mts|js|mjs|json)$/;

function newestSource(target) {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return CODE.test(target) ? stat.mtimeMs : 0;
  let newest = 0;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestSource(path.join(target, entry)));
  return newest;
}

/** Why dist/ must be compiled again, or undefined when it is up to date. */
export function compileNeed() {
  const stamp = fs.statSync(STAMP, { throwIfNoEntry: false });
  if (!stamp) return 'dist/ is missing';
  const missing = Object.keys(ENTRIES).find((name) => !fs.existsSync(path.join(DIST, `${name}.mjs`)));
  if (missing) return `dist/${missing}.mjs is missing`;
  const newest = Math.max(...SOURCE_DIRS.map((d) => newestSource(path.join(ROOT, d))), ...SOURCE_FILES.map((f) => newestSource(path.join(ROOT, f))));
  return newest > stamp.mtimeMs ? 'the sources changed' : undefined;
}

/**
 * Compiles every entry into dist/. Files are written to a private folder first and renamed
 * into place, so two launchers compiling at once never leave a half-written bundle.
 */
export async function compile() {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    throw new Error('esbuild is not installed: run `npm ci` (or `npm ci --omit=dev`) in the Passerelle folder.');
  }
  const started = Date.now();
  fs.mkdirSync(DIST, { recursive: true });
  const work = fs.mkdtempSync(path.join(DIST, '.compiling-'));
  try {
    const result = await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, source]) => [name, path.join(ROOT, source)])),
      outdir: work,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      target: 'node20',
      jsx: 'automatic',
      sourcemap: true,
      metafile: true,
      logLevel: 'warning',
    });
    fs.writeFileSync(path.join(work, path.basename(METAFILE)), JSON.stringify(result.metafile));
    for (const file of fs.readdirSync(work)) fs.renameSync(path.join(work, file), path.join(DIST, file));
    fs.writeFileSync(STAMP, `${JSON.stringify({ compiledAt: new Date().toISOString(), ms: Date.now() - started })}\n`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return Date.now() - started;
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const known = Object.keys(ENTRIES);
  if (command !== 'compile' && !known.includes(command)) {
    console.error(`Usage : node scripts/launch.mjs <${[...known, 'compile'].join('|')}> [arguments…]`);
    process.exit(2);
  }
  const need = command === 'build' || command === 'compile' ? 'asked' : compileNeed();
  if (need) {
    try {
      const ms = await compile();
      console.log(`Passerelle compilé dans dist/ en ${(ms / 1000).toFixed(1)} s${need === 'asked' ? '' : ` (${need})`}.`);
    } catch (err) {
      // esbuild already printed each error with its file and line.
      console.error(`\n  La compilation de Passerelle a échoué : ${err.message.split('\n')[0]}\n`);
      process.exit(1);
    }
  }
  if (command === 'compile') return;
  // Production unless told otherwise: the server renders pages with React, whose development
  // build (chosen when NODE_ENV is unset) took twice as long to re-render a list (bench publish).
  process.env.NODE_ENV ??= 'production';
  // The entry reads its own arguments from process.argv.slice(2), as when run directly.
  process.argv = [process.argv[0], path.join(DIST, `${command}.mjs`), ...rest];
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(path.join(DIST, `${command}.mjs`)).href);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
