// What the API may use of the site: the directory renderer (everything after a build, or
// what one change touches), plain pages in the site's shell, and the search pages answered
// by the server. Everything else in site/ is the site's own.
export { type PlainPage, renderPlainPage } from './plain-page.ts';
export { createDirectoryRenderer, type DirectoryRenderer, type RenderOptions, renderDirectory, renderOne } from './render-directory.tsx';
export {
  asksSearch,
  renderDirectorySearchPage,
  renderSiteSearchPage,
  type SearchOutcome,
  searchStateOf,
  serviceQueryOf,
} from './search-page.tsx';
export { templateFile } from './shell.ts';
