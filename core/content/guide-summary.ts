// A guide's one-page summary: its steps only (the bold instruction of each, as written),
// grouped under their heading when a guide has several lists of steps, and the first
// safety warning. The content plugin makes one printable page of it per guide
// (`/guides/<theme>/<slug>/resume`), for the aidant who hands the steps to the person.
import type { RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { parseMarkdown, textOf } from './markdown.ts';

export interface SummaryGroup {
  /** The heading above the steps, when the guide has more than one list of steps. */
  heading?: string;
  steps: string[];
}

export interface GuideSummary {
  title: string;
  description: string;
  /** The guide's page (`/guides/<theme>/<slug>`). */
  guidePath: string;
  /** YYYY-MM-DD, when the facts were checked. */
  verified?: string;
  groups: SummaryGroup[];
  /** The first point of the guide's « Attention » block. */
  warning?: string;
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The instruction of a step: its bold opening, or else its first sentence. */
function instructionOf(item: RootContent): string {
  if (item.type !== 'listItem') return '';
  const first = item.children[0];
  if (first?.type !== 'paragraph') return '';
  const lead = first.children[0];
  if (lead?.type === 'strong') return clean(textOf(lead));
  const text = clean(textOf(first));
  return /^.*?[.!?](?=\s|$)/u.exec(text)?.[0] ?? text;
}

/** The steps and first warning of a guide's Markdown body. */
export function summarizeSteps(markdown: string): Pick<GuideSummary, 'groups' | 'warning'> {
  const tree = parseMarkdown(markdown);
  const groups: SummaryGroup[] = [];
  let heading: string | undefined;
  let warning: string | undefined;
  for (const node of tree.children) {
    if (node.type === 'heading') heading = clean(textOf(node));
    if (node.type !== 'containerDirective') continue;
    const directive = node as ContainerDirective;
    if (directive.name === 'etapes') {
      const list = directive.children.find((c) => c.type === 'list');
      if (list?.type !== 'list') continue;
      groups.push({ ...(heading ? { heading } : {}), steps: list.children.map(instructionOf).filter(Boolean) });
    }
    if (directive.name === 'attention' && warning === undefined) {
      const first = directive.children.find((c) => c.type === 'list' || c.type === 'paragraph');
      const text = first?.type === 'list' ? first.children[0] : first;
      if (text) warning = clean(textOf(text));
    }
  }
  // One list: its heading (« Étapes ») says nothing the page does not say already.
  if (groups.length === 1 && groups[0]) delete groups[0].heading;
  return { groups, ...(warning ? { warning } : {}) };
}
