// The light pages besides the directory's: the home page and the 404 page, rendered in
// the site's shell like the directory pages (no Docusaurus runtime: the shell's menu is a
// <details>, the search box a plain form), over what Docusaurus built at the same paths.
// Why: the home page is a citizen's first page, often on a cheap phone and a slow network;
// as a Docusaurus page it cost 550 KB of JavaScript for three links.
import path from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { escapeHtml } from '../../core/html.ts';
import type { Initiative } from '../../core/model/index.ts';
import { sitePaths } from '../../core/urls.ts';
import { type SiteFacts, SiteFactsContext } from '../theme/Directory/SiteFacts.tsx';
import Home from '../theme/Home/index.tsx';
import { NotFoundBody } from '../theme/NotFound/Content/index.tsx';
import type { Shell } from './shell.ts';

export const homePageFile = (buildDir: string) => path.join(buildDir, 'index.html');
export const notFoundPageFile = (buildDir: string) => path.join(buildDir, '404.html');

/** How many active listings, and how many of them are sample data. */
export function siteFactsOf(active: Iterable<Initiative>): SiteFacts {
  let listings = 0;
  let demoListings = 0;
  for (const i of active) {
    listings++;
    if (i.source.origin === 'demo') demoListings++;
  }
  return { listings, demoListings };
}

export function renderHomeHtml(shell: Shell, facts: SiteFacts): string {
  return shell.fill({
    title: 'Accueil',
    description: escapeHtml(
      "Trouver de l'aide pour le numérique près de chez vous, suivre un guide pas à pas, se former comme aidant numérique, à Charleroi Métropole.",
    ),
    path: sitePaths.home,
    head: '',
    body: renderToStaticMarkup(
      <SiteFactsContext.Provider value={facts}>
        <Home />
      </SiteFactsContext.Provider>,
    ),
  });
}

export function renderNotFoundHtml(shell: Shell): string {
  return shell.fill({
    title: 'Page introuvable',
    description: escapeHtml("Cette page n'existe pas. Cherchez sur le site, ou choisissez une entrée."),
    path: '/404',
    head: '<meta name="robots" content="noindex">',
    body: renderToStaticMarkup(<NotFoundBody />),
  });
}
