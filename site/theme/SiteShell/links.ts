// The site's links in its header and footer, in one place. `plain`: pages outside
// Docusaurus' routes (the light pages), reached with a normal page load.
import { sitePaths } from '../../../core/urls.ts';

export interface SiteLink {
  href: string;
  label: string;
  plain?: boolean;
}

export const MAIN_LINKS: SiteLink[] = [
  { href: sitePaths.directory, label: 'Trouver de l’aide', plain: true },
  { href: sitePaths.guides, label: 'Guides' },
  { href: sitePaths.curriculum, label: 'Formation des aidants' },
  { href: sitePaths.news, label: 'Actualités' },
  { href: sitePaths.proposal, label: 'Proposer une initiative' },
];

export const FOOTER_GROUPS: { title: string; id: string; links: SiteLink[] }[] = [
  {
    title: 'Passerelle',
    id: 'pied-passerelle',
    links: [
      { href: sitePaths.home, label: 'Accueil', plain: true },
      { href: sitePaths.directory, label: 'Trouver de l’aide', plain: true },
      { href: sitePaths.guides, label: 'Guides pas à pas' },
      { href: sitePaths.curriculum, label: 'Formation des aidants' },
      { href: sitePaths.glossary, label: 'Les mots du numérique' },
      { href: sitePaths.selfCheck, label: 'Où en suis-je ? Faire le point', plain: true },
    ],
  },
  {
    title: 'Participer',
    id: 'pied-participer',
    links: [
      { href: sitePaths.proposal, label: 'Proposer une initiative' },
      { href: sitePaths.news, label: 'Actualités' },
      { href: '/api-partenaires', label: 'API pour les partenaires' },
      { href: sitePaths.openData, label: 'Données ouvertes' },
      { href: sitePaths.dashboard, label: 'Le tableau de bord du plan', plain: true },
      { href: sitePaths.embed, label: 'L’annuaire sur votre site', plain: true },
      { href: '/developpeurs', label: 'Développer avec Passerelle' },
    ],
  },
];

/** `page` on the link's own page, `true` inside its part of the site (« Guides » on a guide). */
export function currentOf(link: SiteLink, pathname: string): 'page' | 'true' | undefined {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === link.href) return 'page';
  if (link.href !== '/' && path.startsWith(`${link.href}/`)) return 'true';
  return undefined;
}
