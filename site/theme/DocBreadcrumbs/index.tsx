// The breadcrumbs of guides and curriculum pages, followed on phones and tablets by the
// part's table of contents in a <details> (« Tous les guides »). Docusaurus puts it behind
// its navbar's menu, which needs JavaScript; here it opens without, like the site's menu.
// Hidden from 997 px, where the sidebar shows it.

import { useDocsSidebar } from '@docusaurus/plugin-content-docs/client';
import { useLocation } from '@docusaurus/router';
import DocSidebarItems from '@theme/DocSidebarItems';
import DocBreadcrumbs from '@theme-init/DocBreadcrumbs';
import type { ReactNode } from 'react';

const TITLES: Record<string, string> = {
  guides: 'Tous les guides',
  curriculum: 'Tout le programme de la formation',
  developpeurs: 'Toutes les pages pour développeurs',
};

export default function DocBreadcrumbsWithMenu(): ReactNode {
  const sidebar = useDocsSidebar();
  const { pathname } = useLocation();
  return (
    <>
      <DocBreadcrumbs />
      {sidebar && sidebar.items.length > 0 && (
        <details className="menu-docs" key={pathname}>
          <summary>{TITLES[sidebar.name] ?? 'Toutes les pages de cette partie'}</summary>
          <ul className="menu__list">
            <DocSidebarItems items={sidebar.items} activePath={pathname} level={1} />
          </ul>
        </details>
      )}
    </>
  );
}
