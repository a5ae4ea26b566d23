// The search box above our lists (guides, training pages, « La personne veut… »): typing
// filters the list at once (accents, capitals and one typo forgiven, core/content/
// list-filter.ts) and says how many entries are left; Enter moves to the first one. Without
// JavaScript, or when nothing matches, the form opens the site search (/recherche).
import { useHistory } from '@docusaurus/router';
import { type FormEvent, type ReactNode, useState } from 'react';
import { matchesQuery } from '../../../core/content/list-filter.ts';
import { sitePaths } from '../../../core/urls.ts';

export function useListFilter(): { query: string; setQuery(q: string): void; matches(text: string): boolean } {
  const [query, setQuery] = useState('');
  return { query, setQuery, matches: (text: string) => matchesQuery(text, query) };
}

export interface ListFilterProps {
  /** The id of the input (one per page). */
  id: string;
  label: string;
  /** The list it filters: the first visible link gets the focus on Enter. */
  listId: string;
  query: string;
  setQuery(q: string): void;
  count: number;
  total: number;
  /** The entries, in the plural (« guides »). */
  noun: string;
}

export default function ListFilter({ id, label, listId, query, setQuery, count, total, noun }: ListFilterProps): ReactNode {
  const history = useHistory();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const first = document.querySelector<HTMLAnchorElement>(`#${listId} li:not([hidden]) a`);
    if (query.trim() && count > 0 && first) first.focus();
    else history.push(query.trim() ? `${sitePaths.siteSearch}?${new URLSearchParams({ q: query.trim() })}` : sitePaths.siteSearch);
  };
  return (
    <form className="liste-filtre no-print" role="search" aria-label={label} action={sitePaths.siteSearch} method="get" onSubmit={onSubmit}>
      <label htmlFor={id}>{label}</label>
      <div className="liste-filtre__ligne">
        <input
          id={id}
          name="q"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          autoComplete="off"
          enterKeyHint="search"
          maxLength={200}
          aria-controls={listId}
        />
        <button type="submit" className="button button--primary">
          Chercher
        </button>
      </div>
      <p className="liste-filtre__etat" aria-live="polite">
        {!query.trim()
          ? ''
          : count
            ? `${count} ${count > 1 ? noun : noun.replace(/s$/, '')} sur ${total}.`
            : `Rien dans cette liste pour « ${query.trim()} ». Appuyez sur « Chercher » pour chercher dans tout le site.`}
      </p>
    </form>
  );
}
