// A small site of light pages for browser tests of the listing page: the fixture content
// plus the listings a test writes (a phone number, a long name, data that is not sample
// data: what the seed has not), rendered with the real build's shell, stylesheet and
// scripts into a temporary build, and served by the real app.
import fs from 'node:fs';
import path from 'node:path';
import { type Initiative, loadContentModel, resolvePaths } from '../../core/model/index.ts';
import { readInitiativeFile, writeInitiativeFile } from '../../core/model/initiative-files.ts';
import { renderDirectory } from '../../site/directory/render-directory.tsx';
import { tempContent } from './content.ts';
import { startTestServer } from './server.ts';

export const BASE_LISTING = 'permanence-marcinelle';

export async function lightSite(listings: ((base: Initiative) => Initiative)[]) {
  const env = tempContent();
  const repoBuild = resolvePaths({}).build;
  fs.mkdirSync(env.paths.build, { recursive: true });
  for (const part of ['gabarit-annuaire.html', 'passerelle', 'img'])
    fs.cpSync(path.join(repoBuild, part), path.join(env.paths.build, part), { recursive: true });
  const model = loadContentModel(env.paths);
  const base = readInitiativeFile(model, path.join(env.paths.initiatives, `${BASE_LISTING}.yml`));
  for (const make of listings) writeInitiativeFile(env.paths.initiatives, make(base));
  renderDirectory({ buildDir: env.paths.build, model });
  const server = await startTestServer(env.paths);
  return {
    url: server.url,
    paths: env.paths,
    close: async () => {
      await server.close();
      env.cleanup();
    },
  };
}
