// Replaces Docusaurus' announcement bar: shows the banner a plugin gives through its
// `siteData` hook (see plugins/api/types.ts), as text, on every page. Nothing otherwise.

import { usePluginData } from '@docusaurus/useGlobalData';
import type { ReactNode } from 'react';
import type { PasserelleGlobalData } from '../../../plugins/docusaurus/content-plugin.ts';

export default function AnnouncementBar(): ReactNode {
  const data = usePluginData('passerelle-content') as PasserelleGlobalData | undefined;
  const banner = data?.banner;
  if (!banner) return null;
  return (
    <div className="passerelle-banner" role="region" aria-label="Annonce">
      <p>
        {banner.text}
        {banner.link && (
          <>
            {' '}
            <a href={banner.link.href}>{banner.link.label}</a>
          </>
        )}
      </p>
    </div>
  );
}
