// The public entry of the plugin API: what passerelle.config.ts and plugin authors import.
export { defineConfig, definePlugin } from './define.ts';
export {
  createPluginHost,
  DEFAULT_LICENCE,
  DEFAULT_SIDE_EFFECT_POLICY,
  PluginHookError,
  PluginHost,
  type SideEffectEvents,
  type SideEffectHook,
  VALIDATION_TIMEOUT_MS,
} from './host.ts';
export { PluginConfigError } from './load.ts';
export type * from './types.ts';
