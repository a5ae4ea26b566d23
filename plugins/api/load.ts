// Loading passerelle.config.ts: the config file is imported, every plugin's options are
// checked against its schema (all problems reported at once, each naming the plugin and
// the option), then each factory is called with its options and the context.
// The config is TypeScript. Under tsx, vitest or Docusaurus (jiti) it is imported as is;
// the compiled server (plain Node, dist/) cannot import .ts, so there esbuild bundles it,
// with its packages left external, into a temporary .mjs beside it, which is imported and
// removed at once (beside it, so its imports resolve from the same node_modules).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import * as z from 'zod';
import type { AnyPlugin, PasserelleConfig, PluginContext, PluginEntry, PluginInstance } from './types.ts';

export class PluginConfigError extends Error {
  override name = 'PluginConfigError';
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file} : la configuration des plugins n'est pas valide (${problems.length} problème(s)) :\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const FRENCH = z.locales.fr();

const isPlugin = (value: unknown): value is AnyPlugin => typeof value === 'function' && typeof (value as AnyPlugin).pluginName === 'string';

const TYPESCRIPT = /\.(c|m)?tsx?$/;
/** Node 20 refuses .ts; Node 22+ strips types but refuses some TypeScript (parameter properties…). */
const NOT_IMPORTABLE = new Set(['ERR_UNKNOWN_FILE_EXTENSION', 'ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX', 'ERR_INVALID_TYPESCRIPT_SYNTAX']);

/** The config module compiled to JavaScript and imported (what plain Node does with a .ts config). */
export async function importCompiledConfig(file: string): Promise<unknown> {
  const out = `${file}.${Date.now()}-${crypto.randomBytes(4).toString('hex')}.mjs`;
  try {
    await build({
      entryPoints: [file],
      outfile: out,
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      target: 'node20',
      sourcemap: 'inline',
      logLevel: 'silent',
    });
  } catch (err) {
    throw new PluginConfigError(path.basename(file), [`le fichier ne se compile pas : ${(err as Error).message}`]);
  }
  try {
    return await import(pathToFileURL(out).href);
  } finally {
    fs.rmSync(out, { force: true });
  }
}

async function importModule(file: string): Promise<unknown> {
  try {
    // A plain absolute path (not a file: URL) so the Docusaurus process, which loads our
    // TypeScript through jiti, can import the config too.
    return await import(file);
  } catch (err) {
    if (!TYPESCRIPT.test(file) || !NOT_IMPORTABLE.has(String((err as NodeJS.ErrnoException).code))) throw err;
    return importCompiledConfig(file);
  }
}

/** Imports the config module (its default export). Without a file, `fallback` is used. */
export async function importConfig(file: string, fallback: () => Promise<PasserelleConfig>): Promise<PasserelleConfig> {
  if (!fs.existsSync(file)) return fallback();
  const mod = (await importModule(file)) as { default?: unknown };
  const config = mod.default;
  if (!config || typeof config !== 'object' || !Array.isArray((config as PasserelleConfig).plugins)) {
    throw new PluginConfigError(path.basename(file), ['le fichier doit exporter par défaut `defineConfig({ plugins: [...] })`.']);
  }
  return config as PasserelleConfig;
}

function issuePath(issue: z.core.$ZodIssue): string {
  return issue.path.length ? issue.path.map(String).join('.') : '(les options)';
}

/** Checks every entry and option, then calls the factories in order. */
export function instantiatePlugins(config: PasserelleConfig, file: string, contextFor: (name: string) => PluginContext): PluginInstance[] {
  const shown = path.basename(file);
  const problems: string[] = [];
  const prepared: { plugin: AnyPlugin; options: unknown }[] = [];
  const seen = new Set<string>();
  config.plugins.forEach((entry: PluginEntry, index) => {
    if (!entry) return; // `condition && plugin`
    const [plugin, given] = Array.isArray(entry) ? entry : [entry, undefined];
    if (!isPlugin(plugin)) {
      problems.push(`plugins[${index}] : un plugin créé avec definePlugin() est attendu (ou [plugin, options]).`);
      return;
    }
    const name = plugin.pluginName;
    if (seen.has(name)) {
      problems.push(`plugin « ${name} » : il est listé deux fois ; gardez-en un seul.`);
      return;
    }
    seen.add(name);
    if (!plugin.optionsSchema) {
      if (given !== undefined) problems.push(`plugin « ${name} » : il n'accepte pas d'options ; retirez-les.`);
      prepared.push({ plugin, options: undefined });
      return;
    }
    // zod's own messages in French (the schema's custom messages stay as written).
    const parsed = plugin.optionsSchema.safeParse(given, { error: FRENCH.localeError });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`plugin « ${name} », option « ${issuePath(issue)} » : ${issue.message}`);
      return;
    }
    prepared.push({ plugin, options: parsed.data });
  });
  if (problems.length) throw new PluginConfigError(shown, problems);

  const instances: PluginInstance[] = [];
  for (const { plugin, options } of prepared) {
    const name = plugin.pluginName;
    let instance: PluginInstance;
    try {
      instance = (plugin as unknown as (o: unknown, c: PluginContext) => PluginInstance)(options, contextFor(name));
    } catch (err) {
      throw new PluginConfigError(shown, [`plugin « ${name} » : son initialisation a échoué : ${(err as Error).message}`]);
    }
    if (!instance || typeof instance !== 'object' || instance.name !== name) {
      throw new PluginConfigError(shown, [`plugin « ${name} » : la fonction doit renvoyer { name: '${name}', ...hooks }.`]);
    }
    instances.push(instance);
  }
  return instances;
}
