// What the API may use of the site: the directory renderer (everything after a build, or
// what one change touches) and plain pages in the site's shell. Everything else in site/
// is the site's own.
export { type PlainPage, renderPlainPage } from './plain-page.ts';
export { createDirectoryRenderer, type DirectoryRenderer, type RenderOptions, renderDirectory, renderOne } from './render-directory.tsx';
export { templateFile } from './shell.ts';
