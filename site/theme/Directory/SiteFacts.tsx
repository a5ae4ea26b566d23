// Facts about the published directory that pages rendered by site/directory may show
// (how many listings, how many are sample data), passed down by the renderer through a
// context so the components that show them take no props and can be placed anywhere.
import { createContext } from 'react';

export interface SiteFacts {
  listings: number;
  /** Listings whose data is sample data (`origin: demo`). */
  demoListings: number;
}

export const SiteFactsContext = createContext<SiteFacts | undefined>(undefined);
