// The public entry of the plugin API: what passerelle.config.ts and plugin authors import.
export { definePlugin, defineConfig } from './define.ts';
export { PluginConfigError } from './load.ts';
export { PluginHost, PluginHookError, createPluginHost, DEFAULT_LICENCE, DEFAULT_SIDE_EFFECT_POLICY, VALIDATION_TIMEOUT_MS } from './host.ts';
export type * from './types.ts';
