// remark-callouts: :::attention and :::prerequis become labelled <aside> notes with a fixed title; misuse names file and line.
import { describe, expect, it } from 'vitest';
import { remarkCallouts } from '../../../plugins/remark/index.ts';
import { toHtml } from '../../helpers/markdown.ts';

const FILE = 'content/guides/securite/arnaques.md';
const html = (markdown: string) => toHtml(markdown, [remarkCallouts], FILE);

const ATTENTION_OPEN = '<aside class="callout callout--attention" aria-label="Attention"><p class="callout__titre"><strong>Attention</strong></p>';
const PREREQUIS_OPEN =
  '<aside class="callout callout--prerequis" aria-label="Ce qu&#x27;il vous faut"><p class="callout__titre"><strong>Ce qu\'il vous faut</strong></p>';

describe(':::attention', () => {
  it('becomes an <aside> whose accessible name is its visible title', async () => {
    const out = await html('Avant.\n\n:::attention\nNe donnez **jamais** votre code PIN par téléphone.\n:::\n\nAprès.');
    expect(out).toBe(`<p>Avant.</p>${ATTENTION_OPEN}<p>Ne donnez <strong>jamais</strong> votre code PIN par téléphone.</p></aside><p>Après.</p>`);
    const [, label, title] = out.match(/<aside[^>]*aria-label="([^"]+)"[^>]*><p class="callout__titre"><strong>([^<]+)</)!;
    expect(label).toBe(title);
  });

  it('keeps nested content: several paragraphs, a list, a link and a picture', async () => {
    expect(
      await html(
        ':::attention\nUn vrai message de la banque :\n\n- ne demande pas votre code ;\n- ne vous presse pas.\n\nVoir [le guide](/guides/securite).\n\n![Faux SMS](/img/faux-sms.png)\n:::',
      ),
    ).toBe(
      `${ATTENTION_OPEN}<p>Un vrai message de la banque :</p><ul><li>ne demande pas votre code ;</li><li>ne vous presse pas.</li></ul><p>Voir <a href="/guides/securite">le guide</a>.</p><p><img src="/img/faux-sms.png" alt="Faux SMS"></p></aside>`,
    );
  });

  it('transforms callouts nested in each other, in a quote or in a list item', async () => {
    expect(await html('::::attention\nDehors.\n\n:::attention\nDedans.\n:::\n::::')).toBe(
      `${ATTENTION_OPEN}<p>Dehors.</p>${ATTENTION_OPEN}<p>Dedans.</p></aside></aside>`,
    );
    expect(await html('::::prerequis\n- Un téléphone.\n\n:::attention\nChargé.\n:::\n::::')).toBe(
      `${PREREQUIS_OPEN}<ul><li>Un téléphone.</li></ul>${ATTENTION_OPEN}<p>Chargé.</p></aside></aside>`,
    );
    expect(await html('> :::attention\n> Citation.\n> :::')).toBe(`<blockquote>${ATTENTION_OPEN}<p>Citation.</p></aside></blockquote>`);
    expect(await html('- Point :\n\n  :::attention\n  Prudence.\n  :::')).toBe(`<ul><li><p>Point :</p>${ATTENTION_OPEN}<p>Prudence.</p></aside></li></ul>`);
  });
});

describe(':::prerequis', () => {
  it("becomes an <aside> titled « Ce qu'il vous faut », with the same accessible name", async () => {
    expect(await html(":::prerequis\n- Votre carte d'identité\n- Votre code PIN\n:::")).toBe(
      `${PREREQUIS_OPEN}<ul><li>Votre carte d'identité</li><li>Votre code PIN</li></ul></aside>`,
    );
  });
});

describe('callout misuse', () => {
  const BEFORE = '# Titre\n\nTexte.\n\n'; // the block starts on line 5
  it.each([
    ['attention', 'a custom title', ':::attention[Danger !]\nTexte.\n:::', /pas de titre entre crochets : le titre est toujours « Attention »\.$/],
    ['prerequis', 'a custom title', ':::prerequis[Matériel]\n- Un PC\n:::', /le titre est toujours « Ce qu'il vous faut »\.$/],
    ['attention', 'an empty block', ':::attention\n:::', /le bloc est vide\.$/],
    ['prerequis', 'an empty block', ':::prerequis\n:::', /le bloc est vide\.$/],
    ['attention', 'settings in braces', ':::attention{role=alert}\nTexte.\n:::', /les réglages entre accolades ne sont pas permis/],
    ['prerequis', 'settings in braces', ':::prerequis{.important}\n- Un PC\n:::', /retirez « \{…\} » après :::prerequis/],
    ['attention', 'two colons instead of three', '::attention[Texte]', /écrivez trois deux-points en début de ligne \(:::attention\)/],
  ])(':::%s refuses %s, naming the file and the line', async (name, _what, markdown, message) => {
    const error = await html(`${BEFORE}${markdown}`).then(
      () => null,
      (e: Error) => e,
    );
    expect(error, 'the plugin must throw').toBeInstanceOf(Error);
    expect(error!.message.startsWith(`${FILE}:5: :::${name}: `), error!.message).toBe(true);
    expect(error!.message).toMatch(message);
  });

  it('names the line of a nested mistake, not of the outer block', async () => {
    await expect(html('::::prerequis\n- Un PC\n\n:::attention\n:::\n::::')).rejects.toThrow(`${FILE}:4: :::attention: le bloc est vide.`);
  });
});
