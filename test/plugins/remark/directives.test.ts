// The step, callout and self-check directives: Markdown in, accessible HTML out, and
// misuse refused with the file and line.
import { describe, expect, it } from 'vitest';
import { remarkCallouts, remarkEtapes, remarkQuestion } from '../../../plugins/remark/index.ts';
import { toHtml } from '../../helpers/markdown.ts';

const all = [remarkEtapes, remarkCallouts, remarkQuestion];

describe(':::etapes', () => {
  it('turns a numbered list into an ordered list of steps, keeping pictures in their step', async () => {
    const html = await toHtml(":::etapes\n1. Ouvrez l'application.\n\n   ![L'écran d'accueil](/img/accueil.png)\n2. Touchez **Continuer**.\n:::", all);
    expect(html).toBe(
      '<ol class="etapes"><li class="etapes__etape"><p>Ouvrez l\'application.</p><p><img src="/img/accueil.png" alt="L&#x27;écran d&#x27;accueil"></p></li><li class="etapes__etape"><p>Touchez <strong>Continuer</strong>.</p></li></ol>',
    );
  });

  it('keeps the starting number of a list that continues', async () => {
    expect(await toHtml(':::etapes\n4. Quatrième.\n5. Cinquième.\n:::', all)).toMatch(/^<ol start="4" class="etapes">/);
  });

  it.each([
    ['an empty block', ':::etapes\n:::'],
    ['a bullet list', ':::etapes\n- un\n- deux\n:::'],
    ['text around the list', ':::etapes\nIntro.\n\n1. un\n:::'],
  ])('refuses %s, naming file and line', async (_what, md) => {
    await expect(toHtml(`# Titre\n\n${md}`, all)).rejects.toThrow(
      /^content\/guides\/bases\/exemple\.md:3: :::etapes: le bloc doit contenir une seule liste numérotée/,
    );
  });
});

describe(':::attention and :::prerequis', () => {
  it('become labelled asides with a visible title', async () => {
    expect(await toHtml(':::attention\nNe donnez jamais votre code PIN.\n:::', all)).toBe(
      '<aside class="callout callout--attention" aria-label="Attention"><p class="callout__titre"><strong>Attention</strong></p><p>Ne donnez jamais votre code PIN.</p></aside>',
    );
    expect(await toHtml(":::prerequis\n- Votre carte d'identité\n:::", all)).toBe(
      '<aside class="callout callout--prerequis" aria-label="Ce qu&#x27;il vous faut"><p class="callout__titre"><strong>Ce qu\'il vous faut</strong></p><ul><li>Votre carte d\'identité</li></ul></aside>',
    );
  });

  it('refuse a custom title and an empty block, with file and line', async () => {
    await expect(toHtml('Texte.\n\n:::attention[Danger]\nx\n:::', all)).rejects.toThrow(/exemple\.md:3: :::attention: pas de titre entre crochets/);
    await expect(toHtml(':::prerequis\n:::', all)).rejects.toThrow(/exemple\.md:1: :::prerequis: le bloc est vide/);
  });
});

describe(':::question', () => {
  it('becomes a details element: the answer shows once opened, without JavaScript', async () => {
    expect(await toHtml(':::question[Faut-il garder le mot de passe de la personne ?]\nNon, jamais.\n:::', all)).toBe(
      '<details class="autoeval"><summary class="autoeval__question">Faut-il garder le mot de passe de la personne ?</summary><div class="autoeval__reponse"><p><strong>Réponse :</strong></p><p>Non, jamais.</p></div></details>',
    );
  });

  it('refuses a question without its text or its answer, with file and line', async () => {
    await expect(toHtml(':::question\nNon.\n:::', all, 'content/curriculum/m1/s1.md')).rejects.toThrow(
      /^content\/curriculum\/m1\/s1\.md:1: :::question: écrivez la question entre crochets/,
    );
    await expect(toHtml('\n\n:::question[Pourquoi ?]\n:::', all)).rejects.toThrow(/exemple\.md:3: :::question: écrivez la réponse/);
  });
});
