// remark-etapes: a numbered list of steps becomes <ol class="etapes">, and misuse stops the build naming file and line.
import fs from 'node:fs';
import path from 'node:path';
import type { List, Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { remarkCallouts, remarkEtapes } from '../../../plugins/remark/index.ts';
import { toHtml } from '../../helpers/markdown.ts';

const FILE = 'content/guides/demarches/myminfin.md';
const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/remark');
const html = (markdown: string) => toHtml(markdown, [remarkEtapes], FILE);

describe(':::etapes output', () => {
  it('gives the mdast list the <ol class="etapes"> shape and marks each item as a step', async () => {
    const processor = unified().use(remarkParse).use(remarkDirective).use(remarkEtapes);
    const file = new VFile({ path: FILE, value: ':::etapes\n1. Un.\n2. Deux.\n:::' });
    const tree = (await processor.run(processor.parse(file), file)) as Root;
    const list = tree.children[0] as List;
    expect(tree.children).toHaveLength(1);
    expect(list.type).toBe('list');
    expect(list.ordered).toBe(true);
    expect(list.data).toMatchObject({ hName: 'ol', hProperties: { className: ['etapes'] } });
    expect(list.children.map((item) => item.data)).toEqual([
      { hName: 'li', hProperties: { className: ['etapes__etape'] } },
      { hName: 'li', hProperties: { className: ['etapes__etape'] } },
    ]);
  });

  it('keeps a screenshot inside its step (fixture etapes-capture.md → .html)', async () => {
    const markdown = fs.readFileSync(path.join(FIXTURES, 'etapes-capture.md'), 'utf8');
    const expected = fs.readFileSync(path.join(FIXTURES, 'etapes-capture.html'), 'utf8');
    expect(await html(markdown)).toBe(expected);
  });

  it('accepts a step that is only a picture', async () => {
    expect(await html(":::etapes\n1. ![Écran d'accueil](/img/a.png)\n:::")).toBe(
      '<ol class="etapes"><li class="etapes__etape"><img src="/img/a.png" alt="Écran d&#x27;accueil"></li></ol>',
    );
  });

  it("keeps the list's own numbers (no renumbering) and its start", async () => {
    expect(await html(':::etapes\n4. Quatre.\n5. Cinq.\n:::')).toBe(
      '<ol start="4" class="etapes"><li class="etapes__etape">Quatre.</li><li class="etapes__etape">Cinq.</li></ol>',
    );
    expect(await html(':::etapes\n1. Un.\n1. Encore un.\n:::')).not.toContain('start=');
  });

  it('keeps nested content in a step: a sub-list, and a warning when the outer block has four colons', async () => {
    expect(await html(':::etapes\n1. Préparez :\n   - votre carte ;\n   - votre code PIN.\n2. Fini.\n:::')).toBe(
      '<ol class="etapes"><li class="etapes__etape">Préparez :<ul><li>votre carte ;</li><li>votre code PIN.</li></ul></li><li class="etapes__etape">Fini.</li></ol>',
    );
    const nested = '::::etapes\n1. Un.\n\n   :::attention\n   Ne donnez pas votre code.\n   :::\n2. Deux.\n::::';
    expect(await toHtml(nested, [remarkEtapes, remarkCallouts], FILE)).toBe(
      '<ol class="etapes"><li class="etapes__etape"><p>Un.</p><aside class="callout callout--attention" aria-label="Attention"><p class="callout__titre"><strong>Attention</strong></p><p>Ne donnez pas votre code.</p></aside></li><li class="etapes__etape"><p>Deux.</p></li></ol>',
    );
  });

  it('leaves ordinary lists and other directives alone', async () => {
    expect(await html('1. Un.\n2. Deux.')).toBe('<ol><li>Un.</li><li>Deux.</li></ol>');
    expect(await html(':::note\nTexte.\n:::')).toBe('<div><p>Texte.</p></div>');
  });
});

describe(':::etapes misuse', () => {
  // Four lines of text before the block, so the block starts on line 5.
  const BEFORE = '# Titre\n\nIntroduction.\n\n';
  it.each([
    ['an empty block', ':::etapes\n:::', 5, /le bloc doit contenir une seule liste numérotée \(1\. 2\. 3\.\)/],
    ['a bullet list', ':::etapes\n- un\n- deux\n:::', 5, /une seule liste numérotée/],
    ['text around the list', ":::etapes\nD'abord :\n\n1. un\n:::", 5, /sans autre texte autour/],
    ['two lists', ':::etapes\n1. un\n\n\n- deux\n:::', 5, /une seule liste numérotée/],
    ['a title in brackets', ':::etapes[Les étapes]\n1. un\n:::', 5, /pas de titre entre crochets : mettez le titre au-dessus du bloc/],
    ['unknown settings in braces', ':::etapes{.grand start=3}\n1. un\n:::', 5, /les réglages entre accolades ne sont pas permis : retirez « \{…\} »/],
    ["an empty step, at the step's line", ':::etapes\n1. un\n2.\n3. trois\n:::', 7, /l'étape 2 est vide : écrivez ce qu'il faut faire/],
    ['two colons instead of three', '::etapes', 5, /écrivez trois deux-points en début de ligne \(:::etapes\)/],
    ['the inline form', 'Voir :etapes[ici].', 5, /écrivez trois deux-points/],
  ])('refuses %s, naming the file and the line', async (_what, markdown, line, message) => {
    const error = await html(`${BEFORE}${markdown}`).then(
      () => null,
      (e: Error) => e,
    );
    expect(error, 'the plugin must throw').toBeInstanceOf(Error);
    expect(error!.message.startsWith(`${FILE}:${line}: :::etapes: `), error!.message).toBe(true);
    expect(error!.message).toMatch(message);
  });

  it('reports the first mistake of the page, with an absolute path as Docusaurus gives it', async () => {
    const absolute = '/srv/passerelle/content/guides/bases/x.md';
    await expect(toHtml(':::etapes\n- a\n:::\n\n:::etapes\n:::', [remarkEtapes], absolute)).rejects.toThrow(`${absolute}:1: :::etapes:`);
  });
});
