// /annuaire: the way in. The search form (enhanced by the page's script) and, without
// JavaScript too, every commune (and Charleroi's sections) with how many places it has,
// each a link to its list. The page stays small whatever the number of listings.
import type React from 'react';
import { sitePaths } from '../../../core/urls.ts';
import SearchForm, { type SearchFormProps } from './SearchForm.tsx';

export interface AreaLink {
  name: string;
  url: string;
  count: number;
  sections?: AreaLink[];
}

export default function DirectoryEntry({ communes, total, search }: { communes: AreaLink[]; total: number; search?: SearchFormProps }): React.JSX.Element {
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
      <p>{total} lieux et activités pour vous aider avec le numérique. Choisissez votre commune pour voir ses lieux, ou cherchez.</p>
      {search && <SearchForm {...search} />}
      <div id="annuaire-statique">
        <nav aria-labelledby="communes-titre">
          <h2 id="communes-titre">Les communes</h2>
          <ul className="annuaire__communes">
            {communes.map((c) => (
              <li key={c.url}>
                <a href={c.url}>
                  {c.name} ({c.count})
                </a>
                {c.sections && c.sections.length > 0 && (
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
