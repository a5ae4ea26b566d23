// The shell of the light pages (home, directory, listings, pages made by the server),
// taken from the built /gabarit-annuaire Docusaurus page: the site's head, header (menu and
// search box) and footer, rendered by the same components as on every Docusaurus page, so
// the shell is one. Docusaurus' scripts are removed (these pages are not routes of its
// client router: the menu is a <details>, the search box a plain form), and so is its 80 KB
// stylesheet: the light pages' own stylesheet (site/css/light.css, built into
// passerelle/light.css) is put inline, so a phone paints the page after one request.
// `site.js` (Escape closes the menu) is added when built.
import fs from 'node:fs';
import path from 'node:path';
import { spliceAll } from '../../core/html.ts';
import { currentOf } from '../theme/SiteShell/links.ts';

export interface Shell {
  /** Fills the shell: all values are already HTML-escaped by the caller except `head` and `body`. */
  fill(page: { title: string; description: string; path: string; head: string; body: string }): string;
}

const TITLE = 'PASSERELLE_TITLE_TOKEN';
const DESCRIPTION = 'PASSERELLE_DESCRIPTION_TOKEN';
const SLOT = '<div id="passerelle-slot"></div>';
const TEMPLATE_PATH = '/gabarit-annuaire';
/** Built by scripts/lib/build-site.ts from site/css/light.css and site/client/site.ts. */
export const LIGHT_CSS = 'passerelle/light.css';
export const SITE_SCRIPT = '/passerelle/site.js';

export function templateFile(buildDir: string): string {
  const candidates = [path.join(buildDir, 'gabarit-annuaire.html'), path.join(buildDir, 'gabarit-annuaire', 'index.html')];
  const found = candidates.find((f) => fs.existsSync(f));
  if (!found) throw new Error(`${candidates[0]} is missing: build the site first (npm run build).`);
  return found;
}

/** The template's Docusaurus stylesheet link replaced by the light stylesheet, inline (kept when that is not built). */
function withLightStyles(html: string, buildDir: string): string {
  const file = path.join(buildDir, LIGHT_CSS);
  if (!fs.existsSync(file)) return html;
  const css = fs.readFileSync(file, 'utf8').replace(/<\/style/gi, '<\\/style');
  let inlined = false;
  const out = html.replace(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="\/assets\/css\/[^"]+"[^>]*>/gi, () => {
    if (inlined) return '';
    inlined = true;
    return `<style>${css}</style>`;
  });
  return inlined ? out : html;
}

export function loadShell(buildDir: string): Shell {
  const file = templateFile(buildDir);
  const stripped = fs
    .readFileSync(file, 'utf8')
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<link\b[^>]*\bas="script"[^>]*>/gi, '')
    .replace(/<meta\b[^>]*name="robots"[^>]*>/gi, '');
  const script = fs.existsSync(path.join(buildDir, SITE_SCRIPT.slice(1))) ? `<script type="module" src="${SITE_SCRIPT}"></script>` : '';
  const html = spliceAll(withLightStyles(stripped, buildDir), '</head>', `${script}</head>`);
  const slotAt = html.indexOf(SLOT);
  if (slotAt === -1 || !html.includes(TITLE)) throw new Error(`${file} has no slot or title placeholder: was site/pages/gabarit-annuaire.tsx changed?`);
  const before = html.slice(0, slotAt);
  const after = html.slice(slotAt + SLOT.length);
  return {
    fill({ title, description, path: pagePath, head, body }) {
      // Text is spliced with split/join: a replacement string would read `$&` or `$'` in a
      // partner's name as patterns and corrupt the page.
      const fillText = (s: string) =>
        spliceAll(spliceAll(s, TITLE, title), DESCRIPTION, description).replace(
          new RegExp(`(href|content)="([^"]*)${TEMPLATE_PATH}"`, 'g'),
          (_, attr: string, base: string) => `${attr}="${base}${pagePath}"`,
        );
      // The header's link to the page's part of the site says so (it was rendered for the template's path).
      const header = fillText(before).replace(/<a class="entete__lien" href="([^"]+)"/g, (tag, href: string) => {
        const current = currentOf({ href, label: '' }, pagePath);
        return current ? `${tag} aria-current="${current}"` : tag;
      });
      return spliceAll(header, '</head>', `${head}</head>`) + body + fillText(after);
    },
  };
}
