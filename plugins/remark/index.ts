// The remark plugins of guides and curriculum, in the order they run (before Docusaurus'
// own, so our directives are not taken for admonitions). The glossary comes last so it
// sees the final text of steps and callouts.
import type { Pluggable } from 'unified';
import { loadGlossary } from '../model/glossary.ts';
import remarkCallouts from './callouts.ts';
import remarkEtapes from './etapes.ts';
import remarkGlossary from './glossary.ts';
import remarkQuestion from './question.ts';

export { remarkCallouts, remarkEtapes, remarkGlossary, remarkQuestion };

export function passerelleRemarkPlugins(contentDir: string): Pluggable[] {
  return [remarkEtapes, remarkCallouts, remarkQuestion, [remarkGlossary, { terms: loadGlossary(contentDir) }]];
}
