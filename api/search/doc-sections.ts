// Guides and curriculum split into sections for search: one record per h2/h3 with the
// page title, the heading path, the text and the URL with its anchor, so "its me activer"
// lands on the right part of the itsme guide. URLs follow Docusaurus' rules (number
// prefixes dropped, index.md is its folder, `slug` front matter wins); anchors use the
// same slugger as Docusaurus.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Heading, Root, RootContent } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { splitFrontMatter } from '../../core/content/front-matter.ts';
import { markdownFiles } from '../../core/model/markdown-files.ts';

export type DocSource = 'guides' | 'formation';

export interface DocSection {
  id: string;
  source: DocSource;
  title: string;
  section: string;
  headingPath: string[];
  text: string;
  url: string;
}

const stripPrefix = (segment: string) => segment.replace(/^\d+[-_.]/, '');

export function docUrl(base: string, relativeFile: string, slug?: unknown): string {
  const parts = relativeFile
    .replace(/\.mdx?$/, '')
    .split(path.sep)
    .map(stripPrefix);
  if (parts[parts.length - 1] === 'index') parts.pop();
  if (typeof slug === 'string' && slug.startsWith('/')) return `/${base}${slug}`.replace(/\/$/, '');
  if (typeof slug === 'string') parts[parts.length - 1] = slug;
  return `/${[base, ...parts].join('/')}`.replace(/\/$/, '');
}

const parser = unified().use(remarkParse).use(remarkDirective);

/** MDX plumbing read as Markdown (`import …` lines, `<DocList />`), which is no text for a reader. */
const isPlumbing = (node: RootContent) => node.type === 'html' || (node.type === 'paragraph' && /^(import|export)\s/.test(textOf(node)));

const blockText = (nodes: RootContent[]) =>
  nodes
    .filter((n) => !isPlumbing(n))
    .map((n) => textOf(n))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The sections of one Markdown page. */
export function sectionsOf(source: DocSource, rootDir: string, file: string): DocSection[] {
  const fm = splitFrontMatter(fs.readFileSync(file, 'utf8'), file);
  const body = fm?.body ?? fs.readFileSync(file, 'utf8');
  const data = fm?.data ?? {};
  const url = docUrl(source, path.relative(rootDir, file), data.slug);
  const tree = parser.parse(body) as Root;
  const slugger = new GithubSlugger();
  const title =
    typeof data.title === 'string'
      ? data.title
      : textOf(tree.children.find((n): n is Heading => n.type === 'heading' && n.depth === 1) ?? { type: 'text', value: path.basename(file) });
  const sections: DocSection[] = [];
  let current: { heading: string; anchor?: string; path: string[]; nodes: RootContent[] } = { heading: title, path: [title], nodes: [] };
  let h2 = '';
  const flush = () => {
    const text = blockText(current.nodes);
    if (!text && current.anchor === undefined) return;
    sections.push({
      // Meilisearch ids allow [A-Za-z0-9_-] only, and anchors keep accents: hash the URL.
      id: crypto
        .createHash('sha256')
        .update(current.anchor ? `${url}#${current.anchor}` : url)
        .digest('base64url')
        .slice(0, 24),
      source,
      title,
      section: current.heading,
      headingPath: current.path,
      text: text.slice(0, 4000),
      url: current.anchor ? `${url}#${current.anchor}` : url,
    });
  };
  for (const node of tree.children) {
    if (node.type === 'heading' && (node.depth === 2 || node.depth === 3)) {
      flush();
      const heading = textOf(node);
      if (node.depth === 2) h2 = heading;
      current = { heading, anchor: slugger.slug(heading), path: node.depth === 2 ? [title, heading] : [title, h2, heading].filter(Boolean), nodes: [] };
    } else if (node.type !== 'heading' || node.depth !== 1) {
      current.nodes.push(node);
    }
  }
  flush();
  return sections;
}

/** Every section of the guides and the curriculum under a content directory. */
export function loadDocSections(contentDir: string): DocSection[] {
  const out: DocSection[] = [];
  for (const [source, dir] of [
    ['guides', 'guides'],
    ['formation', 'curriculum'],
  ] as const) {
    const root = path.join(contentDir, dir);
    for (const file of markdownFiles(root)) out.push(...sectionsOf(source, root, file));
  }
  return out;
}
