// The site-wide search in the navbar (replaces the classic theme's search slot): a plain
// GET form that opens /recherche, where guides, curriculum and places are searched together
// through /api/search. Without JavaScript (and on the directory's static pages) the browser
// submits it; on Docusaurus pages the client router opens /recherche without a reload.

import { useHistory } from '@docusaurus/router';
import type { FormEvent, ReactNode } from 'react';

export default function SearchBar(): ReactNode {
  const history = useHistory();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const q = new FormData(event.currentTarget).get('q');
    event.preventDefault();
    const text = typeof q === 'string' ? q.trim() : '';
    history.push(text ? `/recherche?${new URLSearchParams({ q: text })}` : '/recherche');
  };
  return (
    <form className="recherche-site" role="search" action="/recherche" method="get" aria-label="Sur tout le site" onSubmit={onSubmit}>
      <label htmlFor="recherche-site-q" className="sr-only">
        Rechercher sur le site
      </label>
      <input id="recherche-site-q" name="q" type="search" placeholder="Rechercher…" maxLength={200} enterKeyHint="search" className="recherche-site__champ" />
      <button type="submit" className="button button--primary button--sm recherche-site__bouton">
        Chercher
      </button>
    </form>
  );
}
