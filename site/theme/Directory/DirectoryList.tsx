// /annuaire without JavaScript: every active initiative, grouped by commune (and by
// section for communes that have several), with links to each page.
import type React from 'react';
import { sitePaths } from '../../../core/urls.ts';
import SearchForm, { type SearchFormProps } from './SearchForm.tsx';

export interface ListEntry {
  id: string;
  url: string;
  name: string;
  kindLabel: string;
  locality: string;
  summary: string;
  demo: boolean;
}

export interface ListGroup {
  slug: string;
  name: string;
  sections: { name: string; postcode: string; entries: ListEntry[] }[];
  count: number;
}

export default function DirectoryList({ groups, total, search }: { groups: ListGroup[]; total: number; search?: SearchFormProps }): React.JSX.Element {
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
      <p>
        {total} lieux et activités pour vous aider avec le numérique, classés par commune. Choisissez votre commune, puis un lieu pour voir ses horaires et son
        adresse.
      </p>
      {search && <SearchForm {...search} />}
      <div id="annuaire-statique">
        <nav aria-labelledby="communes-titre">
          <h2 id="communes-titre">Les communes</h2>
          <ul className="annuaire__communes">
            {groups.map((g) => (
              <li key={g.slug}>
                <a href={`#commune-${g.slug}`}>
                  {g.name} ({g.count})
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {groups.map((g) => (
          <section key={g.slug} aria-labelledby={`commune-${g.slug}`}>
            <h2 id={`commune-${g.slug}`}>{g.name}</h2>
            {g.sections.map((s) => (
              <section key={`${s.postcode}-${s.name}`} aria-label={`${s.postcode} ${s.name}`}>
                {g.sections.length > 1 && (
                  <h3>
                    {s.postcode} {s.name}
                  </h3>
                )}
                <ul className="annuaire__resultats">
                  {s.entries.map((e) => (
                    <li key={e.id} className="annuaire__resultat">
                      <h4>
                        <a href={e.url}>{e.name}</a>
                      </h4>
                      <p>
                        <span className="badge-type">{e.kindLabel}</span> · {e.locality}
                        {e.demo && ' · données de démonstration'}
                      </p>
                      <p>{e.summary}</p>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </section>
        ))}
      </div>
    </div>
  );
}
