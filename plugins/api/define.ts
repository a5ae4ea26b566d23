// The two helpers a plugin author and a config file use: `definePlugin` names a plugin and
// attaches its options schema (checked before the factory runs), `defineConfig` types
// passerelle.config.ts. Both only return what they are given, typed.
import type * as z from 'zod';
import type { PasserelleConfig, Plugin, PluginContext, PluginInstance } from './types.ts';

export interface PluginMeta<S extends z.ZodType | undefined> {
  /** Lowercase slug, unique in a config: used in logs, errors and option messages. */
  name: string;
  /** zod schema of the options; defaults go in the schema (`.default()`). */
  options?: S;
}

type OptionsOf<S> = S extends z.ZodType ? z.output<S> : undefined;

export function definePlugin<S extends z.ZodType | undefined = undefined>(
  meta: PluginMeta<S>,
  factory: (options: OptionsOf<S>, context: PluginContext) => PluginInstance,
): Plugin<OptionsOf<S>> {
  if (!/^[a-z][a-z0-9-]{1,60}$/.test(meta.name))
    throw new Error(`definePlugin: « ${meta.name} » is not a valid plugin name (lowercase letters, digits and hyphens).`);
  const plugin = ((options: OptionsOf<S>, context: PluginContext) => factory(options, context)) as Plugin<OptionsOf<S>>;
  plugin.pluginName = meta.name;
  if (meta.options) plugin.optionsSchema = meta.options as unknown as z.ZodType<OptionsOf<S>>;
  return plugin;
}

export function defineConfig(config: PasserelleConfig): PasserelleConfig {
  return config;
}
