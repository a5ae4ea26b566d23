// The content folder's git history: each approved file is committed, authored by the
// moderator (the committer is Passerelle, or the config's `git.committer`); the message
// names the submission, never the submitter. Outside a work tree it does nothing.
// Idempotent: a file already committed as it is has nothing staged, and nothing happens.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ContentRepository } from './ports.ts';

const run = promisify(execFile);

export const DEFAULT_COMMITTER = { name: 'Passerelle', email: 'passerelle@localhost' };

export function gitRepository(contentDir: string, committer = DEFAULT_COMMITTER): ContentRepository {
  const git = (...args: string[]) => run('git', ['-C', contentDir, ...args]);
  return {
    async commitFile(file, message, author) {
      try {
        const { stdout } = await git('rev-parse', '--is-inside-work-tree');
        if (stdout.trim() !== 'true') return;
      } catch {
        return; // not a git work tree
      }
      const relative = path.relative(contentDir, file);
      if (fs.existsSync(file)) await git('add', '--', relative);
      else await git('rm', '--cached', '--ignore-unmatch', '--quiet', '--', relative);
      const { stdout: staged } = await git('diff', '--cached', '--name-only', '--', relative);
      if (!staged.trim()) return; // unchanged: already committed
      const name = author.split('@')[0] || author;
      await git(
        '-c',
        `user.name=${committer.name}`,
        '-c',
        `user.email=${committer.email}`,
        'commit',
        '--quiet',
        '--author',
        `${name} <${author}>`,
        '-m',
        message,
        '--',
        relative,
      );
    },
  };
}
