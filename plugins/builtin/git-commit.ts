// Built-in plugin: commits each approved file when content/ is in a git work tree, authored
// by the moderator, so the repository keeps the history of who published what. The message
// names the submission, never the submitter. Outside a work tree it does nothing.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import * as z from 'zod';
import { initiativeFile } from '../../core/model/index.ts';
import { definePlugin } from '../api/define.ts';

const run = promisify(execFile);

const options = z
  .object({
    /** Committer identity (the author is the moderator). */
    committer: z
      .object({ name: z.string().min(1), email: z.string().email('une adresse e-mail est attendue.') })
      .strict()
      .default({ name: 'Passerelle', email: 'passerelle@localhost' }),
  })
  .strict()
  .default({ committer: { name: 'Passerelle', email: 'passerelle@localhost' } });

export const gitCommit = definePlugin({ name: 'git-commit', options }, ({ committer }, context) => {
  const dir = context.paths.content;
  return {
    name: 'git-commit',
    // A commit is local and quick; a locked index (another git command) is worth a retry.
    sideEffects: { timeoutMs: 15_000, retries: 2, backoffMs: 2000 },
    async onApproved({ initiative, submission, moderator }) {
      try {
        const { stdout } = await run('git', ['-C', dir, 'rev-parse', '--is-inside-work-tree']);
        if (stdout.trim() !== 'true') return;
      } catch {
        return; // not a git work tree
      }
      const file = initiativeFile(context.paths.initiatives, initiative.id);
      if (!fs.existsSync(file)) return;
      const relative = path.relative(dir, file);
      await run('git', ['-C', dir, 'add', '--', relative]);
      const { stdout: staged } = await run('git', ['-C', dir, 'diff', '--cached', '--name-only', '--', relative]);
      if (!staged.trim()) return; // unchanged: nothing to commit
      const author = `${moderator.split('@')[0]} <${moderator}>`;
      await run('git', [
        '-C',
        dir,
        '-c',
        `user.name=${committer.name}`,
        '-c',
        `user.email=${committer.email}`,
        'commit',
        '--quiet',
        '--author',
        author,
        '-m',
        `Approve ${submission.id}: ${initiative.id}`,
        '--',
        relative,
      ]);
    },
  };
});
