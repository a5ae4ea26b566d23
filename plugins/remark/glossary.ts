/**
 * remark-glossary: the first use of a glossary term in a page becomes a link to its
 * definition, gathered at the end of the page in a « Mots expliqués » list, and
 * tied to it with aria-describedby so screen readers give the definition with the word.
 * Works without JavaScript and on paper. Headings, links, code and our directive labels
 * are left alone; only whole words match (accents and case as written in the glossary,
 * case-insensitive).
 */
import type { Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { GlossaryTerm } from '../../core/model/glossary.ts';
import { element } from './directive-utils.ts';

export interface GlossaryOptions {
  terms: GlossaryTerm[];
}

const SKIPPED = new Set(['heading', 'link', 'linkReference', 'inlineCode', 'code', 'html', 'definition']);
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export default function remarkGlossary(options: GlossaryOptions) {
  if (!options || !Array.isArray(options.terms)) throw new Error('remark-glossary: option `terms` (the glossary terms) is required.');
  // Longest forms first, so "maison communale annexe" wins over "maison communale".
  const forms = options.terms.flatMap((t) => [t.term, ...t.aliases].map((form) => ({ form, term: t }))).sort((a, b) => b.form.length - a.form.length);
  const pattern = forms.length ? new RegExp(`(?<![\\p{L}\\p{N}])(${forms.map((f) => escapeRegExp(f.form)).join('|')})(?![\\p{L}\\p{N}])`, 'iu') : null;
  const byForm = new Map(forms.map((f) => [f.form.toLocaleLowerCase('fr'), f.term]));

  return (tree: Root) => {
    if (!pattern) return;
    const used: GlossaryTerm[] = [];
    visit(tree, (node, index, parent) => {
      if (SKIPPED.has(node.type)) return SKIP;
      if ((node.data as { directiveLabel?: boolean } | undefined)?.directiveLabel) return SKIP;
      if (node.type !== 'text' || !parent || index === undefined) return;
      const value = (node as Text).value;
      const match = pattern.exec(value);
      const found = match?.[1];
      if (!match || !found) return;
      const term = byForm.get(found.toLocaleLowerCase('fr'));
      if (!term || used.includes(term)) return;
      used.push(term);
      const before: Text = { type: 'text', value: value.slice(0, match.index) };
      const after: Text = { type: 'text', value: value.slice(match.index + found.length) };
      const link = element({ type: 'link', url: `#mot-${term.slug}`, children: [{ type: 'text', value: found }] } as PhrasingContent, 'a', {
        href: `#mot-${term.slug}`,
        className: ['terme-glossaire'],
        'aria-describedby': `mot-${term.slug}-def`,
      });
      (parent as Parent).children.splice(index, 1, ...([before, link, after].filter((n) => n.type !== 'text' || (n as Text).value) as PhrasingContent[]));
      // Continue after the link: the rest of the text may hold other terms.
      return index + (before.value ? 2 : 1);
    });
    if (!used.length) return;
    // One small heading per word: Docusaurus' anchor checker knows heading ids.
    const items = used.flatMap((t) => [
      element({ type: 'paragraph', children: [{ type: 'text', value: t.term }] } as RootContent, 'h3', { id: `mot-${t.slug}` }),
      element({ type: 'paragraph', children: [{ type: 'text', value: t.definition }] } as RootContent, 'p', { id: `mot-${t.slug}-def` }),
    ]);
    tree.children.push(
      element(
        {
          type: 'blockquote',
          children: [
            element({ type: 'paragraph', children: [{ type: 'text', value: 'Mots expliqués' }] } as RootContent, 'h2', { id: 'mots-expliques' }),
            ...items,
          ],
        } as RootContent,
        'section',
        { className: ['glossaire-page'], 'aria-labelledby': 'mots-expliques' },
      ),
    );
  };
}
