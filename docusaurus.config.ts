// The Docusaurus site: guides and curriculum as two docs instances, news as the blog,
// our pages and local theme from site/. The citizen's pages (home, 404, the directory and
// its listings) are light pages rendered after the build by site/directory, in the same
// shell but without Docusaurus' runtime (see site/directory/light-pages.tsx).

import type * as Preset from '@docusaurus/preset-classic';
import type { Config } from '@docusaurus/types';
import { resolvePaths } from './core/model/paths.ts';
import { normalizeSiteUrl } from './core/urls.ts';
import contentPlugin from './plugins/docusaurus/content-plugin.ts';
import themePasserelle from './plugins/docusaurus/theme-passerelle.ts';
import { passerelleRemarkPlugins } from './plugins/remark/index.ts';

const paths = resolvePaths();
const remark = { beforeDefaultRemarkPlugins: passerelleRemarkPlugins(paths.content) };

const config: Config = {
  title: 'Passerelle',
  tagline: "L'aide numérique près de chez vous, à Charleroi Métropole",
  favicon: 'img/favicon.svg',
  url: normalizeSiteUrl(process.env.PASSERELLE_SITE_URL),
  baseUrl: '/',
  trailingSlash: false,
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',
  i18n: { defaultLocale: 'fr-BE', locales: ['fr-BE'], localeConfigs: { 'fr-BE': { label: 'Français', htmlLang: 'fr-BE' } } },
  markdown: { format: 'detect', hooks: { onBrokenMarkdownLinks: 'throw' } },
  future: { v4: { removeLegacyPostBuildHeadAttribute: true } },
  staticDirectories: ['site/static'],
  clientModules: ['./site/client/read-aloud.ts'],
  presets: [
    [
      'classic',
      {
        docs: {
          path: `${paths.content}/guides`,
          routeBasePath: 'guides',
          sidebarPath: './site/sidebars/guides.ts',
          breadcrumbs: true,
          ...remark,
        },
        blog: {
          path: `${paths.content}/news`,
          routeBasePath: 'actualites',
          blogTitle: 'Actualités',
          blogDescription: "Les nouvelles de l'inclusion numérique à Charleroi Métropole : salon, formations, nouveaux lieux.",
          blogSidebarTitle: 'Derniers articles',
          showReadingTime: true,
          onInlineAuthors: 'throw',
          onUntruncatedBlogPosts: 'throw',
          ...remark,
        },
        pages: { path: 'site/pages', ...remark },
        theme: {
          customCss: ['./site/css/custom.css', './site/css/knowledge.css', './site/css/directory.css', './site/css/form.css', './site/css/moderation.css'],
        },
        sitemap: { ignorePatterns: ['/gabarit-annuaire', '/gabarit-annuaire/**', '/guides/*/*/resume'] },
      } satisfies Preset.Options,
    ],
  ],
  plugins: [
    [
      '@docusaurus/plugin-content-docs',
      {
        id: 'curriculum',
        path: `${paths.content}/curriculum`,
        routeBasePath: 'formation',
        sidebarPath: './site/sidebars/curriculum.ts',
        breadcrumbs: true,
        ...remark,
      },
    ],
    [
      '@docusaurus/plugin-content-docs',
      {
        id: 'developpeurs',
        path: `${paths.content}/developpeurs`,
        routeBasePath: 'developpeurs',
        sidebarPath: './site/sidebars/developpeurs.ts',
        breadcrumbs: true,
        // Written for developers: no « Mots expliqués » box of the citizens' glossary.
        beforeDefaultRemarkPlugins: passerelleRemarkPlugins(paths.content, { glossary: false }),
      },
    ],
    contentPlugin,
    themePasserelle,
  ],
  themeConfig: {
    colorMode: { defaultMode: 'light', disableSwitch: true, respectPrefersColorScheme: false },
    // The header, its menu and the footer are ours (site/theme/Navbar, Footer; their links in
    // site/theme/SiteShell/links.ts), the same on Docusaurus pages and on the light pages.
    navbar: { title: 'Passerelle', logo: { alt: 'Passerelle, accueil', src: 'img/logo.svg' }, items: [] },
    docs: { sidebar: { hideable: false } },
    tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
  } satisfies Preset.ThemeConfig,
};

export default config;
