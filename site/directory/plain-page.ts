// A page of the site made by the server (the no-JavaScript answers of forms, the reach
// pages): the site's shell (its <main> holds the slot), or a bare French page when no site
// is built (API-only use).
import { escapeHtml } from '../../core/html.ts';
import { loadShell, type Shell } from './shell.ts';

export interface PlainPage {
  title: string;
  /** HTML of the page's content (escaped by the caller). */
  body: string;
  path: string;
  noindex?: boolean;
}

export function renderPlainPage(buildDir: string | undefined, { title, body, path, noindex = true }: PlainPage): string {
  let shell: Shell | undefined;
  try {
    shell = buildDir ? loadShell(buildDir) : undefined;
  } catch {
    shell = undefined;
  }
  if (!shell) {
    const main = `<main class="container container--narrow margin-vert--lg" id="passerelle-main">${body}</main>`;
    return `<!doctype html><html lang="fr-BE"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${main}</body></html>`;
  }
  // The shell's slot is already inside its <main>: one main landmark per page.
  const main = `<div class="container container--narrow">${body}</div>`;
  return shell.fill({
    title: escapeHtml(title),
    description: escapeHtml(title),
    path,
    head: noindex ? '<meta name="robots" content="noindex">' : '',
    body: main,
  });
}
