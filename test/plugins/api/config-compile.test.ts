// The plugin config is TypeScript; the compiled server runs on plain Node, which cannot
// import .ts, so plugins/api/load.ts compiles it with esbuild to a temporary .mjs beside it.
// Here that path is taken directly (vitest itself could import the .ts): the config loads
// with its plugins, nothing is left behind, and a broken file names itself.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importCompiledConfig, PluginConfigError } from '../../../plugins/api/load.ts';
import type { PasserelleConfig } from '../../../plugins/api/types.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/plugins/passerelle.config.ts');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-config-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const pluginNames = (config: PasserelleConfig) =>
  config.plugins.map((entry) => (Array.isArray(entry) ? entry[0] : entry)).map((plugin) => (plugin as { pluginName?: string }).pluginName);

describe('a TypeScript plugin config under plain Node', () => {
  it('is compiled, imported with its plugins and their options, and the temporary file removed', async () => {
    const before = fs.readdirSync(path.dirname(FIXTURE));
    const mod = (await importCompiledConfig(FIXTURE)) as { default: PasserelleConfig };
    expect(pluginNames(mod.default)).toEqual(['notifications', 'open-data', 'reseau-partenaire']);
    expect(mod.default.plugins.at(-1)).toEqual([expect.any(Function), { network: 'EPN de Wallonie', badge: 'Membre du réseau EPN' }]);
    expect(fs.readdirSync(path.dirname(FIXTURE))).toEqual(before);
  });

  it('names the file when it does not compile, and leaves nothing behind', async () => {
    const file = path.join(scratch, 'broken.config.ts');
    fs.writeFileSync(file, 'export default { plugins: [ };\n');
    const error = await importCompiledConfig(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PluginConfigError);
    expect((error as PluginConfigError).message).toMatch(
      /^broken\.config\.ts : la configuration des plugins n'est pas valide \(1 problème\(s\)\) :\n {2}- le fichier ne se compile pas : /,
    );
    expect(fs.readdirSync(scratch)).toEqual(['broken.config.ts']);
  });
});
