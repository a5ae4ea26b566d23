/**
 * remark-question: `:::question[La question ?]` followed by the answer becomes a
 * `<details>` self-check: the question is the summary, the answer shows once opened.
 * Works without JavaScript. Deliberately doesn't score answers.
 */
import type { Root, RootContent } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { block, element, fail, forEachDirective, splitLabel } from './directive-utils.ts';

export default function remarkQuestion() {
  return (tree: Root, file: VFile) => {
    forEachDirective(
      tree,
      'question',
      (node, parent, index) => {
        const { label, children } = splitLabel(node);
        if (!label || !textOf(label).trim()) fail(file, node, 'écrivez la question entre crochets : :::question[Votre question ?]');
        if (children.length === 0) fail(file, node, 'écrivez la réponse dans le bloc, sous la question.');
        const summary = element(label, 'summary', { className: 'autoeval__question' });
        const answer = block('div', { className: 'autoeval__reponse' }, [textLabel('Réponse'), ...children]);
        parent.children.splice(index, 1, block('details', { className: 'autoeval' }, [summary as RootContent, answer]));
      },
      file,
    );
  };
}

function textLabel(text: string): RootContent {
  return element({ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: `${text} :` }] }] } as RootContent, 'p');
}
