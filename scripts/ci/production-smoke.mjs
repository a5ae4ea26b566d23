// CI: proves a production install works. In a temporary copy of the repository (the files
// git knows, plus the site build already made, with their times kept so it counts as up to
// date), it runs `npm ci --omit=dev`, checks that no dev tool came with it, starts the
// server with `npm start` (plain Node on the compiled bundle; compiling happens here, in
// production), and expects 200 from /api/health and from the home page. Then it stops the
// server and removes the copy, whatever happened. Any failure prints the server's output
// and exits 1. Plain Node with no package: it runs before anything is installed there.
//
//   node scripts/ci/production-smoke.mjs        (after `npm run build`)
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 15_000;
const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const say = (line) => console.log(`[production-smoke] ${line}`);

class SmokeFailure extends Error {}

const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-production-'));
let server;
let serverOutput = '';

function copyRepository() {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  let files = 0;
  // node_modules may be a symlink (git worktrees): npm ci makes its own.
  for (const file of listed.split('\0').filter((f) => f && f !== 'node_modules')) {
    const from = path.join(ROOT, file);
    if (!fs.existsSync(from)) continue; // deleted in the work tree, not yet in git
    fs.mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    fs.cpSync(from, path.join(copy, file), { preserveTimestamps: true });
    files++;
  }
  const build = path.join(ROOT, 'build');
  if (!fs.existsSync(path.join(build, '.passerelle-build.json'))) {
    throw new SmokeFailure('build/ is missing: run `npm run build` before this step (CI does it just before).');
  }
  fs.cpSync(build, path.join(copy, 'build'), { recursive: true, preserveTimestamps: true });
  keepFolderTimes(ROOT, copy);
  return files;
}

/**
 * Gives each copied folder the time of its original (copying into a folder makes it look
 * new, and `npm start` compares folder times with the build's), deepest folders first.
 */
function keepFolderTimes(from, to) {
  for (const entry of fs.readdirSync(to, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name !== 'node_modules') keepFolderTimes(path.join(from, entry.name), path.join(to, entry.name));
  }
  const original = fs.statSync(from, { throwIfNoEntry: false });
  if (original) fs.utimesSync(to, original.atime, original.mtime);
}

function sizeOf(dir) {
  return Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0]);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitReady(port) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new SmokeFailure(`the server stopped while starting (exit code ${server.exitCode}).`);
    if (/building the site|Creating an optimized production build/.test(serverOutput)) {
      throw new SmokeFailure('npm start began to rebuild the site: the copied build/ counts as older than the sources. Run `npm run build` first.');
    }
    if (serverOutput.includes('Passerelle tourne sur')) return `http://127.0.0.1:${port}`;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new SmokeFailure(`the server did not announce itself within ${READY_TIMEOUT_MS / 1000} s.`);
}

async function expectOk(url, check) {
  const res = await fetch(url);
  const body = await res.text();
  if (res.status !== 200) throw new SmokeFailure(`GET ${url} answered ${res.status}, not 200:\n${body.slice(0, 500)}`);
  if (check) check(body);
  return body;
}

const groupAlive = () => {
  try {
    process.kill(-server.pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * SIGTERM to the server's process group (npm, the server, Meilisearch: npm itself dies of
 * it, the server stops cleanly); true when the whole group is gone within the time limit.
 */
async function stopServer() {
  if (!server || !groupAlive()) return true;
  process.kill(-server.pid, 'SIGTERM');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (groupAlive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return !groupAlive();
}

async function main() {
  say(`copying the repository into ${copy}`);
  const files = copyRepository();
  say(`${files} files and build/ copied (${seconds(started)})`);

  const installStarted = Date.now();
  execFileSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: copy, stdio: 'inherit' });
  const modules = path.join(copy, 'node_modules');
  say(`npm ci --omit=dev: ${seconds(installStarted)}, node_modules ${(sizeOf(modules) / 1e6).toFixed(0)} MB`);
  // (typescript may come: an optional peer of Docusaurus' cosmiconfig, which npm keeps.)
  for (const tool of ['tsx', 'vitest', 'playwright-core', '@biomejs/biome']) {
    if (fs.existsSync(path.join(modules, tool))) throw new SmokeFailure(`${tool} was installed by --omit=dev: a dependency still needs it.`);
  }

  const port = await freePort();
  const serverStarted = Date.now();
  server = spawn('npm', ['start'], {
    cwd: copy,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' },
  });
  server.stdout.on('data', (chunk) => {
    serverOutput += chunk;
  });
  server.stderr.on('data', (chunk) => {
    serverOutput += chunk;
  });
  const url = await waitReady(port);
  say(`npm start (compile + Meilisearch + index + listen): ready in ${seconds(serverStarted)} on ${url}`);
  if (!fs.existsSync(path.join(copy, 'dist/start.mjs'))) throw new SmokeFailure('npm start did not run the compiled server (dist/start.mjs is missing).');

  await expectOk(`${url}/api/health`, (body) => {
    const health = JSON.parse(body);
    if (health.status !== 'ok') throw new SmokeFailure(`/api/health says the server is not fully working:\n${body}`);
    say(`/api/health: 200 ${body}`);
  });
  await expectOk(`${url}/`, (body) => {
    if (!body.includes('<html')) throw new SmokeFailure('the home page is not HTML.');
  });
  say('/: 200');

  if (!(await stopServer())) throw new SmokeFailure(`the server was still running ${STOP_TIMEOUT_MS / 1000} s after SIGTERM.`);
  // A clean stop releases the data folder's lock; a killed server leaves it.
  if (fs.existsSync(path.join(copy, '.data/passerelle.lock')))
    throw new SmokeFailure('the server did not stop cleanly on SIGTERM: .data/passerelle.lock is still there.');
  say(`server stopped cleanly; whole step ${seconds(started)}`);
}

/** Whatever happened: the server's whole process group (npm, node, Meilisearch) ends, the copy goes. */
async function cleanUp() {
  await stopServer().catch((err) => console.error(`[production-smoke] could not stop the server: ${err.message}`));
  if (server && groupAlive()) {
    try {
      process.kill(-server.pid, 'SIGKILL'); // anything left in the group
    } catch {
      /* the group is gone: the normal case */
    }
  }
  fs.rmSync(copy, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`[production-smoke] interrupted (${signal}): cleaning up`);
    cleanUp().finally(() => process.exit(1));
  });
}

let failed = false;
try {
  await main();
} catch (err) {
  failed = true;
  console.error(`\n[production-smoke] FAILED: ${err instanceof SmokeFailure ? err.message : err.stack}`);
  if (serverOutput) console.error(`\n[production-smoke] server output:\n${serverOutput}`);
} finally {
  await cleanUp();
}
process.exit(failed ? 1 : 0);
