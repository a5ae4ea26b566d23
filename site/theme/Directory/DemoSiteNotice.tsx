// The notice on the home page and /annuaire while any published listing is sample data
// (`origin: demo`): citizens must not travel on the strength of an example. Takes no
// props: the renderer passes the counts (SiteFactsContext); nothing shows without them.
import type React from 'react';
import { useContext } from 'react';
import { SiteFactsContext } from './SiteFacts.tsx';

export default function DemoSiteNotice(): React.JSX.Element | null {
  const facts = useContext(SiteFactsContext);
  if (!facts?.demoListings) return null;
  const all = facts.demoListings >= facts.listings;
  return (
    <p className="demo-notice demo-notice--site" role="note">
      <strong>Site en démonstration :</strong>{' '}
      {all
        ? "les lieux de l'annuaire sont des exemples, pas encore vérifiés."
        : `${facts.demoListings} des ${facts.listings} lieux de l'annuaire sont des exemples, pas encore vérifiés ; leur fiche le dit.`}{' '}
      Avant de vous déplacer, appelez le lieu ou demandez à la maison communale.
    </p>
  );
}
