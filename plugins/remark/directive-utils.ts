// Shared helpers for our container directives (:::etapes, :::attention, …): finding them,
// reporting misuse with file and line, and giving the transformed node its HTML shape.
import type { Paragraph, Parent, Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

export type HtmlProps = Record<string, string | string[] | boolean>;

/**
 * Calls `fn` on each `:::name` block, in document order (so the first mistake is the one
 * reported); `fn` replaces the block. The replacement is then visited in turn, so a block
 * nested in a block of the same name is transformed too. Our blocks take no `{…}`
 * settings, and `::name` / `:name` (leaf and text forms) are typing mistakes: with `file`,
 * both are refused rather than silently dropped or rendered as an empty `<div>`.
 */
export function forEachDirective(tree: Root, name: string, fn: (node: ContainerDirective, parent: Parent, index: number) => void, file?: VFile): void {
  visit(tree, (node, index, parent) => {
    if ((node.type === 'leafDirective' || node.type === 'textDirective') && node.name === name && file) {
      throw directiveError(
        file,
        name,
        node,
        `écrivez trois deux-points en début de ligne (:::${name}), le contenu en dessous, puis une ligne ::: pour fermer le bloc.`,
      );
    }
    if (node.type !== 'containerDirective' || node.name !== name || !parent || index === undefined) return;
    const settings = Object.keys(node.attributes ?? {});
    if (settings.length && file) fail(file, node, `les réglages entre accolades ne sont pas permis : retirez « {…} » après :::${name}.`);
    fn(node, parent, index);
    // Visit the replacement (and its children) rather than the node taken out of the tree.
    if (parent.children[index] !== node) return index;
  });
}

function directiveError(file: VFile, name: string, at: Node, message: string): Error {
  const line = at.position?.start.line;
  const where = `${file.path ?? 'markdown'}${line ? `:${line}` : ''}`;
  const error = new Error(`${where}: :::${name}: ${message}`);
  error.name = 'DirectiveError';
  return error;
}

/**
 * Throws an error naming the file and line, as Docusaurus shows it. The line is that of
 * `at` when given (e.g. one step of the list), otherwise that of the block.
 */
export function fail(file: VFile, node: ContainerDirective, message: string, at: Node = node): never {
  throw directiveError(file, node.name, at, message);
}

/** The `[label]` of a directive, split from its content. */
export function splitLabel(node: ContainerDirective): { label?: Paragraph; children: RootContent[] } {
  const [first, ...rest] = node.children;
  if (first?.type === 'paragraph' && first.data && (first.data as { directiveLabel?: boolean }).directiveLabel) {
    return { label: first, children: rest as RootContent[] };
  }
  return { children: node.children as RootContent[] };
}

export function element<T extends RootContent>(node: T, hName: string, hProperties: HtmlProps = {}): T {
  node.data = { ...(node.data ?? {}), hName, hProperties } as T['data'];
  return node;
}

/** A block that becomes `<tag …>children</tag>` in HTML. */
export function block(hName: string, hProperties: HtmlProps, children: RootContent[]): RootContent {
  return element({ type: 'blockquote', children } as RootContent, hName, hProperties);
}

export function textParagraph(text: string, hName = 'p', hProperties: HtmlProps = {}): RootContent {
  return element({ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: text }] }] } as Paragraph, hName, hProperties);
}
