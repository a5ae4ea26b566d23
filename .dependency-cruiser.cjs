// The layers of Passerelle, checked on every import (npm run lint, CI): arrows only point
// down, and nothing imports the tests.
//
//   scripts/  →  api/  →  site/  →  plugins/  →  core/
//
// core/ is the ground floor (the model, hours, URLs, messages, wire types): it imports
// nothing of ours. api/ reaches the site only through site/directory/index.ts (the narrow
// renderer the publish pipeline uses) and site/reach/index.ts (the light reach pages). Root config files (docusaurus.config.ts,
// passerelle.config.ts) sit at the site's level.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-cycles', comment: 'A cycle makes a layer impossible to read or test alone.', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'core-imports-nothing-of-ours',
      comment: 'core/ is framework-free and imports only core/.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: '^(api|site|plugins|scripts|test)/|^[^/]+\\.config\\.ts$' },
    },
    {
      name: 'plugins-stand-on-core',
      comment: 'plugins/ may import core/ only (never the site, the API or the scripts).',
      severity: 'error',
      from: { path: '^plugins/' },
      to: { path: '^(api|site|scripts|test)/' },
    },
    {
      name: 'site-stands-on-plugins-and-core',
      comment: 'site/ may import plugins/ and core/ (the API answers it over HTTP, with core/wire types).',
      severity: 'error',
      from: { path: '^site/' },
      to: { path: '^(api|scripts|test)/' },
    },
    {
      name: 'api-reaches-the-site-through-its-renderer',
      comment: 'api/ uses the site only through its renderers: site/directory/index.ts and site/reach/index.ts.',
      severity: 'error',
      from: { path: '^api/' },
      to: { path: '^site/', pathNot: '^site/(directory|reach)/index\\.ts$' },
    },
    {
      name: 'api-does-not-import-scripts',
      severity: 'error',
      from: { path: '^api/' },
      to: { path: '^(scripts|test)/' },
    },
    {
      name: 'no-test-code-in-source',
      comment: 'Source never imports test/ (fixtures and helpers are for tests).',
      severity: 'error',
      from: { pathNot: '^test/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|build|\\.docusaurus|dist|\\.data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    combinedDependencies: false,
  },
};
