// /annuaire: the way in. The search form (a plain form to /annuaire/recherche, enhanced by
// the page's script), the kinds of places (each a search by kind, answered by the server
// without JavaScript too), and every commune (and Charleroi's sections) with how many
// places it has, each a link to its list. The page stays small whatever the number of listings.
import type React from 'react';
import { sitePaths } from '../../../core/urls.ts';
import DemoSiteNotice from './DemoSiteNotice.tsx';
import SearchForm, { type SearchFormProps } from './SearchForm.tsx';

export interface AreaLink {
  name: string;
  url: string;
  count: number;
  sections?: AreaLink[];
}

/** A kind of place, in plain words, with how many there are and the search that lists them. */
export interface KindLink {
  label: string;
  description: string;
  url: string;
  count: number;
}

export default function DirectoryEntry({
  communes,
  total,
  search,
  kinds = [],
}: {
  communes: AreaLink[];
  total: number;
  search?: SearchFormProps;
  kinds?: KindLink[];
}): React.JSX.Element {
  return (
    <div className="annuaire-liste">
      <nav className="annuaire__fil" aria-label="Fil d'Ariane">
        <ol>
          <li>
            <a href={sitePaths.home}>Accueil</a>
          </li>
          <li>
            <span aria-current="page">Annuaire</span>
          </li>
        </ol>
      </nav>
      <h1>Trouver de l'aide près de chez moi</h1>
      <DemoSiteNotice />
      <p>{total} lieux et activités pour vous aider avec le numérique. Choisissez votre commune pour voir ses lieux, ou cherchez.</p>
      {search && <SearchForm {...search} />}
      <div id="annuaire-statique">
        {kinds.length > 0 && (
          <nav aria-labelledby="types-titre">
            <h2 id="types-titre">Les types de lieux</h2>
            <ul className="annuaire__types">
              {kinds.map((k) => (
                <li key={k.url}>
                  <a href={k.url}>
                    {k.label} ({k.count})
                  </a>
                  {k.description && <span className="annuaire__type-description">{k.description}</span>}
                </li>
              ))}
            </ul>
          </nav>
        )}
        <nav aria-labelledby="communes-titre">
          <h2 id="communes-titre">Les communes</h2>
          <ul className="annuaire__communes">
            {communes.map((c) => (
              <li key={c.url}>
                <a href={c.url}>
                  {c.name} ({c.count})
                </a>
                {/* Not « Chimay (1) » under « Chimay (1) »: a lone section named like its commune says nothing. */}
                {c.sections && (c.sections.length > 1 || (c.sections.length === 1 && c.sections[0]?.name !== c.name)) && (
                  <ul className="annuaire__sections">
                    {c.sections.map((s) => (
                      <li key={s.url}>
                        <a href={s.url}>
                          {s.name} ({s.count})
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </div>
  );
}
