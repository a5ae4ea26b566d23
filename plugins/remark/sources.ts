/**
 * remark-sources: a page whose front matter lists `sources` (every guide; some curriculum
 * pages) ends with a « Sources » section: « Vérifié le 30 novembre 2026 d'après ces pages : »
 * and one link per source, so the reader sees where each fact comes from and how fresh it
 * is. The section prints with the page (the addresses are printed after the links).
 * Reads the front matter Docusaurus puts in `file.data.frontMatter`; `verified` may be a
 * date (YAML read by gray-matter) or text.
 * Deliberately doesn't judge the sources or the date: `npm run check` refuses a guide
 * without them and warns when the date is old. A page without `sources` is left alone.
 */
import type { Link, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { formatDate } from '../../core/format-fr.ts';
import { element } from './directive-utils.ts';

export interface Source {
  title: string;
  url: string;
}

/** The `sources` of a page's front matter, keeping only well-formed entries. */
function sourcesOf(frontMatter: Record<string, unknown>): Source[] {
  const list = frontMatter.sources;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (s): s is Source => typeof s === 'object' && s !== null && typeof (s as Source).title === 'string' && typeof (s as Source).url === 'string',
  );
}

/** `verified` as YYYY-MM-DD, whether YAML made it a date or left it as text. */
function verifiedOf(frontMatter: Record<string, unknown>): string | undefined {
  const value = frontMatter.verified;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });

export default function remarkSources() {
  return (tree: Root, file: VFile) => {
    const frontMatter = (file.data as { frontMatter?: Record<string, unknown> }).frontMatter ?? {};
    const sources = sourcesOf(frontMatter);
    if (!sources.length) return;
    const verified = verifiedOf(frontMatter);
    const intro: Paragraph = {
      type: 'paragraph',
      children: verified
        ? [text('Vérifié le '), { type: 'strong', children: [text(formatDate(verified))] }, text(" d'après ces pages :")]
        : [text("Écrit d'après ces pages :")],
    };
    const items: ListItem[] = sources.map((s) => ({
      type: 'listItem',
      spread: false,
      children: [{ type: 'paragraph', children: [{ type: 'link', url: s.url, children: [text(s.title)] } satisfies Link] }],
    }));
    tree.children.push(
      element(
        {
          type: 'blockquote',
          children: [
            element({ type: 'paragraph', children: [text('Sources')] } as RootContent, 'h2', { id: 'sources' }),
            intro,
            { type: 'list', ordered: false, spread: false, children: items },
          ],
        } as RootContent,
        'section',
        { className: ['sources-page'], 'aria-labelledby': 'sources' },
      ),
    );
  };
}
