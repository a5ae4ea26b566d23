// The directory's search results as the server renders them (/annuaire/recherche, without
// JavaScript): the same markup the search script builds in the browser (search-view.ts
// renderHit), so the page looks and reads the same whichever made it, and pages as links.
import type React from 'react';
import type { SearchHit } from '../../../core/wire/search.ts';
import { hitFacts, hitState } from '../../directory/client/search-text.ts';

export function ResultItem({ hit }: { hit: SearchHit }): React.JSX.Element {
  const state = hitState(hit);
  return (
    <li className="annuaire__resultat">
      <h3>
        <a href={hit.url}>{hit.name}</a>
      </h3>
      <p>{hitFacts(hit)}</p>
      {(state.badge || state.today) && (
        <p>
          {state.badge && <span className={state.badge.className}>{state.badge.text}</span>}
          {state.badge && state.today ? ' ' : null}
          {state.today ?? null}
        </p>
      )}
      {hit.closure && <p>{hit.closure}</p>}
      <p>{hit.summary}</p>
      {hit.demo && <p className="recherche__demo">Données de démonstration : informations non vérifiées.</p>}
    </li>
  );
}

export interface PageLinks {
  label: string;
  previous?: string;
  next?: string;
}

/** « Résultats précédents · Page 2 sur 5 · Résultats suivants », as links. */
export function PageNav({ pages }: { pages: PageLinks | undefined }): React.JSX.Element {
  return (
    <nav id="recherche-pages" className="recherche__pages" aria-label="Pages de résultats" hidden={!pages}>
      {pages?.previous && (
        <a className="button button--secondary" href={pages.previous}>
          Résultats précédents
        </a>
      )}
      {pages && <span>{pages.label}</span>}
      {pages?.next && (
        <a className="button button--secondary" href={pages.next}>
          Résultats suivants
        </a>
      )}
    </nav>
  );
}
