// The remark plugins of guides and curriculum, in the order they run (before Docusaurus'
// own, so our directives are not taken for admonitions). The sources section is added
// before the glossary runs, so « Mots expliqués » stays last; the glossary comes last so it
// sees the final text of steps and callouts (it leaves links, like the sources', alone).
import path from 'node:path';
import type { Pluggable } from 'unified';
import { loadGlossary } from '../../core/model/glossary.ts';
import remarkCallouts from './callouts.ts';
import remarkEtapes from './etapes.ts';
import remarkGlossary from './glossary.ts';
import remarkQuestion from './question.ts';
import remarkSources from './sources.ts';
import remarkSummaryLink from './summary-link.ts';

export { remarkCallouts, remarkEtapes, remarkGlossary, remarkQuestion, remarkSources, remarkSummaryLink };

/** `glossary: false` for pages not written for citizens (the developers' docs). */
export function passerelleRemarkPlugins(contentDir: string, { glossary = true }: { glossary?: boolean } = {}): Pluggable[] {
  return [
    remarkEtapes,
    remarkCallouts,
    remarkQuestion,
    [remarkSummaryLink, { guidesDir: path.join(contentDir, 'guides') }],
    remarkSources,
    ...(glossary ? [[remarkGlossary, { terms: loadGlossary(contentDir) }] as Pluggable] : []),
  ];
}
