// The page shell for directory pages, taken from the built /gabarit-annuaire page: the
// site's head (CSS), navbar and footer, with Docusaurus' scripts removed (these pages are
// not routes of its client router) and placeholders to fill.
import fs from 'node:fs';
import path from 'node:path';
import { spliceAll } from '../../core/html.ts';

export interface Shell {
  /** Fills the shell: all values are already HTML-escaped by the caller except `head` and `body`. */
  fill(page: { title: string; description: string; path: string; head: string; body: string }): string;
}

const TITLE = 'PASSERELLE_TITLE_TOKEN';
const DESCRIPTION = 'PASSERELLE_DESCRIPTION_TOKEN';
const SLOT = '<div id="passerelle-slot"></div>';
const TEMPLATE_PATH = '/gabarit-annuaire';

export function templateFile(buildDir: string): string {
  const candidates = [path.join(buildDir, 'gabarit-annuaire.html'), path.join(buildDir, 'gabarit-annuaire', 'index.html')];
  const found = candidates.find((f) => fs.existsSync(f));
  if (!found) throw new Error(`${candidates[0]} is missing: build the site first (npm run build).`);
  return found;
}

export function loadShell(buildDir: string): Shell {
  const file = templateFile(buildDir);
  const html = fs
    .readFileSync(file, 'utf8')
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<link\b[^>]*\bas="script"[^>]*>/gi, '')
    .replace(/<meta\b[^>]*name="robots"[^>]*>/gi, '');
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
      return spliceAll(fillText(before), '</head>', `${head}</head>`) + body + fillText(after);
    },
  };
}
