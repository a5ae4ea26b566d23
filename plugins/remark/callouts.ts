/**
 * remark-callouts: `:::attention` (a safety warning) and `:::prerequis` ("ce qu'il vous faut")
 * become labelled `<aside>` blocks with a visible title, readable by screen readers as notes.
 * Deliberately doesn't accept a custom title: the wording stays the same on every page.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { block, fail, forEachDirective, splitLabel, textParagraph } from './directive-utils.ts';

const CALLOUTS: Record<string, { title: string; className: string }> = {
  attention: { title: 'Attention', className: 'callout callout--attention' },
  prerequis: { title: "Ce qu'il vous faut", className: 'callout callout--prerequis' },
};

export default function remarkCallouts() {
  return (tree: Root, file: VFile) => {
    for (const [name, { title, className }] of Object.entries(CALLOUTS)) {
      forEachDirective(
        tree,
        name,
        (node, parent, index) => {
          const { label, children } = splitLabel(node);
          if (label) fail(file, node, `pas de titre entre crochets : le titre est toujours « ${title} ».`);
          if (children.length === 0) fail(file, node, 'le bloc est vide.');
          parent.children.splice(
            index,
            1,
            block('aside', { className, 'aria-label': title }, [textParagraph(title, 'p', { className: 'callout__titre' }), ...children]),
          );
        },
        file,
      );
    }
  };
}
