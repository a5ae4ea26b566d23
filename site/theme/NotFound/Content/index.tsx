// The 404 page, in plain French: what happened, a search box and the three ways in. Both
// the light build/404.html the server answers unknown addresses with (site/directory) and
// Docusaurus' own « page not found » (a link followed inside the site) show this.
import type React from 'react';
import { sitePaths } from '../../../../core/urls.ts';
import EntryPoints from '../../EntryPoints/index.tsx';

export function NotFoundBody(): React.JSX.Element {
  return (
    <div className="page-absente">
      <h1>Cette page n'existe pas</h1>
      <p>L'adresse est peut-être mal écrite, ou la page a été déplacée. Cherchez ce qu'il vous faut, ou choisissez ci-dessous.</p>
      <form className="recherche-site page-absente__recherche" role="search" aria-label="Chercher sur le site" action={sitePaths.siteSearch} method="get">
        <label htmlFor="recherche-absente-q" className="sr-only">
          Que cherchez-vous ?
        </label>
        <input
          id="recherche-absente-q"
          name="q"
          type="search"
          placeholder="Par exemple : itsme, impôts, 6000"
          maxLength={200}
          className="recherche-site__champ"
        />
        <button type="submit" className="button button--primary recherche-site__bouton">
          Chercher
        </button>
      </form>
      <EntryPoints propose={false} />
      <p>
        <a href={sitePaths.home}>Retour à l'accueil</a>
      </p>
    </div>
  );
}

export default function NotFoundContent({ className }: { className?: string }): React.JSX.Element {
  return (
    <main className={`container margin-vert--lg${className ? ` ${className}` : ''}`}>
      <NotFoundBody />
    </main>
  );
}
