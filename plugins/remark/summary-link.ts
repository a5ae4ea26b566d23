/**
 * remark-summary-link: every guide opens with a link to its one-page summary, the steps
 * only in large type (`/guides/<theme>/<slug>/resume`, a page the content plugin makes),
 * for the aidant who prints them for the person. The link is not printed itself.
 * Only for guides in a theme folder of `guidesDir`; not for the guides' index, nor for a
 * page whose `slug` is set by hand (its address is not its file's: no summary is made).
 * Docusaurus refuses a broken link at build, so a summary missing for a guide is caught.
 */
import path from 'node:path';
import type { Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { sitePaths } from '../../core/urls.ts';
import { element } from './directive-utils.ts';

export interface SummaryLinkOptions {
  /** The folder of the guides (content/guides). */
  guidesDir: string;
}

/** The page of a guide file, as Docusaurus makes it: folders and name, number prefixes dropped. */
export function guidePathOf(guidesDir: string, file: string): string | undefined {
  const rel = path.relative(guidesDir, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const parts = rel.replace(/\.mdx?$/, '').split(path.sep);
  if (parts.length < 2) return undefined;
  return `${sitePaths.guides}/${parts.map((p) => p.replace(/^\d+[-_.]/, '')).join('/')}`;
}

export default function remarkSummaryLink(options: SummaryLinkOptions) {
  if (!options?.guidesDir) throw new Error('remark-summary-link: option `guidesDir` (the guides folder) is required.');
  return (tree: Root, file: VFile) => {
    const frontMatter = (file.data as { frontMatter?: Record<string, unknown> }).frontMatter ?? {};
    const guidePath = file.path && frontMatter.slug === undefined ? guidePathOf(options.guidesDir, file.path) : undefined;
    if (!guidePath) return;
    tree.children.unshift(
      element(
        {
          type: 'paragraph',
          children: [
            { type: 'link', url: sitePaths.guideSummary(guidePath), children: [{ type: 'text', value: 'Résumé à imprimer : les étapes sur une page' }] },
          ],
        } as RootContent,
        'p',
        { className: ['guide-resume-lien', 'no-print'] },
      ),
    );
  };
}
