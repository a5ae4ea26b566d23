// The site-wide search box (in the header, and in its menu on phones): a plain GET form
// that opens /recherche, where guides, curriculum and places are searched together
// through /api/search. Without JavaScript (and on the light pages) the browser submits
// it; on Docusaurus pages the client router opens /recherche without a reload.

import { useHistory } from '@docusaurus/router';
import type { FormEvent, ReactNode } from 'react';

export default function SearchBar({ id = 'recherche-site' }: { id?: string }): ReactNode {
  const history = useHistory();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const q = new FormData(event.currentTarget).get('q');
    event.preventDefault();
    const text = typeof q === 'string' ? q.trim() : '';
    history.push(text ? `/recherche?${new URLSearchParams({ q: text })}` : '/recherche');
  };
  return (
    <form className="recherche-site" role="search" action="/recherche" method="get" aria-label="Sur tout le site" onSubmit={onSubmit}>
      <label htmlFor={`${id}-q`} className="sr-only">
        Rechercher sur le site
      </label>
      <input id={`${id}-q`} name="q" type="search" placeholder="Rechercher…" maxLength={200} enterKeyHint="search" className="recherche-site__champ" />
      <button type="submit" className="button button--primary button--sm recherche-site__bouton">
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" strokeWidth="2.5" />
          <path d="M15.5 15.5 21 21" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
        </svg>
        {/* In the wide header bar only the magnifier shows; the name stays « Chercher ». */}
        <span className="recherche-site__texte">Chercher</span>
      </button>
    </form>
  );
}
