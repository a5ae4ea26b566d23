// The site's footer, the same on every page (light pages get it from the template): the
// main links in two groups. Dark blue, white links, a yellow focus ring (site/css/parts/shell.css).

import Link from '@docusaurus/Link';
import type { ReactNode } from 'react';
import { FOOTER_GROUPS } from '../SiteShell/links.ts';

export default function Footer(): ReactNode {
  return (
    <footer className="pied footer">
      <div className="container pied__colonnes">
        {FOOTER_GROUPS.map((group) => (
          <nav key={group.id} aria-labelledby={group.id}>
            <h2 className="pied__titre" id={group.id}>
              {group.title}
            </h2>
            <ul>
              {group.links.map((link) => (
                <li key={link.href}>{link.plain ? <a href={link.href}>{link.label}</a> : <Link to={link.href}>{link.label}</Link>}</li>
              ))}
            </ul>
          </nav>
        ))}
      </div>
      <p className="container pied__mention">Passerelle, un outil libre du plan « Charleroi, territoire d'inclusion numérique ».</p>
    </footer>
  );
}
