// The list of one commune or section, one page of it: its places by kind, links to the
// commune's sections, and links to every other page of the list (so any listing is at
// most three clicks from /annuaire). Works without JavaScript.
import type React from 'react';
import { sitePaths } from '../../../core/urls.ts';
import ListEntry, { type ListEntryView } from './ListEntry.tsx';

export interface AreaListProps {
  title: string;
  /** The commune above a section (breadcrumb). */
  parent?: { name: string; url: string };
  total: number;
  page: number;
  pages: { number: number; url: string }[];
  groups: { kindLabel: string; entries: ListEntryView[] }[];
  sections?: { name: string; url: string; count: number }[];
}

export default function AreaList({ title, parent, total, page, pages, groups, sections }: AreaListProps): React.JSX.Element {
  return (
    <div className="annuaire-liste">
      <nav className="annuaire__fil" aria-label="Fil d'Ariane">
        <ol>
          <li>
            <a href={sitePaths.home}>Accueil</a>
          </li>
          <li>
            <a href={sitePaths.directory}>Annuaire</a>
          </li>
          {parent && (
            <li>
              <a href={parent.url}>{parent.name}</a>
            </li>
          )}
          <li>
            <span aria-current="page">{title}</span>
          </li>
        </ol>
      </nav>
      <h1>Aide numérique : {title}</h1>
      <p>
        {total === 0
          ? 'Aucun lieu pour le moment.'
          : `${total} ${total === 1 ? 'lieu ou activité' : 'lieux et activités'}${pages.length > 1 ? ` — page ${page} sur ${pages.length}` : ''}.`}
      </p>
      {sections && (sections.length > 1 || (sections.length === 1 && sections[0]?.name !== title)) && (
        <nav aria-labelledby="sections-titre">
          <h2 id="sections-titre">Par quartier</h2>
          <ul className="annuaire__sections">
            {sections.map((s) => (
              <li key={s.url}>
                <a href={s.url}>
                  {s.name} ({s.count})
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {groups.map((g) => (
        <section key={g.kindLabel} aria-label={g.kindLabel}>
          <h2>{g.kindLabel}</h2>
          <ul className="annuaire__resultats">
            {g.entries.map((e) => (
              <ListEntry key={e.id} entry={e} />
            ))}
          </ul>
        </section>
      ))}
      {pages.length > 1 && (
        <nav className="annuaire__pages" aria-label="Pages de la liste">
          <ul>
            {pages.map((p) => (
              <li key={p.number}>
                {p.number === page ? (
                  <span aria-current="page">{p.number}</span>
                ) : (
                  <a href={p.url} aria-label={`Page ${p.number}`}>
                    {p.number}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </nav>
      )}
    </div>
  );
}
