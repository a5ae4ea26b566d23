// The directory pages rendered from YAML by our own code: every field, JSON-LD that parses,
// the demo notice, partner text that stays inert text whatever it contains (even `$&`),
// the entry page with counts, and each commune's and section's list, paginated, kept in
// line one change at a time.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContentModel, loadInitiatives, resolvePaths } from '../../core/model/index.ts';
import { readInitiativeFile, writeInitiativeFile } from '../../core/model/initiative-files.ts';
import { normalizeSiteUrl } from '../../core/urls.ts';
import { PAGE_SIZE } from '../../site/directory/pages.ts';
import { createDirectoryRenderer, renderDirectory, renderOne } from '../../site/directory/render-directory.tsx';
import { tempContent } from '../helpers/content.ts';

const repoBuild = resolvePaths({}).build;
const HOSTILE = `</script><script>alert(1)</script> <img src=x onerror=alert(2)> {process.exit()} import x from 'y'

# Un titre Markdown

export const a = 1;`;

let env: ReturnType<typeof tempContent>;

function page(id: string): string {
  return fs.readFileSync(path.join(env.paths.build, 'annuaire', `${id}.html`), 'utf8');
}

function jsonLdOf(html: string): Record<string, unknown> {
  const m = html.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/);
  expect(m, 'page has a JSON-LD block').toBeTruthy();
  return JSON.parse(m![1]!) as Record<string, unknown>;
}

beforeAll(() => {
  env = tempContent();
  fs.mkdirSync(env.paths.build, { recursive: true });
  fs.copyFileSync(path.join(repoBuild, 'gabarit-annuaire.html'), path.join(env.paths.build, 'gabarit-annuaire.html'));
  const model = loadContentModel(env.paths);
  const source = path.join(env.paths.initiatives, 'permanence-marcinelle.yml');
  const base = readInitiativeFile(model, source);
  writeInitiativeFile(env.paths.initiatives, { ...base, id: 'piege-html', name: 'Piège <b>gras</b>', summary: HOSTILE.slice(0, 150), description: HOSTILE });
  writeInitiativeFile(env.paths.initiatives, { ...base, id: 'ancienne-permanence', status: 'archived' });
  // Replacement patterns of String.replace, as a partner could type them.
  writeInitiativeFile(env.paths.initiatives, { ...base, id: 'motifs-dollar', name: "Café $& $' $` $$ numérique", summary: "Gratuit $& pour tous $' ici" });
  renderDirectory({ buildDir: env.paths.build, model, siteUrl: normalizeSiteUrl('https://passerelle.example') });
});

afterAll(() => env.cleanup());

describe('directory pages', () => {
  it('renders one page per active initiative, and none for archived ones, beside the lists', () => {
    const files = fs
      .readdirSync(path.join(env.paths.build, 'annuaire'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.html'))
      .sort();
    expect(files).toEqual(['charleroi.html', 'charleroi/marcinelle.html', 'index.html', 'motifs-dollar.html', 'permanence-marcinelle.html', 'piege-html.html']);
  });

  it("keeps `$&`, `$'`, `$`` and `$$` in partner text as they are, in the page, its title and its JSON-LD", () => {
    const html = page('motifs-dollar');
    expect(html).toContain('<h1>Café $&amp; $&#x27; $` $$ numérique</h1>');
    expect(html).toContain('<title data-rh="true">Café $&amp; $&#39; $` $$ numérique — Marcinelle | Passerelle</title>');
    expect(html).toContain('content="Gratuit $&amp; pour tous $&#39; ici"');
    expect(jsonLdOf(html).name).toBe("Café $& $' $` $$ numérique");
    // The template's own markup is intact (a `$&` read as a pattern would have pasted the token).
    expect(html).not.toContain('PASSERELLE_TITLE_TOKEN');
    expect(html.match(/<\/html>/g)).toHaveLength(1);
  });

  it('shows every field of the model on the initiative page', () => {
    const html = page('permanence-marcinelle');
    for (const text of [
      'Permanence « aide numérique » de Marcinelle',
      'Ville de Charleroi',
      'Avenue Eugène Mascaux 100',
      '6001',
      'Marcinelle',
      'Venez avec votre carte d&#x27;identité.',
      'Aide aux démarches administratives',
      'Gratuit',
    ])
      expect(html).toContain(text);
    expect(html).toMatch(/<table[\s\S]*data-jour="2"[\s\S]*9\u00a0h à 12\u00a0h/);
    expect(html).toContain('https://www.openstreetmap.org/?mlat=50.3889&amp;mlon=4.4335');
    expect(html).toMatch(/données de démonstration/i);
    expect(html).toContain('<html lang="fr-BE"');
  });

  it('gives every active initiative its page with parseable JSON-LD', () => {
    const model = loadContentModel(env.paths);
    const { initiatives } = loadInitiatives(model, env.paths.initiatives);
    for (const i of initiatives.filter((x) => x.status === 'active')) {
      const ld = jsonLdOf(page(i.id));
      expect(ld.name).toBe(i.name);
    }
  });

  it('embeds schema.org JSON-LD that parses and describes the place', () => {
    const ld = jsonLdOf(page('permanence-marcinelle'));
    expect(ld['@context']).toBe('https://schema.org');
    expect(JSON.stringify(ld)).toContain('"postalCode":"6001"');
    expect(JSON.stringify(ld)).toContain('https://passerelle.example/annuaire/permanence-marcinelle');
  });

  it('keeps hostile partner text inert in the page and in the JSON-LD', () => {
    const html = page('piege-html');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>gras</b>');
    expect(html).toContain('Piège &lt;b&gt;gras&lt;/b&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('{process.exit()} import x from &#x27;y&#x27;');
    expect(html).toContain('# Un titre Markdown');
    expect(html).not.toMatch(/<h1[^>]*>\s*Un titre Markdown/);
    // The JSON-LD block still parses and holds the text verbatim, with no way to close the tag.
    const ld = jsonLdOf(html);
    expect(JSON.stringify(ld)).toContain('alert(1)');
    const scripts = html.match(/<script\b/g) ?? [];
    const closing = html.match(/<\/script>/g) ?? [];
    expect(scripts.length).toBe(closing.length);
  });

  it('lists the communes and sections with their counts, and each one its places, without JavaScript', () => {
    const entry = fs.readFileSync(path.join(env.paths.build, 'annuaire', 'index.html'), 'utf8');
    expect(entry).toContain('<a href="/annuaire/charleroi">Charleroi (3)</a>');
    expect(entry).toContain('<a href="/annuaire/charleroi/marcinelle">Marcinelle (3)</a>');
    expect(entry).not.toMatch(/<script[^>]*src="\/assets\/js/);
    const commune = fs.readFileSync(path.join(env.paths.build, 'annuaire', 'charleroi.html'), 'utf8');
    expect(commune).toContain('href="/annuaire/permanence-marcinelle"');
    expect(commune).not.toContain('ancienne-permanence');
    expect(commune).toMatch(/<h1>Aide numérique : Charleroi<\/h1>/);
    const section = fs.readFileSync(path.join(env.paths.build, 'annuaire', 'charleroi', 'marcinelle.html'), 'utf8');
    expect(section).toContain('href="/annuaire/permanence-marcinelle"');
    expect(section).toContain('<a href="/annuaire/charleroi">Charleroi</a>');
  });

  it('re-renders a single page and removes it once archived', async () => {
    const model = loadContentModel(env.paths);
    const file = path.join(env.paths.initiatives, 'piege-html.yml');
    const current = readInitiativeFile(model, file);
    writeInitiativeFile(env.paths.initiatives, { ...current, name: 'Nom corrigé' });
    await renderOne({ buildDir: env.paths.build, model }, 'piege-html');
    expect(page('piege-html')).toContain('Nom corrigé');
    writeInitiativeFile(env.paths.initiatives, { ...current, status: 'archived' });
    await renderOne({ buildDir: env.paths.build, model }, 'piege-html');
    expect(fs.existsSync(path.join(env.paths.build, 'annuaire', 'piege-html.html'))).toBe(false);
    expect(fs.readdirSync(path.join(env.paths.build, 'annuaire')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('splits a long list into pages of PAGE_SIZE with links to every page, and keeps pages and counts in line one change at a time', async () => {
    const model = loadContentModel(env.paths);
    const base = readInitiativeFile(model, path.join(env.paths.initiatives, 'permanence-marcinelle.yml'));
    const all = new Map(loadInitiatives(model, env.paths.initiatives).initiatives.map((i) => [i.id, i]));
    const extra = 2 * PAGE_SIZE + 5;
    for (let n = 0; n < extra; n++) {
      const i = { ...base, id: `lieu-${String(n).padStart(3, '0')}`, name: `Lieu ${String(n).padStart(3, '0')}` };
      all.set(i.id, i);
    }
    const renderer = createDirectoryRenderer({ buildDir: env.paths.build, model });
    expect(renderer).toBeDefined();
    const added = all.get('lieu-000');
    await renderer?.renderChanges([{ ...(added ? { after: added } : {}) }], all);
    const dir = path.join(env.paths.build, 'annuaire', 'charleroi');
    const total = [...all.values()].filter((i) => i.status === 'active').length;
    const pages = Math.ceil(total / PAGE_SIZE);
    expect(pages).toBe(3);
    expect(fs.existsSync(path.join(dir, 'marcinelle', '3.html'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'marcinelle', '4.html'))).toBe(false);
    const first = fs.readFileSync(path.join(dir, 'marcinelle.html'), 'utf8');
    expect(first.match(/class="annuaire__resultat"/g)).toHaveLength(PAGE_SIZE);
    for (const n of [2, 3]) expect(first).toContain(`href="/annuaire/charleroi/marcinelle/${n}"`);
    expect(fs.readFileSync(path.join(env.paths.build, 'annuaire', 'index.html'), 'utf8')).toContain(`Marcinelle (${total})`);

    // Archive enough of them to drop a page: the page past the new end goes away, counts follow.
    for (let n = 0; n < PAGE_SIZE; n++) {
      const id = `lieu-${String(n).padStart(3, '0')}`;
      const before = all.get(id);
      if (before) all.set(id, { ...before, status: 'archived' });
    }
    const gone = all.get('lieu-000');
    await renderer?.renderChanges([{ ...(gone ? { before: { ...gone, status: 'active' }, after: gone } : {}) }], all);
    expect(fs.existsSync(path.join(dir, 'marcinelle', '3.html'))).toBe(false);
    expect(fs.existsSync(path.join(env.paths.build, 'annuaire', 'lieu-000.html'))).toBe(false);
    expect(fs.readFileSync(path.join(env.paths.build, 'annuaire', 'index.html'), 'utf8')).toContain(`Marcinelle (${total - PAGE_SIZE})`);
  });
});
