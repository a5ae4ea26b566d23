// The glossary plugin: first use of a term linked to its definition at the end of the
// page (accessible with aria-describedby), whole words only, never inside headings, links
// or code, longest form first; and the real glossary file loads.

import type { Pluggable } from 'unified';
import { describe, expect, it } from 'vitest';
import { type GlossaryTerm, loadGlossary } from '../../../core/model/glossary.ts';
import { resolvePaths } from '../../../core/model/paths.ts';
import { remarkEtapes, remarkGlossary } from '../../../plugins/remark/index.ts';
import { toHtml } from '../../helpers/markdown.ts';

const terms: GlossaryTerm[] = [
  { slug: 'epn', term: 'EPN', aliases: ['espace public numérique'], definition: 'Un lieu public avec des ordinateurs.' },
  { slug: 'maison-communale', term: 'maison communale', aliases: ['maison communale annexe'], definition: 'Les bureaux de la commune.' },
];
const glossary: Pluggable[] = [remarkEtapes, [remarkGlossary, { terms }]];

describe('remark-glossary', () => {
  it('links the first use only and lists the definition at the end', async () => {
    const html = await toHtml('Allez dans un EPN. Un autre EPN est ouvert.', glossary);
    expect(html).toBe(
      '<p>Allez dans un <a href="#mot-epn" class="terme-glossaire" aria-describedby="mot-epn-def">EPN</a>. Un autre EPN est ouvert.</p>' +
        '<section class="glossaire-page" aria-labelledby="mots-expliques"><h2 id="mots-expliques">Mots expliqués</h2><h3 id="mot-epn">EPN</h3><p id="mot-epn-def">Un lieu public avec des ordinateurs.</p></section>',
    );
  });

  it('matches whole words, any case, the longest form first, and several terms in one text', async () => {
    const html = await toHtml("La Maison communale annexe et l'Espace public numérique. EPNS ne compte pas.", glossary);
    expect(html).toContain('<a href="#mot-maison-communale" class="terme-glossaire" aria-describedby="mot-maison-communale-def">Maison communale annexe</a>');
    expect(html).toContain('>Espace public numérique</a>');
    expect(html).toContain('EPNS ne compte pas');
  });

  it('leaves headings, links, code and steps structure alone', async () => {
    const html = await toHtml("## Un EPN\n\n[un EPN](/x) et `EPN`\n\n:::etapes\n1. Allez à l'EPN.\n:::", glossary);
    expect(html).toContain('<h2>Un EPN</h2>');
    expect(html).toContain('<a href="/x">un EPN</a>');
    expect(html).toContain('<code>EPN</code>');
    expect(html).toContain('<li class="etapes__etape">Allez à l\'<a href="#mot-epn"');
  });

  it('adds nothing to a page without terms', async () => {
    expect(await toHtml('Rien ici.', glossary)).toBe('<p>Rien ici.</p>');
  });

  it('loads the project glossary with unique slugs', () => {
    const all = loadGlossary(resolvePaths({}).content);
    expect(all.length).toBeGreaterThanOrEqual(40);
    expect(new Set(all.map((t) => t.slug)).size).toBe(all.length);
  });
});
