// The layer rule (.dependency-cruiser.cjs) catches forbidden imports: run on a small tree
// that breaks it on purpose, then on the repository, which must have none.
import { createRequire } from 'node:module';
import path from 'node:path';
import { cruise, type IConfiguration } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const config = createRequire(import.meta.url)(path.join(root, '.dependency-cruiser.cjs')) as IConfiguration;

async function violations(baseDir: string, files: string[]): Promise<string[]> {
  const result = await cruise(files, { ruleSet: config, validate: true, baseDir, tsPreCompilationDeps: true, doNotFollow: { path: 'node_modules' } });
  const output = result.output as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
  return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

describe('the layer rule', () => {
  it('catches imports that point up, past the renderer, or into the tests', async () => {
    const found = await violations(path.join(import.meta.dirname, 'fixtures/layers'), ['core', 'api', 'site', 'plugins']);
    expect(found).toEqual([
      'api-reaches-the-site-through-its-renderer: api/handler.ts → site/theme/card.ts',
      'core-imports-nothing-of-ours: core/model.ts → api/handler.ts',
      'no-test-code-in-source: site/theme/card.ts → test/helper.ts',
      'site-stands-on-plugins-and-core: site/theme/card.ts → test/helper.ts',
    ]);
  });

  it('finds nothing in the repository', async () => {
    expect(await violations(root, ['core', 'api', 'site', 'plugins', 'scripts', 'docusaurus.config.ts', 'passerelle.config.ts'])).toEqual([]);
  }, 120_000);
});
