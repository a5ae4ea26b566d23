// Runs once before all tests: checks that Chromium is where browser tests expect it, and
// builds the site (only when the build is missing or older than the sources) so the site,
// directory and browser tests read a real build.
import fs from 'node:fs';
import { resolvePaths } from '../plugins/model/paths.ts';
import { buildNeed, buildSite, renderDirectoryPages } from '../scripts/lib/build-site.ts';

export default async function setup(): Promise<void> {
  if (!fs.existsSync('/usr/bin/chromium')) {
    throw new Error("Browser tests need Debian's Chromium at /usr/bin/chromium: run `bash .ci/run` (it installs it) or `apt-get install -y chromium`.");
  }
  const paths = resolvePaths({});
  const need = buildNeed(paths);
  if (need === 'full') await buildSite(paths);
  else if (need === 'directory') await renderDirectoryPages(paths);
}
