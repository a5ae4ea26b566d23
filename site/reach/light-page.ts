// A light page of our own, without the site's shell: for pages that must weigh a few
// kilobytes (the WiFi portal's page, the widget in a partner's iframe). Its little CSS is
// inline; it has no script.
import { escapeHtml } from '../../core/html.ts';

export interface LightPage {
  title: string;
  /** HTML of the body (escaped by the caller). */
  body: string;
  description?: string;
  /** Extra CSS for this page. */
  css?: string;
  lang?: string;
  /** Address of the page for the canonical link. */
  canonical?: string;
}

const BASE_CSS = `*{box-sizing:border-box}body{margin:0;font:1.0625rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1c1e21;background:#fff}
a{color:#0b5394}a:focus-visible{outline:3px solid #1c1e21;outline-offset:2px}main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}h2{font-size:1.2rem;margin:1.5rem 0 .5rem}ul{padding-left:1.2rem}li{margin:.4rem 0}
.petit{font-size:.95rem;color:#444}.bandeau{background:#0b5394;color:#fff;padding:.6rem 1rem}.bandeau a{color:#fff}`;

export function renderLightPage({ title, body, description, css = '', lang = 'fr-BE', canonical }: LightPage): string {
  return `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>${
    description ? `<meta name="description" content="${escapeHtml(description)}">` : ''
  }${canonical ? `<link rel="canonical" href="${escapeHtml(canonical)}">` : ''}<style>${BASE_CSS}${css}</style></head><body>${body}</body></html>`;
}
