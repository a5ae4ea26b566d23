// The search pages the server renders, so search works without JavaScript: the directory's
// /annuaire/recherche (the form filled in, the results with their facts, today's hours,
// open now, distance, filters with counts, pages as links; the search script enhances the
// same markup) and the site-wide /recherche (guides and places, the markup of
// site/pages/recherche.tsx). Both in the site's shell; words from search-text.ts, as the
// script says them.
import fs from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { escapeHtml } from '../../core/html.ts';
import type { ContentModel } from '../../core/model/index.ts';
import { tileUrl } from '../../core/tiles.ts';
import { sitePaths } from '../../core/urls.ts';
import type { DocHit, SearchHit, SearchResult } from '../../core/wire/search.ts';
import SearchForm, { type CurrentSearch, type SearchFormProps } from '../theme/Directory/SearchForm.tsx';
import GuideList from '../theme/SiteSearch/GuideList.tsx';
import { apiQuery, type Filter, hasSearch, readState, urlOf, withoutFilters, withPage } from './client/search-state.ts';
import { facetOptions, offersWithoutFilters, pagesOf, summary } from './client/search-text.ts';
import { SEARCH_SCRIPT } from './render-directory.tsx';
import { loadShell, type Shell, templateFile } from './shell.ts';

let cached: { file: string; mtime: number; shell: Shell } | undefined;

/** The site's shell, read again only when the build changed it; undefined without a build. */
function shellOf(buildDir: string | undefined): Shell | undefined {
  if (!buildDir) return undefined;
  try {
    const file = templateFile(buildDir);
    const mtime = fs.statSync(file).mtimeMs;
    if (cached?.file !== file || cached.mtime !== mtime) cached = { file, mtime, shell: loadShell(buildDir) };
    return cached.shell;
  } catch {
    return undefined;
  }
}

function page(buildDir: string | undefined, title: string, path: string, body: string): string {
  const shell = shellOf(buildDir);
  if (!shell)
    return `<!doctype html><html lang="fr-BE"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main>${body}</main></body></html>`;
  return shell.fill({ title: escapeHtml(title), description: escapeHtml(title), path, head: '<meta name="robots" content="noindex">', body });
}

/** What a search by the server came to. */
export type SearchOutcome =
  | { kind: 'results'; result: SearchResult }
  /** A 400: what to fix, in plain French (an unknown place marks the place box). */
  | { kind: 'refused'; message: string; nearInvalid: boolean }
  | { kind: 'unavailable'; message: string };

const choices = (model: ContentModel) => {
  const v = model.vocabularies;
  const of = (name: 'kinds' | 'services' | 'publics') => v[name].map((t) => ({ value: t.slug, label: t.label }));
  return {
    kind: of('kinds'),
    service: of('services'),
    public: of('publics'),
    commune: model.territory.communes.map((c) => ({ value: c.slug, label: c.name })),
  };
};

/** /annuaire/recherche?…: the directory's search answered by the server. */
export function renderDirectorySearchPage(buildDir: string | undefined, model: ContentModel, state: URLSearchParams, outcome: SearchOutcome): string {
  const all = choices(model);
  const result = outcome.kind === 'results' ? outcome.result : undefined;
  const options = (name: Filter) => facetOptions(all[name], result ? (result.facets[name] ?? []) : null, state.get(name) ?? '');
  const values = {
    q: state.get('q') ?? '',
    near: state.get('near') ?? '',
    lat: state.get('lat') ?? '',
    lng: state.get('lng') ?? '',
    openNow: state.get('openNow') === 'true',
    kind: state.get('kind') ?? '',
    service: state.get('service') ?? '',
    public: state.get('public') ?? '',
    commune: state.get('commune') ?? '',
  };
  let current: CurrentSearch;
  if (result) {
    const pages = pagesOf(result);
    const link = (n: number) => urlOf(sitePaths.directorySearch, withPage(state, n));
    current = {
      values,
      status: summary(result, state, 'list'),
      hits: result.hits,
      apiQuery: apiQuery(state),
      ...(offersWithoutFilters(result, state) ? { withoutFilters: urlOf(sitePaths.directorySearch, withoutFilters(state)) } : {}),
      ...(pages.last > 1
        ? { pages: { label: pages.label, ...(pages.previous ? { previous: link(pages.previous) } : {}), ...(pages.next ? { next: link(pages.next) } : {}) } }
        : {}),
      ...(result.near?.alternatives?.length
        ? {
            alternatives: result.near.alternatives.map((name) => {
              const other = new URLSearchParams(state);
              other.set('near', name);
              other.delete('page');
              return { label: name, url: urlOf(sitePaths.directorySearch, other) };
            }),
          }
        : {}),
    };
  } else if (outcome.kind !== 'results') {
    // A refused search is final (the script would be refused the same): it fetches nothing again.
    // After an outage it does try again.
    const refused = outcome.kind === 'refused';
    current = { values, status: outcome.message, hits: [], nearInvalid: refused && outcome.nearInvalid, ...(refused ? { apiQuery: apiQuery(state) } : {}) };
  } else current = { values, status: '', hits: [] };
  const form: SearchFormProps = {
    kinds: options('kind'),
    services: options('service'),
    publics: options('public'),
    communes: options('commune'),
    tiles: tileUrl(),
    current,
  };
  const what = values.q || values.near || (values.lat ? 'autour de moi' : '') || 'tous les lieux';
  const body = renderToStaticMarkup(
    <div className="annuaire-liste">
      <nav className="annuaire__fil" aria-label="Fil d'Ariane">
        <ol>
          <li>
            <a href={sitePaths.home}>Accueil</a>
          </li>
          <li>
            <a href={sitePaths.directory}>Annuaire</a>
          </li>
          <li>
            <span aria-current="page">Recherche</span>
          </li>
        </ol>
      </nav>
      <h1>Trouver de l'aide près de chez moi</h1>
      <SearchForm {...form} />
      <p className="recherche__retour">
        <a href={sitePaths.directory}>Voir tous les lieux, par commune</a>
      </p>
    </div>,
  );
  return page(buildDir, `Recherche : ${what} — Annuaire`, sitePaths.directorySearch, `${body}<script type="module" src="${SEARCH_SCRIPT}"></script>`);
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

function PlaceList({ hits, q }: { hits: SearchHit[]; q: string }) {
  if (!hits.length) return <p>Aucun lieu ne correspond à « {q} ».</p>;
  return (
    <ul className="annuaire__resultats">
      {hits.map((h) => (
        <li key={h.id} className="annuaire__resultat">
          <h3>
            <a href={h.url}>{h.name}</a>
          </h3>
          <p>
            {h.kindLabel} · {h.address.postcode} {h.address.locality}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** /recherche?q=…: guides, curriculum and places, answered by the server (the navbar's search without JavaScript). */
export function renderSiteSearchPage(buildDir: string | undefined, q: string, outcome: SearchOutcome): string {
  const result = outcome.kind === 'results' ? outcome.result : undefined;
  const docs = result?.docs ?? [];
  const hits = result?.hits ?? [];
  const found = Boolean(result && (docs.length || hits.length));
  const status = !result
    ? outcome.kind === 'results'
      ? ''
      : outcome.message
    : found
      ? `Trouvé : ${plural(docs.length, 'page de guide ou de formation', 'pages de guides ou de formation')} et ${plural(result.total, 'lieu', 'lieux')}.`
      : `Rien trouvé pour « ${q} ». Essayez un autre mot, plus court, ou vérifiez l'orthographe.`;
  const directoryLink = `${sitePaths.directorySearch}?${new URLSearchParams({ q })}`;
  const body = renderToStaticMarkup(
    <div className="container margin-vert--lg">
      <h1>Résultats pour « {q} »</h1>
      <form role="search" action={sitePaths.siteSearch} method="get" className="recherche-page">
        <label htmlFor="recherche-page-q">Que cherchez-vous ?</label>
        <input id="recherche-page-q" name="q" type="search" defaultValue={q} maxLength={200} enterKeyHint="search" />
        <button type="submit" className="button button--primary">
          Chercher
        </button>
      </form>
      <p role="status" aria-live="polite" className="recherche__etat">
        {status}
      </p>
      {result && found && (
        <>
          <section aria-labelledby="resultats-guides">
            <h2 id="resultats-guides">Guides et formation</h2>
            <GuideList docs={docs} q={q} />
          </section>
          <section aria-labelledby="resultats-lieux">
            <h2 id="resultats-lieux">Lieux</h2>
            <PlaceList hits={hits} q={q} />
            <p className="resultats-site__lien-annuaire">
              {hits.length ? (
                <a href={directoryLink}>
                  {result.total > hits.length ? `Voir les ${result.total} lieux dans l'annuaire` : "Voir ces lieux dans l'annuaire"}, avec la carte et les
                  filtres
                </a>
              ) : (
                <a href={sitePaths.directory}>Voir tous les lieux, par commune</a>
              )}
            </p>
          </section>
        </>
      )}
    </div>,
  );
  return page(buildDir, `Recherche : ${q}`, sitePaths.siteSearch, body);
}

/** The search a query string asks for: known, non-empty parameters only (a form sends empty ones). */
export function searchStateOf(query: string): URLSearchParams {
  return readState(query);
}

/** Whether a state asks for a search at all (the page or view alone do not). */
export const asksSearch = hasSearch;

/** The state as /api/search's service reads a query (repeated parameters as lists; `view` dropped). */
export function serviceQueryOf(state: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  new URLSearchParams(apiQuery(state)).forEach((value, key) => {
    const before = out[key];
    out[key] = before === undefined ? value : Array.isArray(before) ? [...before, value] : [before, value];
  });
  return out;
}
