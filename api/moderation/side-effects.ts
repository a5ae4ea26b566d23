// What follows an approval: the page and the list re-rendered at once (written beside and
// renamed), the search index updated (searchable when this resolves), and the file
// committed when content/ is in a git work tree, authored by the moderator. The commit
// message names the submission, never the submitter.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { initiativeFile, type ContentModel } from '../../plugins/model/index.ts';
import { renderOne } from '../../site/directory/render-directory.tsx';
import { templateFile } from '../../site/directory/shell.ts';
import type { SearchRuntime } from '../search/runtime.ts';
import type { SideEffect } from './service.ts';

const run = promisify(execFile);

export function rerenderPage(model: ContentModel, buildDir: string, siteUrl?: string): SideEffect {
  return async (initiative) => {
    try {
      templateFile(buildDir);
    } catch {
      return; // no built site (API-only use): nothing to refresh
    }
    renderOne({ buildDir, model, siteUrl }, initiative.id);
  };
}

/** When Meilisearch is down the approval stands; the runtime re-syncs once it is back. */
export function updateSearch(model: ContentModel, search: SearchRuntime): SideEffect {
  return async (initiative) => {
    try {
      await search.store.upsertInitiative(model, initiative);
    } catch (err) {
      search.markStale();
      throw err;
    }
  };
}

export function commitToGit(model: ContentModel): SideEffect {
  return async (initiative, { submission, moderator }) => {
    const dir = model.paths.content;
    try {
      const { stdout } = await run('git', ['-C', dir, 'rev-parse', '--is-inside-work-tree']);
      if (stdout.trim() !== 'true') return;
    } catch {
      return; // not a git work tree
    }
    const file = initiativeFile(model.paths.initiatives, initiative.id);
    if (!fs.existsSync(file)) return;
    const relative = path.relative(dir, file);
    await run('git', ['-C', dir, 'add', '--', relative]);
    const { stdout: staged } = await run('git', ['-C', dir, 'diff', '--cached', '--name-only', '--', relative]);
    if (!staged.trim()) return; // unchanged: nothing to commit
    const author = `${moderator.split('@')[0]} <${moderator}>`;
    await run('git', ['-C', dir, '-c', 'user.name=Passerelle', '-c', 'user.email=passerelle@localhost', 'commit', '--quiet', '--author', author, '-m', `Approve ${submission}: ${initiative.id}`, '--', relative]);
  };
}
