// /proposer as a Docusaurus page: the site's layout around ProposalPage. Its starting point
// is a new proposal, or what the server put in the page (#proposition-donnees) when it
// rendered a correction, a report or a form to fix (api/site/proposal-route.ts): the first
// render in the browser uses the same data as the server, so the page comes to life as it
// was shown.
import { useLocation } from '@docusaurus/router';
import useIsBrowser from '@docusaurus/useIsBrowser';
import Layout from '@theme/Layout';
import { type ReactNode, useMemo } from 'react';
import { NEW_PROPOSAL_VALUES, type ProposalVocabularies } from '../../../core/proposal-form.ts';
import ProposalPage, { type ProposalInitial } from './ProposalPage.tsx';

export type { ProposalVocabularies };

/** The id of the JSON block the server adds to a page it renders. */
export const INITIAL_DATA_ID = 'proposition-donnees';

/** The server's data when this page is the one it rendered (not after moving to /proposer within the site). */
function readInitial(address: string): ProposalInitial {
  const fresh: ProposalInitial = { type: 'create', values: NEW_PROPOSAL_VALUES };
  if (typeof document === 'undefined') return fresh;
  const block = document.getElementById(INITIAL_DATA_ID);
  if (!block?.textContent) return fresh;
  try {
    const data = JSON.parse(block.textContent) as ProposalInitial;
    return data.url === address ? data : fresh;
  } catch {
    return fresh;
  }
}

export default function ProposalForm({ vocab }: { vocab: ProposalVocabularies }): ReactNode {
  const location = useLocation();
  const address = `${location.pathname}${location.search}`;
  const initial = useMemo(() => readInitial(address), [address]);
  const js = useIsBrowser();
  const title = initial.type === 'create' ? 'Proposer une initiative' : initial.type === 'update' ? 'Corriger une fiche' : 'Signaler une erreur';
  return (
    <Layout title={title} description="Faire connaître une initiative d'aide au numérique à Charleroi Métropole, corriger une fiche ou signaler une erreur.">
      <ProposalPage key={address} vocab={vocab} initial={initial} js={js} />
    </Layout>
  );
}
