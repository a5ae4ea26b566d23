// What publishing still has to do after decisions (GET /api/moderation/publishing), listing
// by listing, in French: « Recherche pas encore à jour : le moteur de recherche ne répond
// pas, nouvel essai dans 30 s ».
import type { ReactNode } from 'react';
import { sitePaths } from '../../../core/urls.ts';

/** A decision's steps still to do. */
export interface ListingProgress {
  job: string;
  initiative?: string;
  name?: string;
  steps: { step: string; label: string; failing: boolean; lastError?: string; retryInSeconds?: number }[];
}

export function stepText(s: ListingProgress['steps'][number]): string {
  if (!s.failing) return `${s.label} : en cours`;
  const retry = s.retryInSeconds === undefined ? '' : `, nouvel essai dans ${s.retryInSeconds} s`;
  return `${s.label} pas encore à jour : ${s.lastError ?? 'échec'}${retry}`;
}

export default function Publishing({ listings }: { listings: ListingProgress[] }): ReactNode {
  if (!listings.length) return null;
  return (
    <section aria-labelledby="publication-titre" className="publication-en-cours">
      <h2 id="publication-titre">Publication en cours</h2>
      <ul>
        {listings.map((l) => (
          <li key={l.job}>
            {l.initiative ? <a href={sitePaths.initiative(l.initiative)}>{l.name ?? 'la fiche'}</a> : (l.name ?? 'Demande')}
            <ul>
              {l.steps.map((s) => (
                <li key={s.step}>{stepText(s)}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
