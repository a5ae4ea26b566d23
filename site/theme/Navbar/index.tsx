// The site's header, the same on every page: Docusaurus renders it on its pages, and the
// light pages get it from the /gabarit-annuaire template (site/directory/shell.ts): the
// logo, the search box, and the links in a <details>, « Menu » on a phone: it opens and
// closes without JavaScript. Where scripts run, Escape or leaving it closes it, and so
// does a page change. On a wide screen the same links sit in the bar (the <details>'
// content shown closed, site/css/parts/shell.css): one form, one list of links.

import Link from '@docusaurus/Link';
import { useLocation } from '@docusaurus/router';
import { type FocusEvent, type KeyboardEvent, type ReactNode, useEffect, useRef } from 'react';
import { sitePaths } from '../../../core/urls.ts';
import SearchBar from '../SearchBar/index.tsx';
import { currentOf, MAIN_LINKS, type SiteLink } from '../SiteShell/links.ts';

function Links({ pathname }: { pathname: string }): ReactNode {
  return (
    <ul>
      {MAIN_LINKS.map((link: SiteLink) => {
        const current = currentOf(link, pathname);
        return (
          <li key={link.href}>
            {link.plain ? (
              <a className="entete__lien" href={link.href} aria-current={current}>
                {link.label}
              </a>
            ) : (
              <Link className="entete__lien" to={link.href} aria-current={current}>
                {link.label}
              </Link>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** Closes the menu; Escape gives the focus back to its button. */
function closeMenu(details: HTMLDetailsElement | null, focusButton: boolean): void {
  if (!details?.open) return;
  details.open = false;
  if (focusButton) details.querySelector('summary')?.focus();
}

export default function Navbar(): ReactNode {
  const { pathname } = useLocation();
  const menu = useRef<HTMLDetailsElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page is what closes the menu.
  useEffect(() => closeMenu(menu.current, false), [pathname]);
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (menu.current && event.target instanceof Node && !menu.current.contains(event.target)) closeMenu(menu.current, false);
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') closeMenu(menu.current, true);
  };
  const onBlur = (event: FocusEvent) => {
    const next = event.relatedTarget;
    if (next instanceof Node && menu.current && !menu.current.contains(next)) closeMenu(menu.current, false);
  };
  return (
    // `navbar`: Docusaurus' table-of-contents highlight measures the element of that class.
    <header className="entete navbar">
      <div className="entete__barre">
        <a className="entete__logo" href={sitePaths.home}>
          <img src="/img/logo.svg" alt="" width={32} height={32} />
          <span className="entete__nom">Passerelle</span>
          <span className="sr-only">, accueil</span>
        </a>
        <div className="entete__recherche">
          <SearchBar id="recherche-site" />
        </div>
        <details className="entete__menu" ref={menu} onKeyDown={onKeyDown} onBlur={onBlur}>
          <summary>
            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d="M3 6h18M3 12h18M3 18h18" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
            </svg>
            Menu
          </summary>
          <div className="entete__panneau">
            <nav aria-label="Menu principal">
              <Links pathname={pathname} />
            </nav>
          </div>
        </details>
      </div>
    </header>
  );
}
