// Markdown read as the site reads it (GFM tables, our `:::` directives), for the tools that
// look inside pages: the plain-language rules and the one-page guide summaries.
import type { Nodes, Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);

export function parseMarkdown(markdown: string): Root {
  return parser.parse(markdown) as Root;
}

/** Text of a node as read: images (their alt text repeats the step), code and HTML left out. */
export function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'inlineCode' || node.type === 'image' || node.type === 'imageReference' || node.type === 'html') return '';
  if (node.type === 'break') return '\n';
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}
