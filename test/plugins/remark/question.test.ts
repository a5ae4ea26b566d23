// remark-question: a :::question[…] self-check becomes <details>/<summary> (works without JavaScript); misuse names file and line.
import { describe, expect, it } from 'vitest';
import { remarkQuestion } from '../../../plugins/remark/index.ts';
import { toHtml } from '../../helpers/markdown.ts';

const FILE = 'content/curriculum/module-1-accueillir/seance-1.md';
const html = (markdown: string) => toHtml(markdown, [remarkQuestion], FILE);
const ANSWER = '<div class="autoeval__reponse"><p><strong>Réponse :</strong></p>';

describe(':::question', () => {
  it('puts the question in <summary> and the answer, announced as such, in the body', async () => {
    expect(await html(':::question[Faut-il noter le mot de passe de la personne ?]\nNon, jamais.\n:::')).toBe(
      `<details class="autoeval"><summary class="autoeval__question">Faut-il noter le mot de passe de la personne ?</summary>${ANSWER}<p>Non, jamais.</p></div></details>`,
    );
  });

  it('keeps formatting in the question and nested content in the answer', async () => {
    expect(
      await html(':::question[Que veut dire **PIN** ?]\nUn code secret :\n\n1. à 4 chiffres ;\n2. à ne jamais donner.\n\n![Carte](/img/carte.png)\n:::'),
    ).toBe(
      `<details class="autoeval"><summary class="autoeval__question">Que veut dire <strong>PIN</strong> ?</summary>${ANSWER}<p>Un code secret :</p><ol><li>à 4 chiffres ;</li><li>à ne jamais donner.</li></ol><p><img src="/img/carte.png" alt="Carte"></p></div></details>`,
    );
  });

  it('transforms questions that follow each other and a question nested in an answer', async () => {
    expect(await html(':::question[A ?]\nOui.\n:::\n\n:::question[B ?]\nNon.\n:::')).toBe(
      `<details class="autoeval"><summary class="autoeval__question">A ?</summary>${ANSWER}<p>Oui.</p></div></details><details class="autoeval"><summary class="autoeval__question">B ?</summary>${ANSWER}<p>Non.</p></div></details>`,
    );
    const nested = await html('::::question[Dehors ?]\nOui.\n\n:::question[Dedans ?]\nNon.\n:::\n::::');
    expect(nested).toBe(
      `<details class="autoeval"><summary class="autoeval__question">Dehors ?</summary>${ANSWER}<p>Oui.</p><details class="autoeval"><summary class="autoeval__question">Dedans ?</summary>${ANSWER}<p>Non.</p></div></details></div></details>`,
    );
    // A <summary> is only valid as the first child of a <details>.
    expect(nested.match(/<summary/g)).toHaveLength(nested.match(/<details/g)!.length);
  });
});

describe(':::question misuse', () => {
  const BEFORE = '## Vérifiez\n\n'; // the block starts on line 3
  it.each([
    ['no question', ':::question\nNon.\n:::', /écrivez la question entre crochets : :::question\[Votre question \?\]/],
    ['empty brackets', ':::question[]\nNon.\n:::', /écrivez la question entre crochets/],
    ['blank brackets', ':::question[   ]\nNon.\n:::', /écrivez la question entre crochets/],
    ['no answer', ':::question[Pourquoi ?]\n:::', /écrivez la réponse dans le bloc, sous la question\.$/],
    ['settings in braces', ':::question[Pourquoi ?]{open}\nParce que.\n:::', /les réglages entre accolades ne sont pas permis/],
    ['two colons instead of three', '::question[Pourquoi ?]', /écrivez trois deux-points en début de ligne \(:::question\)/],
  ])('refuses %s, naming the file and the line', async (_what, markdown, message) => {
    const error = await html(`${BEFORE}${markdown}`).then(
      () => null,
      (e: Error) => e,
    );
    expect(error, 'the plugin must throw').toBeInstanceOf(Error);
    expect(error!.message.startsWith(`${FILE}:3: :::question: `), error!.message).toBe(true);
    expect(error!.message).toMatch(message);
  });
});
