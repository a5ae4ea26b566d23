// A content folder in its own git repository, with the site's page template, for tests of
// the publish pipeline (pages rendered, files committed), and small helpers around it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { resolvePaths } from '../../core/model/paths.ts';
import { tempContent } from './content.ts';

export interface PublishingEnv extends ReturnType<typeof tempContent> {
  git(...args: string[]): string;
  commits(): number;
}

export function publishingEnv(source?: string): PublishingEnv {
  const env = tempContent(source);
  const git = (...args: string[]) => execFileSync('git', ['-C', env.paths.content, ...args], { encoding: 'utf8' });
  execFileSync('git', ['init', '-q', env.paths.content]);
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'add', '.');
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'init');
  fs.mkdirSync(env.paths.build, { recursive: true });
  fs.copyFileSync(path.join(resolvePaths({}).build, 'gabarit-annuaire.html'), path.join(env.paths.build, 'gabarit-annuaire.html'));
  return { ...env, git, commits: () => Number(git('rev-list', '--count', 'HEAD').trim()) };
}

export const pageOf = (env: PublishingEnv, id: string) => path.join(env.paths.build, 'annuaire', `${id}.html`);
export const fileOf = (env: PublishingEnv, id: string) => path.join(env.paths.initiatives, `${id}.yml`);
