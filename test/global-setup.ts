// Runs once before all tests: checks that Chromium is where browser tests expect it, and
// builds the site (only when the build is missing or older than the sources) so the site,
// directory and browser tests read a real build. Several test runs started at once (focused
// runs while developing) wait for one another's build instead of building over each other.
// Outside CI, a failed build is reported and the run goes on, so unit tests still run; the
// tests that read the build then fail on their own.
import fs from 'node:fs';
import path from 'node:path';
import { resolvePaths } from '../core/model/paths.ts';
import { buildNeed, buildSite, renderDirectoryPages } from '../scripts/lib/build-site.ts';

async function withBuildLock<T>(dir: string, run: () => Promise<T>): Promise<T> {
  const lock = path.join(dir, '.test-build.lock');
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 15 * 60_000) fs.rmSync(lock, { recursive: true, force: true }); // left by a killed run
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    return await run();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

export default async function setup(): Promise<void> {
  if (!fs.existsSync('/usr/bin/chromium')) {
    throw new Error("Browser tests need Debian's Chromium at /usr/bin/chromium: run `bash .ci/run` (it installs it) or `apt-get install -y chromium`.");
  }
  const paths = resolvePaths({});
  try {
    await withBuildLock(paths.root, async () => {
      const need = buildNeed(paths);
      if (need === 'full') await buildSite(paths);
      else if (need === 'directory') await renderDirectoryPages(paths);
    });
  } catch (err) {
    if (process.env.CI) throw err;
    console.warn(`\n⚠ The site could not be built for the tests (${(err as Error).message}); tests that read build/ will fail.\n`);
  }
}
