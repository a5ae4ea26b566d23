// What the API may use of the site: the directory renderer (everything after a build, or
// what one change touches), plain pages in the site's shell, a listing's view (the
// moderators' preview of a proposal) and the pages the server renders for the proposal
// form, the tracking page and the search. Everything else in site/ is the site's own.

export { type ProposalInitial, RESUBMIT_PATH, renderMessagePage, renderProposalPage, renderTrackingPage } from '../theme/ProposalForm/server.tsx';
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
export { type InitiativeView, toView } from './view-model.ts';
