// The list of every page of a docs section, by theme (guides) or module (training), each
// with its one-line purpose (the page's `description`), and a search box that filters it.
// Used in content/guides/index.mdx and content/curriculum/index.mdx: it reads the section's
// sidebar and descriptions, which Docusaurus already gives those pages (nothing more is
// downloaded), and is rendered in the HTML, so the list works without JavaScript.
import Link from '@docusaurus/Link';
import type { PropSidebarItem } from '@docusaurus/plugin-content-docs';
import { useDoc, useDocsSidebar, useDocsVersion } from '@docusaurus/plugin-content-docs/client';
import type { ReactNode } from 'react';
import { frenchSpaces } from '../../../core/content/typography.ts';
import ListFilter, { useListFilter } from './ListFilter.tsx';

interface Entry {
  title: string;
  description: string;
  href: string;
}
interface Group {
  title: string;
  description?: string;
  href?: string;
  entries: Entry[];
  groups: Group[];
}

export interface DocListProps {
  /** Words for the search box, e.g. « Chercher un guide ». */
  label: string;
  /** The entries in the plural (« guides », « pages »). */
  noun: string;
  /** The id of the list (one per page). */
  id?: string;
  /** The heading level of the themes or modules (3 under a « ## » heading of the page). */
  level?: 2 | 3;
}

function groupOf(
  title: string,
  items: readonly PropSidebarItem[],
  describe: (docId: string) => string,
  here: string,
  description?: string,
  href?: string,
): Group {
  const group: Group = { title, entries: [], groups: [], ...(description ? { description } : {}), ...(href ? { href } : {}) };
  for (const item of items) {
    if (item.type === 'link' && item.docId && item.href !== here) group.entries.push({ title: item.label, description: describe(item.docId), href: item.href });
    if (item.type === 'category') group.groups.push(groupOf(item.label, item.items, describe, here, item.description, item.href));
  }
  return group;
}

const entriesOf = (g: Group): Entry[] => [...g.entries, ...g.groups.flatMap(entriesOf)];

export default function DocList({ label, noun, id = 'liste-des-pages', level = 2 }: DocListProps): ReactNode {
  const sidebar = useDocsSidebar();
  const version = useDocsVersion();
  const { metadata } = useDoc();
  const { query, setQuery, matches } = useListFilter();
  // The section's own index (this page) is not listed; its themes or modules are.
  const top = groupOf('', sidebar?.items ?? [], (docId) => version.docs[docId]?.description ?? '', metadata.permalink);
  const all = entriesOf(top);
  const shown = (e: Entry) => matches(`${e.title} ${e.description}`);
  const count = all.filter(shown).length;
  const entryList = (entries: Entry[]) =>
    entries.some(shown) && (
      <ul className="liste-pages__liste">
        {entries.map((e) => (
          <li key={e.href} hidden={!shown(e)}>
            <Link to={e.href} className="liste-pages__titre">
              {e.title}
            </Link>
            {e.description && <span className="liste-pages__but"> {frenchSpaces(e.description)}</span>}
          </li>
        ))}
      </ul>
    );

  const renderGroup = (g: Group, depth: number): ReactNode => {
    const visible = entriesOf(g).some(shown);
    const Heading = (['h2', 'h3', 'h4'] as const)[Math.min(level - 2 + depth, 2)] ?? 'h4';
    return (
      <section key={`${g.title}-${g.href ?? ''}`} className="liste-pages__groupe" hidden={!visible}>
        <Heading>{g.href ? <Link to={g.href}>{g.title}</Link> : g.title}</Heading>
        {g.description && <p className="liste-pages__intro">{frenchSpaces(g.description)}</p>}
        {entryList(g.entries)}
        {g.groups.map((sub) => renderGroup(sub, depth + 1))}
      </section>
    );
  };

  return (
    <div className="liste-pages">
      <ListFilter id={`${id}-q`} label={label} listId={id} query={query} setQuery={setQuery} count={count} total={all.length} noun={noun} />
      <div id={id}>
        {entryList(top.entries)}
        {top.groups.map((g) => renderGroup(g, 0))}
      </div>
    </div>
  );
}
