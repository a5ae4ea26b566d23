// The home item of the guides' and curriculum's breadcrumbs: a plain link, because the home
// page is a light page (site/directory/light-pages.tsx), not a route of the client router.

import type { ReactNode } from 'react';
import { sitePaths } from '../../../../../core/urls.ts';

export default function HomeBreadcrumbItem(): ReactNode {
  return (
    <li className="breadcrumbs__item">
      <a className="breadcrumbs__link" href={sitePaths.home}>
        Accueil
      </a>
    </li>
  );
}
