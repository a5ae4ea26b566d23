// The local theme: our own components (home entry points, directory pieces) live in
// site/theme and are importable as `@theme/…`, like any Docusaurus theme's.
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { glossaryFile } from '../../core/model/glossary.ts';
import { ROOT_DIR, resolvePaths } from '../../core/model/paths.ts';

export default function themePasserelle(context: LoadContext): Plugin {
  return {
    name: 'passerelle-theme',
    getThemePath: () => path.join(ROOT_DIR, 'site/theme'),
    getTypeScriptThemePath: () => path.join(ROOT_DIR, 'site/theme'),
    // Our package.json says "type": "module", so webpack would parse Docusaurus'
    // generated registry as strict ESM and leave its `require.resolveWeak` calls raw,
    // which breaks server-side rendering. Those generated files are CommonJS-flavoured.
    configureWebpack: () => ({
      // Webpack's persistent cache keys Markdown output on the file alone; our remark
      // plugins and the glossary change that output too, so they invalidate the cache.
      cache: {
        type: 'filesystem',
        buildDependencies: { passerelle: [`${path.join(ROOT_DIR, 'core')}/`, `${path.join(ROOT_DIR, 'plugins')}/`, glossaryFile(resolvePaths().content)] },
      },
      module: {
        rules: [{ test: /\.js$/, include: [context.generatedFilesDir], type: 'javascript/auto' }],
      },
    }),
  };
}
