// The home page's large entry points. Plain links (the directory is not a Docusaurus
// route, so it is reached with a normal page load).

import Link from '@docusaurus/Link';
import type React from 'react';

interface Entry {
  href: string;
  title: string;
  text: string;
  icon: string;
}

const ENTRIES: Entry[] = [
  {
    href: 'pathname:///annuaire',
    title: "Trouver de l'aide près de chez moi",
    text: 'Un espace public numérique, une permanence, du WiFi gratuit, ouverts aujourd’hui.',
    icon: '📍',
  },
  { href: '/guides', title: 'Guides pas à pas', text: 'itsme, impôts, e-mail, banque en ligne : les étapes une par une, à lire ou à imprimer.', icon: '📘' },
  { href: '/formation', title: 'Formation des aidants', text: 'Les deux modules de 2 h 30 pour accueillir, évaluer et orienter une personne.', icon: '🤝' },
];

export default function EntryPoints(): React.JSX.Element {
  return (
    <nav aria-label="Que voulez-vous faire ?">
      <ul className="entrees">
        {ENTRIES.map((e) => (
          <li key={e.title} className="entrees__item">
            <Link className="entrees__lien" to={e.href} target="_self">
              <span className="entrees__icone" aria-hidden="true">
                {e.icon}
              </span>
              <span className="entrees__titre">{e.title}</span>
              <span className="entrees__texte">{e.text}</span>
            </Link>
          </li>
        ))}
      </ul>
      <p className="entrees__proposer">
        Votre association aide les gens avec le numérique ? <Link to="/proposer">Proposer une initiative</Link>
      </p>
    </nav>
  );
}
