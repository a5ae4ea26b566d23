// The directory's search form, rendered on the server and hidden until the search script
// reveals it (without JavaScript the list by commune below is the directory). Filter
// choices come from the vocabularies; the script keeps those the results have, with counts.
import type React from 'react';
import { sitePaths } from '../../../core/urls.ts';

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
}

function Select({ name, label, all, choices }: { name: string; label: string; all: string; choices: Choice[] }): React.JSX.Element {
  return (
    <div className="recherche__champ">
      <label htmlFor={`filtre-${name}`}>{label}</label>
      <select id={`filtre-${name}`} name={name} defaultValue="">
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

export default function SearchForm({ kinds, services, publics, communes, tiles }: SearchFormProps): React.JSX.Element {
  return (
    <div id="recherche" className="recherche" data-tiles={tiles} hidden>
      <form id="recherche-form" role="search" aria-label="Chercher un lieu d'aide" action={sitePaths.directory} method="get">
        <div className="recherche__ligne">
          <div className="recherche__champ">
            <label htmlFor="recherche-q">Que cherchez-vous ?</label>
            <input id="recherche-q" name="q" type="search" autoComplete="off" placeholder="Par exemple : wifi, impôts, itsme" maxLength={200} />
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
              aria-describedby="recherche-near-aide"
            />
            <p id="recherche-near-aide" className="recherche__aide">
              Ou bien :{' '}
              <button type="button" id="recherche-autour" className="button button--secondary button--sm">
                Autour de moi
              </button>
            </p>
          </div>
        </div>
        <input type="hidden" name="lat" id="recherche-lat" />
        <input type="hidden" name="lng" id="recherche-lng" />
        <fieldset className="recherche__filtres">
          <legend>Affiner</legend>
          <div className="recherche__case">
            <input id="recherche-ouvert" name="openNow" type="checkbox" value="true" />
            <label htmlFor="recherche-ouvert">Ouvert maintenant</label>
          </div>
          <details id="recherche-plus" className="recherche__plus">
            <summary>Plus de choix : type de lieu, aide, public{communes ? ', commune' : ''}</summary>
            <div className="recherche__grille">
              <Select name="kind" label="Type de lieu" all="Tous les types" choices={kinds} />
              <Select name="service" label="Aide proposée" all="Toutes les aides" choices={services} />
              <Select name="public" label="Pour qui" all="Pour tout le monde" choices={publics} />
              {communes && <Select name="commune" label="Commune" all="Toutes les communes" choices={communes} />}
            </div>
          </details>
        </fieldset>
        <div className="recherche__actions">
          <button type="submit" className="button button--primary">
            Chercher
          </button>
          <button type="reset" id="recherche-effacer" className="button button--link">
            Tout effacer
          </button>
        </div>
      </form>
      <p id="recherche-etat" className="recherche__etat" role="status" aria-live="polite"></p>
      <div id="recherche-vue" className="recherche__vue" role="group" aria-label="Affichage des résultats" hidden>
        <button type="button" id="vue-liste" className="button button--secondary" aria-pressed="true">
          Liste
        </button>
        <button type="button" id="vue-carte" className="button button--secondary" aria-pressed="false">
          Carte
        </button>
      </div>
      <section id="recherche-resultats" aria-labelledby="recherche-resultats-titre" hidden>
        <h2 id="recherche-resultats-titre" tabIndex={-1}>
          Résultats
        </h2>
        <ol id="recherche-liste" className="annuaire__resultats"></ol>
        <div id="recherche-carte" className="recherche__carte" role="region" aria-label="Carte des lieux trouvés" hidden></div>
        <nav id="recherche-pages" className="recherche__pages" aria-label="Pages de résultats"></nav>
      </section>
    </div>
  );
}
