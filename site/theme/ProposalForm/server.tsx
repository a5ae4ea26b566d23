// The pages the server renders for the proposal form and the tracking page (the API
// reaches them through site/directory/index.ts). /proposer keeps Docusaurus' built page and
// its scripts: only its <main> is rendered again with the listing's values (or what was
// posted and its errors), and the same data is put in the page for the browser's first
// render, so it comes to life as shown. /suivi is the site's shell around Tracking.
import fs from 'node:fs';
import path from 'node:path';
import { renderToStaticMarkup, renderToString } from 'react-dom/server';
import { escapeHtml, scriptJson, spliceAll } from '../../../core/html.ts';
import type { ContentModel, Initiative, InitiativeFields } from '../../../core/model/index.ts';
import type { ProposalVocabularies } from '../../../core/proposal-form.ts';
import { sitePaths } from '../../../core/urls.ts';
import { renderPlainPage } from '../../directory/plain-page.ts';
import { toView } from '../../directory/view-model.ts';
import ProposalPage, { type ProposalInitial } from './ProposalPage.tsx';
import Tracking, { type TrackingProps } from './Tracking.tsx';

export { RESUBMIT_PATH } from './Tracking.tsx';
export type { ProposalInitial };

const INITIAL_DATA_ID = 'proposition-donnees';
const TITLES = { create: 'Proposer une initiative', update: 'Corriger une fiche', report: 'Signaler une erreur' } as const;

function builtProposalPage(buildDir: string | undefined): string | undefined {
  if (!buildDir) return undefined;
  for (const file of [path.join(buildDir, 'proposer.html'), path.join(buildDir, 'proposer', 'index.html')]) {
    if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
  }
  return undefined;
}

/**
 * /proposer with a starting point: the built page, its <main> rendered with these values.
 * `live: false` (the answer to a posted form, at an address that is no page of the site's
 * client router): Docusaurus' scripts are left out, the page stays as shown.
 */
export function renderProposalPage(
  buildDir: string | undefined,
  vocab: ProposalVocabularies,
  initial: ProposalInitial,
  { live = true }: { live?: boolean } = {},
): string {
  const title = initial.target ? `${TITLES[initial.type]} : ${initial.target.name}` : TITLES[initial.type];
  const built = builtProposalPage(buildDir);
  const start = built?.indexOf('<main') ?? -1;
  const end = built?.indexOf('</main>') ?? -1;
  if (!built || start === -1 || end === -1) {
    // No built site (API-only use): the same form, plain.
    const body = renderToStaticMarkup(<ProposalPage vocab={vocab} initial={initial} js={false} />);
    return renderPlainPage(buildDir, { title, body: body.replace(/^<main[^>]*>|<\/main>$/g, ''), path: sitePaths.proposal });
  }
  const main = renderToString(<ProposalPage vocab={vocab} initial={initial} js={false} />);
  let page = built.slice(0, start) + main + built.slice(end + '</main>'.length);
  if (!live)
    page = page.replace(/<script\b(?![^>]*type="application\/(?:ld\+)?json")[^>]*>[\s\S]*?<\/script>/gi, '').replace(/<link\b[^>]*\bas="script"[^>]*>/gi, '');
  const withTitle = page.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)} | Passerelle</title>`);
  const data = `<script type="application/json" id="${INITIAL_DATA_ID}">${scriptJson(initial)}</script>`;
  return spliceAll(withTitle, '</body>', `${data}</body>`);
}

/** /suivi?id=…&token=…: the tracking page in the site's shell. */
export function renderTrackingPage(
  buildDir: string | undefined,
  model: ContentModel,
  props: Omit<TrackingProps, 'preview'> & { proposal?: InitiativeFields; listing?: Initiative },
): string {
  const { proposal, listing, ...rest } = props;
  let preview: TrackingProps['preview'];
  if (listing && props.status.status === 'approved') preview = toView(model, listing);
  else if (proposal) {
    const today = new Date().toISOString().slice(0, 10);
    preview = toView(model, { ...proposal, id: props.status.targetId ?? 'apercu', source: { origin: 'moderation' }, updated: today, status: 'active' });
  }
  const body = renderToStaticMarkup(<Tracking {...rest} {...(preview ? { preview } : {})} />);
  return renderPlainPage(buildDir, { title: 'Suivre ma proposition', body, path: '/suivi' });
}

/** A short page in the site's shell (a link that is incomplete, a listing not found…). */
export function renderMessagePage(buildDir: string | undefined, title: string, paragraphs: string[], link?: { href: string; label: string }): string {
  const body = `<h1>${escapeHtml(title)}</h1>${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}${
    link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>` : ''
  }`;
  return renderPlainPage(buildDir, { title, body, path: '/suivi' });
}
