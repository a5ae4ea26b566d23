// The three ways in (help near me, guides, aidant training) and « Proposer une initiative »,
// on the home page and the 404 page. Plain links, no Docusaurus component: the home page
// and the 404 page are light pages rendered by site/directory too (no client router there).
import type React from 'react';
import { sitePaths } from '../../../core/urls.ts';

interface Entry {
  href: string;
  title: string;
  text: string;
  icon: React.JSX.Element;
}

// Drawn icons rather than emoji: an old phone may lack the emoji, and shows a box.
const stroke = { fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeLinejoin: 'round' as const, strokeLinecap: 'round' as const };
const PIN = (
  <>
    <path {...stroke} d="M12 22s7-7.6 7-13a7 7 0 0 0-14 0c0 5.4 7 13 7 13z" />
    <circle {...stroke} cx="12" cy="9" r="2.5" />
  </>
);
const BOOK = (
  <>
    <path {...stroke} d="M3 5h6a3 3 0 0 1 3 3v12a2 2 0 0 0-2-2H3zM21 5h-6a3 3 0 0 0-3 3v12a2 2 0 0 1 2-2h7z" />
  </>
);
const PEOPLE = (
  <>
    <circle {...stroke} cx="8" cy="8" r="3" />
    <circle {...stroke} cx="17" cy="9" r="2.5" />
    <path {...stroke} d="M2.5 20c0-3.3 2.5-6 5.5-6s5.5 2.7 5.5 6M14 14.6c.9-.4 1.9-.6 3-.6 2.6 0 4.5 2.2 4.5 5" />
  </>
);

export const ENTRIES: Entry[] = [
  {
    href: sitePaths.directory,
    title: "Trouver de l'aide près de chez moi",
    text: 'Un espace public numérique, une permanence, du WiFi gratuit : les adresses, les horaires, le téléphone.',
    icon: PIN,
  },
  {
    href: sitePaths.guides,
    title: 'Guides pas à pas',
    text: 'itsme, impôts, e-mail, banque en ligne : les étapes une par une, à lire ou à imprimer.',
    icon: BOOK,
  },
  { href: sitePaths.curriculum, title: 'Formation des aidants', text: 'Les modules pour accueillir, évaluer et orienter une personne.', icon: PEOPLE },
];

export default function EntryPoints({ propose = true }: { propose?: boolean }): React.JSX.Element {
  return (
    <nav aria-label="Que voulez-vous faire ?">
      <ul className="entrees">
        {ENTRIES.map((e) => (
          <li key={e.title} className="entrees__item">
            <a className="entrees__lien" href={e.href}>
              <svg className="entrees__icone" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                {e.icon}
              </svg>
              <span className="entrees__titre">{e.title}</span>
              <span className="entrees__texte">{e.text}</span>
            </a>
          </li>
        ))}
      </ul>
      {propose && (
        <p className="entrees__proposer">
          Votre association aide les gens avec le numérique ? <a href={sitePaths.proposal}>Proposer une initiative</a>
        </p>
      )}
    </nav>
  );
}
