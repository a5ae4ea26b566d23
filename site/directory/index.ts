// What the API may use of the site: the directory renderer (whole, or one listing after a
// change) and plain pages in the site's shell. Everything else in site/ is the site's own.
export { type PlainPage, renderPlainPage } from './plain-page.ts';
export { type RenderOptions, renderDirectory, renderOne } from './render-directory.tsx';
export { templateFile } from './shell.ts';
