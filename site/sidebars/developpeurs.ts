// Developers' sidebar (/developpeurs): an explicit order, from the overview to the plugins
// (overview, tutorial, hook reference, full example) and the open data.
import type { SidebarsConfig } from '@docusaurus/plugin-content-docs';

export default {
  developpeurs: [
    'index',
    {
      type: 'category',
      label: 'Plugins',
      link: { type: 'doc', id: 'plugins/index' },
      collapsed: false,
      items: ['plugins/tutoriel', 'plugins/reference', 'plugins/exemple'],
    },
    'donnees-ouvertes',
  ],
} satisfies SidebarsConfig;
