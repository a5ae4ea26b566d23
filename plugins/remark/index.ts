// The remark plugins of guides and curriculum, in the order they run (before Docusaurus'
// own, so our directives are not taken for admonitions). The glossary comes last so it
// sees the final text of steps and callouts.
import type { Pluggable } from 'unified';
import { loadGlossary } from '../../core/model/glossary.ts';
import remarkCallouts from './callouts.ts';
import remarkEtapes from './etapes.ts';
import remarkGlossary from './glossary.ts';
import remarkQuestion from './question.ts';

export { remarkCallouts, remarkEtapes, remarkGlossary, remarkQuestion };

/** `glossary: false` for pages not written for citizens (the developers' docs). */
export function passerelleRemarkPlugins(contentDir: string, { glossary = true }: { glossary?: boolean } = {}): Pluggable[] {
  return [remarkEtapes, remarkCallouts, remarkQuestion, ...(glossary ? [[remarkGlossary, { terms: loadGlossary(contentDir) }] as Pluggable] : [])];
}
