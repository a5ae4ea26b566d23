// The built-in plugins and the default configuration (used when passerelle.config.ts is
// absent, and spread by it): search sync first (it has the 2 s budget), then the git commit,
// the notifications and the open-data formats.
import { defineConfig } from '../api/define.ts';
import type { PasserelleConfig, PluginEntry } from '../api/types.ts';
import { gitCommit } from './git-commit.ts';
import { meilisearchSync } from './meilisearch-sync.ts';
import { notifications } from './notifications/index.ts';
import { openData } from './open-data/index.ts';

export { gitCommit, meilisearchSync, notifications, openData };

/** The built-ins in their default order; notifications read SMTP_URL, WEBHOOK_URL and WEBHOOK_SECRET. */
export function builtinPlugins(): PluginEntry[] {
  return [meilisearchSync, gitCommit, notifications, openData];
}

export function defaultConfig(): PasserelleConfig {
  return defineConfig({ plugins: builtinPlugins() });
}
