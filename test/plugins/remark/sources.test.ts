// remark-sources and remark-summary-link: a page with `sources` ends with « Vérifié le … d'après
// ces pages : » and its links (the date read from YAML text or a YAML date, as gray-matter
// gives it); a guide opens with the link to its one-page summary; other pages are left alone.
import path from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { type Pluggable, unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { type GlossaryTerm, loadGlossary } from '../../../core/model/glossary.ts';
import { resolvePaths } from '../../../core/model/paths.ts';
import { passerelleRemarkPlugins, remarkGlossary, remarkSources, remarkSummaryLink } from '../../../plugins/remark/index.ts';
import { guidePathOf } from '../../../plugins/remark/summary-link.ts';

const GUIDES = '/site/content/guides';

async function html(
  markdown: string,
  plugins: Pluggable[],
  frontMatter: Record<string, unknown>,
  file = `${GUIDES}/identite-securite/itsme.md`,
): Promise<string> {
  const vfile = new VFile({ path: file, value: markdown, data: { frontMatter } });
  const out = await unified().use(remarkParse).use(remarkDirective).use(plugins).use(remarkRehype).use(rehypeStringify).process(vfile);
  return String(out).replace(/\n/g, '');
}

const SOURCES = [
  { title: 'itsme — Aide', url: 'https://www.itsme-id.com/fr-BE/support' },
  { title: 'Belgium.be — CSAM', url: 'https://www.belgium.be/fr/online_dienstverlening/csam' },
];

describe('remark-sources', () => {
  it('ends the page with the date in words and one link per source', async () => {
    expect(await html('Texte.', [remarkSources], { verified: '2026-11-30', sources: SOURCES })).toBe(
      '<p>Texte.</p>' +
        '<section class="sources-page" aria-labelledby="sources"><h2 id="sources">Sources</h2>' +
        "<p>Vérifié le <strong>30 novembre 2026</strong> d'après ces pages :</p>" +
        '<ul><li><a href="https://www.itsme-id.com/fr-BE/support">itsme — Aide</a></li><li><a href="https://www.belgium.be/fr/online_dienstverlening/csam">Belgium.be — CSAM</a></li></ul></section>',
    );
  });

  it('reads a date made by YAML (gray-matter turns 2026-11-30 into a Date)', async () => {
    expect(await html('Texte.', [remarkSources], { verified: new Date('2026-11-30T00:00:00Z'), sources: SOURCES })).toContain(
      '<strong>30 novembre 2026</strong>',
    );
  });

  it('says « Écrit d’après » without a date, and leaves pages without sources alone', async () => {
    expect(await html('Texte.', [remarkSources], { sources: SOURCES })).toContain("<p>Écrit d'après ces pages :</p>");
    expect(await html('Texte.', [remarkSources], { verified: '2026-11-30' })).toBe('<p>Texte.</p>');
    expect(await html('Texte.', [remarkSources], { verified: '2026-11-30', sources: 'belgium.be' })).toBe('<p>Texte.</p>');
  });

  it('comes before « Mots expliqués », and the glossary does not link words inside the sources', async () => {
    const terms: GlossaryTerm[] = [{ slug: 'itsme', term: 'itsme', aliases: [], definition: 'Une application pour prouver qui on est.' }];
    const out = await html('Installez itsme.', [remarkSources, [remarkGlossary, { terms }]], { verified: '2026-11-30', sources: SOURCES });
    expect(out.indexOf('id="sources"')).toBeLessThan(out.indexOf('id="mots-expliques"'));
    expect(out.match(/class="terme-glossaire"/g)).toHaveLength(1);
    expect(out).toContain('<a href="https://www.itsme-id.com/fr-BE/support">itsme — Aide</a>');
  });
});

describe('remark-summary-link', () => {
  const plugin: Pluggable = [remarkSummaryLink, { guidesDir: GUIDES }];

  it('opens a guide with the link to its summary, not printed', async () => {
    expect(await html('Texte.', [plugin], {})).toBe(
      '<p class="guide-resume-lien no-print"><a href="/guides/identite-securite/itsme/resume">Résumé à imprimer : les étapes sur une page</a></p><p>Texte.</p>',
    );
  });

  it.each([
    ['the guides index', `${GUIDES}/index.md`, {}],
    ['a curriculum page', '/site/content/curriculum/module-1/1-seance.md', {}],
    ['a guide whose address is set by hand', `${GUIDES}/bases/x.md`, { slug: '/ailleurs' }],
  ])('leaves %s alone', async (_what, file, frontMatter) => {
    expect(await html('Texte.', [plugin], frontMatter, file)).toBe('<p>Texte.</p>');
  });

  it('drops number prefixes as Docusaurus does', () => {
    expect(guidePathOf(GUIDES, `${GUIDES}/2-bases/03-wifi.mdx`)).toBe('/guides/bases/wifi');
  });

  it('needs the guides folder', () => {
    expect(() =>
      unified()
        .use(remarkSummaryLink as never, {})
        .freeze(),
    ).toThrow(/guidesDir/);
  });
});

describe('the plugins as the site runs them', () => {
  it('on a real guide: summary link first, sources then « Mots expliqués » last', async () => {
    const content = resolvePaths({}).content;
    const file = path.join(content, 'guides/identite-securite/itsme-installer-activer.md');
    expect(loadGlossary(content).length).toBeGreaterThan(10);
    const out = await html(
      ':::etapes\n1. **Ouvrez itsme.** Une application.\n:::',
      passerelleRemarkPlugins(content),
      { verified: '2026-11-30', sources: SOURCES },
      file,
    );
    expect(out.startsWith('<p class="guide-resume-lien no-print"><a href="/guides/identite-securite/itsme-installer-activer/resume">')).toBe(true);
    expect(out.indexOf('class="sources-page"')).toBeLessThan(out.indexOf('class="glossaire-page"'));
    expect(out.indexOf('class="glossaire-page"')).toBeGreaterThan(0);
  });
});
