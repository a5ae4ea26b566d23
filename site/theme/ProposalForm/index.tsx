// /proposer as a Docusaurus page: the site's layout around ProposalPage. Its starting point
// is a new proposal, or what the server put in the page (#proposition-donnees) when it
// rendered a correction, a report or a form to fix (api/site/proposal-route.ts): the first
// render in the browser uses the same data as the server, so the page comes to life as it
// was shown.
import useIsBrowser from '@docusaurus/useIsBrowser';
import Layout from '@theme/Layout';
import { type ReactNode, useState } from 'react';
import { NEW_PROPOSAL_VALUES, type ProposalVocabularies } from '../../../core/proposal-form.ts';
import ProposalPage, { type ProposalInitial } from './ProposalPage.tsx';

export type { ProposalVocabularies };

/** The id of the JSON block the server adds to a page it renders. */
export const INITIAL_DATA_ID = 'proposition-donnees';

function readInitial(): ProposalInitial {
  const fresh: ProposalInitial = { type: 'create', values: NEW_PROPOSAL_VALUES };
  if (typeof document === 'undefined') return fresh;
  const block = document.getElementById(INITIAL_DATA_ID);
  if (!block?.textContent) return fresh;
  try {
    return JSON.parse(block.textContent) as ProposalInitial;
  } catch {
    return fresh;
  }
}

export default function ProposalForm({ vocab }: { vocab: ProposalVocabularies }): ReactNode {
  const [initial] = useState(readInitial);
  const js = useIsBrowser();
  const title = initial.type === 'create' ? 'Proposer une initiative' : initial.type === 'update' ? 'Corriger une fiche' : 'Signaler une erreur';
  return (
    <Layout title={title} description="Faire connaître une initiative d'aide au numérique à Charleroi Métropole, corriger une fiche ou signaler une erreur.">
      <ProposalPage vocab={vocab} initial={initial} js={js} />
    </Layout>
  );
}
