// The directory pages rendered from YAML by our own code: every field, JSON-LD that parses,
// the demo notice, and partner text that stays inert text whatever it contains.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContentModel, loadInitiatives, resolvePaths } from '../../core/model/index.ts';
import { readInitiativeFile, writeInitiativeFile } from '../../core/model/initiative-files.ts';
import { normalizeSiteUrl } from '../../core/urls.ts';
import { renderDirectory, renderOne } from '../../site/directory/render-directory.tsx';
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
  return JSON.parse(m![1]) as Record<string, unknown>;
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
  renderDirectory({ buildDir: env.paths.build, model, siteUrl: normalizeSiteUrl('https://passerelle.example') });
});

afterAll(() => env.cleanup());

describe('directory pages', () => {
  it('renders one page per active initiative, and none for archived ones', () => {
    const files = fs.readdirSync(path.join(env.paths.build, 'annuaire')).sort();
    expect(files).toEqual(['index.html', 'permanence-marcinelle.html', 'piege-html.html']);
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

  it('lists active initiatives by commune, usable without JavaScript', () => {
    const html = fs.readFileSync(path.join(env.paths.build, 'annuaire', 'index.html'), 'utf8');
    expect(html).toContain('href="/annuaire/permanence-marcinelle"');
    expect(html).not.toContain('ancienne-permanence');
    expect(html).toMatch(/<h2[^>]*>[^<]*Charleroi/);
    expect(html).not.toMatch(/<script[^>]*src="\/assets\/js/);
  });

  it('re-renders a single page and removes it once archived', () => {
    const model = loadContentModel(env.paths);
    const file = path.join(env.paths.initiatives, 'piege-html.yml');
    const current = readInitiativeFile(model, file);
    writeInitiativeFile(env.paths.initiatives, { ...current, name: 'Nom corrigé' });
    renderOne({ buildDir: env.paths.build, model }, 'piege-html');
    expect(page('piege-html')).toContain('Nom corrigé');
    writeInitiativeFile(env.paths.initiatives, { ...current, status: 'archived' });
    renderOne({ buildDir: env.paths.build, model }, 'piege-html');
    expect(fs.existsSync(path.join(env.paths.build, 'annuaire', 'piege-html.html'))).toBe(false);
    expect(fs.readdirSync(path.join(env.paths.build, 'annuaire')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
