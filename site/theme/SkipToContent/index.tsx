// « Aller au contenu principal », first on every page. Docusaurus' link (it moves the focus
// to the content where scripts run; a plain anchor on the light pages), with our look.

import { SkipToContentLink } from '@docusaurus/theme-common';
import type { ReactNode } from 'react';

export default function SkipToContent(): ReactNode {
  return <SkipToContentLink className="lien-evitement" />;
}
