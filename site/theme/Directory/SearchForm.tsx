// The directory's search form and its results area, rendered on the server. Without
// JavaScript it is a plain GET form to /annuaire/recherche, where the server answers with
// this same form filled in and its results (SearchResults.tsx); the search script enhances
// it in place (results without reloading, the map, « Autour de moi », which it reveals).
// Filter choices come from the vocabularies; after a search, only those the results have,
// with their counts (the same rule as the script: search-text.ts facetOptions).
import type React from 'react';
import { sitePaths } from '../../../core/urls.ts';
import type { SearchHit } from '../../../core/wire/search.ts';
import { type PageLinks, PageNav, ResultItem } from './SearchResults.tsx';

export interface Choice {
  value: string;
  label: string;
}

export interface SearchFormProps {
  kinds: Choice[];
  services: Choice[];
  publics: Choice[];
  /** Optional so older callers keep working; without it there is no commune filter. */
  communes?: Choice[];
  tiles: string;
  /** The search being shown (/annuaire/recherche): the form filled in, its results below. */
  current?: CurrentSearch;
}

/** A search the server answered: what was asked, and what to show. */
export interface CurrentSearch {
  values: { q: string; near: string; lat: string; lng: string; openNow: boolean; kind: string; service: string; public: string; commune: string };
  /** The status line (what was found, near what; or what went wrong). */
  status: string;
  /** The place box holds a place we do not know. */
  nearInvalid?: boolean;
  hits: SearchHit[];
  pages?: PageLinks;
  /** The search as the script would send it to /api/search: it then has nothing to fetch. */
  apiQuery?: string;
  /** « Ou vouliez-vous dire … » links for a shared postcode. */
  alternatives?: { label: string; url: string }[];
  /** Nothing found with filters on: the same search without them. */
  withoutFilters?: string;
}

function Select({ name, label, all, choices, value = '' }: { name: string; label: string; all: string; choices: Choice[]; value?: string }): React.JSX.Element {
  return (
    <div className="recherche__champ">
      <label htmlFor={`filtre-${name}`}>{label}</label>
      <select id={`filtre-${name}`} name={name} defaultValue={value}>
        <option value="">{all}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export default function SearchForm({ kinds, services, publics, communes, tiles, current }: SearchFormProps): React.JSX.Element {
  const v = current?.values;
  const filtered = Boolean(v && (v.kind || v.service || v.public || v.commune));
  return (
    <div id="recherche" className="recherche" data-tiles={tiles} {...(current?.apiQuery ? { 'data-requete': current.apiQuery } : {})}>
      <form id="recherche-form" role="search" aria-label="Chercher un lieu d'aide" action={sitePaths.directorySearch} method="get">
        <div className="recherche__ligne">
          <div className="recherche__champ">
            <label htmlFor="recherche-q">Que cherchez-vous ?</label>
            <input
              id="recherche-q"
              name="q"
              type="search"
              autoComplete="off"
              placeholder="Par exemple : wifi, impôts, itsme"
              maxLength={200}
              defaultValue={v?.q ?? ''}
            />
          </div>
          <div className="recherche__champ">
            <label htmlFor="recherche-near">Où ? (code postal ou commune)</label>
            <input
              id="recherche-near"
              name="near"
              type="text"
              autoComplete="postal-code"
              placeholder="Par exemple : 6000 ou Marcinelle"
              maxLength={100}
              defaultValue={v?.near ?? ''}
              aria-describedby="recherche-near-aide"
              {...(current?.nearInvalid ? { 'aria-invalid': true } : {})}
            />
            <p id="recherche-near-aide" className="recherche__aide" hidden>
              Ou bien :{' '}
              <button type="button" id="recherche-autour" className="button button--secondary button--sm">
                Autour de moi
              </button>
            </p>
          </div>
        </div>
        <input type="hidden" name="lat" id="recherche-lat" defaultValue={v?.lat ?? ''} />
        <input type="hidden" name="lng" id="recherche-lng" defaultValue={v?.lng ?? ''} />
        <fieldset className="recherche__filtres">
          <legend>Affiner</legend>
          <div className="recherche__case">
            <input id="recherche-ouvert" name="openNow" type="checkbox" value="true" defaultChecked={v?.openNow ?? false} />
            <label htmlFor="recherche-ouvert">Ouvert maintenant</label>
          </div>
          <details id="recherche-plus" className="recherche__plus" open={filtered}>
            <summary>Plus de choix : type de lieu, aide, public{communes ? ', commune' : ''}</summary>
            <div className="recherche__grille">
              <Select name="kind" label="Type de lieu" all="Tous les types" choices={kinds} value={v?.kind} />
              <Select name="service" label="Aide proposée" all="Toutes les aides" choices={services} value={v?.service} />
              <Select name="public" label="Pour qui" all="Pour tout le monde" choices={publics} value={v?.public} />
              {communes && <Select name="commune" label="Commune" all="Toutes les communes" choices={communes} value={v?.commune} />}
            </div>
          </details>
        </fieldset>
        <div className="recherche__actions">
          <button type="submit" className="button button--primary">
            Chercher
          </button>
          {current ? (
            // A reset button would bring back this search's own values: without JavaScript, go back to the start.
            <a id="recherche-effacer" className="button button--link" href={sitePaths.directory}>
              Tout effacer
            </a>
          ) : (
            <button type="reset" id="recherche-effacer" className="button button--link">
              Tout effacer
            </button>
          )}
        </div>
      </form>
      <p id="recherche-etat" className="recherche__etat" role="status" aria-live="polite">
        {current?.status}
      </p>
      {current?.alternatives && current.alternatives.length > 0 && (
        <p className="recherche__autres-lieux">
          Ou vouliez-vous dire :{' '}
          {current.alternatives.map((a, n) => (
            <span key={a.url}>
              {n > 0 && ', '}
              <a href={a.url}>{a.label}</a>
            </span>
          ))}{' '}
          ?
        </p>
      )}
      {current?.withoutFilters && (
        <p className="recherche__vide">
          <a className="button button--secondary" href={current.withoutFilters}>
            Voir sans les filtres
          </a>
        </p>
      )}
      <div id="recherche-vue" className="recherche__vue" role="group" aria-label="Affichage des résultats" hidden>
        <button type="button" id="vue-liste" className="button button--secondary" aria-pressed="true">
          Liste
        </button>
        <button type="button" id="vue-carte" className="button button--secondary" aria-pressed="false">
          Carte
        </button>
      </div>
      <section id="recherche-resultats" aria-labelledby="recherche-resultats-titre" hidden={!current || current.hits.length === 0}>
        <h2 id="recherche-resultats-titre" tabIndex={-1}>
          Résultats
        </h2>
        <ol id="recherche-liste" className="annuaire__resultats">
          {current?.hits.map((hit) => (
            <ResultItem key={hit.id} hit={hit} />
          ))}
        </ol>
        <div id="recherche-carte" className="recherche__carte" role="region" aria-label="Carte des lieux trouvés" hidden></div>
        <PageNav pages={current?.pages} />
      </section>
    </div>
  );
}
