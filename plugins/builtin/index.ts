// The built-in plugins and the default configuration (used when passerelle.config.ts is
// absent, and spread by it): the notifications and the open-data formats. Rendering, the
// git commit and the search index are not plugins: they are steps of the publish pipeline
// (api/publish/pipeline.ts).
import { defineConfig } from '../api/define.ts';
import type { PasserelleConfig, PluginEntry } from '../api/types.ts';
import { notifications } from './notifications/index.ts';
import { openData } from './open-data/index.ts';

export { notifications, openData };

/** The built-ins in their default order; notifications read SMTP_URL, WEBHOOK_URL and WEBHOOK_SECRET. */
export function builtinPlugins(): PluginEntry[] {
  return [notifications, openData];
}

export function defaultConfig(): PasserelleConfig {
  return defineConfig({ plugins: builtinPlugins() });
}
