/**
 * remark-etapes: `:::etapes` around one ordered list becomes an accessible list of steps,
 * `<ol class="etapes">`, each item marked as a step; an image in a step stays with it
 * (the print stylesheet keeps a step and its picture on one page).
 * Deliberately doesn't renumber or reorder: the list's own numbers are the steps.
 * Refused (with file and line): anything but one numbered list, a title in brackets, an empty step.
 */
import type { List, Root } from 'mdast';
import type { VFile } from 'vfile';
import { element, fail, forEachDirective, splitLabel } from './directive-utils.ts';

export default function remarkEtapes() {
  return (tree: Root, file: VFile) => {
    forEachDirective(
      tree,
      'etapes',
      (node, parent, index) => {
        if (splitLabel(node).label) fail(file, node, 'pas de titre entre crochets : mettez le titre au-dessus du bloc (## Étapes).');
        const lists = node.children.filter((c): c is List => c.type === 'list');
        const list = lists[0];
        if (!list || lists.length !== 1 || node.children.length !== 1 || !list.ordered) {
          return fail(file, node, 'le bloc doit contenir une seule liste numérotée (1. 2. 3.), sans autre texte autour.');
        }
        list.children.forEach((item, i) => {
          if (item.children.length === 0) fail(file, node, `l'étape ${(list.start ?? 1) + i} est vide : écrivez ce qu'il faut faire après son numéro.`, item);
          element(item, 'li', { className: ['etapes__etape'] });
        });
        parent.children.splice(
          index,
          1,
          element(list, 'ol', { className: ['etapes'], ...(list.start && list.start !== 1 ? { start: String(list.start) } : {}) }),
        );
      },
      file,
    );
  };
}
