// Plain-language rules: each fixture of test/fixtures/plain-language/ makes its rule fire,
// with the message and line pinned; the false positives (rendez-vous, chez, assez, vous
// avez, labels in quotes, a picture's text) and a GFM table give nothing. The pieces
// (imperatives, sentences, passive, negations) are checked on their own, table-driven.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkPlainLanguage,
  imperativeVerbs,
  type JargonRules,
  LIMITS,
  negationsOf,
  type PlainLanguageRule,
  passiveOf,
  splitSentences,
} from '../../../core/content/plain-language.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/plain-language');
const JARGON: JargonRules = {
  words: ['organisme de paiement', 'carte de contrôle'],
  everydayAcronyms: ['CSC', 'FGTB'],
  glossaryForms: ['carte de contrôle', 'syndicat', 'SMS', 'eID', 'Mon DOSSIER'],
};
const run = (name: string, firstLine = 1) => checkPlainLanguage(fs.readFileSync(path.join(FIXTURES, name), 'utf8'), { jargon: JARGON, firstLine });
const shown = (findings: { rule: PlainLanguageRule; line: number; message: string }[]) => findings.map((f) => `${f.rule} ${f.line}: ${f.message}`);

describe('each rule fires on its fixture', () => {
  it('longueur: a sentence over the limit, with its line and the start of the sentence', () => {
    const report = run('longueur.md');
    expect(shown(report.errors)).toEqual([
      `longueur 7: phrase de 25 mots (${LIMITS.sentenceWords} au plus) : coupez-la en deux. « Le code de vérification que vous recevez par SMS sur votre téléphone est valabl… »`,
    ]);
    expect(report.longest).toBe(25);
  });

  it('longueur: lines count from the file when the front matter is given', () => {
    expect(run('longueur.md', 10).errors.map((e) => e.line)).toEqual([16]);
  });

  it('moyenne: sentences too long on average, even when none is over the limit', () => {
    const report = run('moyenne.md');
    expect(report.longest).toBeLessThanOrEqual(LIMITS.sentenceWords);
    expect(shown(report.errors)).toEqual([
      `moyenne 1: les phrases font 14.7 mots en moyenne (${LIMITS.averageSentenceWords} au plus) : raccourcissez les plus longues.`,
    ]);
  });

  it('actions: two imperatives in a step (in the instruction or after it); a step with no action or no bold instruction', () => {
    const report = run('actions.md');
    expect(shown(report.errors)).toEqual([
      "actions 6: l'étape 2 demande 2 actions (« Tapez », « appuyez ») : une seule action par étape. Faites-en plusieurs étapes, ou dites le reste sans verbe à l'impératif.",
      "actions 7: l'étape 3 demande 2 actions (« Lisez », « fermez ») : une seule action par étape. Faites-en plusieurs étapes, ou dites le reste sans verbe à l'impératif.",
    ]);
    expect(shown(report.warnings)).toEqual([
      "actions 8: l'étape 4 ne dit pas quoi faire : commencez-la par un verbe à l'impératif, en gras (« **Ouvrez l'application.** »).",
      "actions 9: l'étape 5 : mettez la consigne en gras, au début (« **Appuyez …** »).",
    ]);
    expect(report).toMatchObject({ steps: 5, stepsWithSeveralActions: 2, stepsWithoutAction: 1 });
  });

  it('jargon: a listed word and an acronym the glossary does not explain, once each; everyday acronyms and glossary words pass', () => {
    const report = run('jargon.md');
    expect(shown(report.errors)).toEqual([
      "jargon 3: « organisme de paiement » est un mot difficile (content/jargon.yml) que le glossaire n'explique pas : ajoutez-le à content/glossary.yml (en `term`, ou dans les `aliases` d'un mot proche), avec une définition en mots simples, ou écrivez un mot de tous les jours.",
      "jargon 5: « NISS » est un sigle que le glossaire n'explique pas : ajoutez-le à content/glossary.yml (en `term`, ou dans les `aliases` d'un mot proche), avec une définition en mots simples. Si tout le monde le connaît, mettez-le plutôt dans `everyday_acronyms` de content/jargon.yml.",
    ]);
    // With the word in the glossary, the same page passes.
    const explained = checkPlainLanguage(fs.readFileSync(path.join(FIXTURES, 'jargon.md'), 'utf8'), {
      jargon: { ...JARGON, glossaryForms: [...JARGON.glossaryForms, 'organisme de paiement', 'NISS'] },
    });
    expect(explained.errors).toEqual([]);
  });

  it('passif: a passive that names who acts; the way something travels (« par SMS ») and « être » verbs (« arrivé ») do not count as agents', () => {
    const report = run('passif.md');
    expect(shown(report.errors)).toEqual([
      "passif 1: voix passive (« envoyée par l'Onem ») : dites qui agit, en premier (« L'Onem … »). « Une lettre est envoyée par l'Onem à chaque personne concernée. »",
      "passif 5: voix passive (« refusé par la caisse d'allocations familiales ») : dites qui agit, en premier (« La caisse d'allocations familiales … »). « Votre dossier a été refusé par la caisse d'allocations familiales. »",
    ]);
    expect(report.passives).toBe(4); // envoyée, envoyé (par SMS), bloquée, refusé; not « est arrivé »
  });

  it('negation: a negation of a negative (error), a negative instruction in a step (warning); safety warnings keep theirs', () => {
    const report = run('negation.md');
    expect(shown(report.errors)).toEqual([
      'negation 9: deux négations dans une phrase : dites-le en positif. « Ne restez pas sans revenu. »',
      "negation 9: deux négations dans une phrase : dites-le en positif. « Ce n'est pas impossible. »",
    ]);
    expect(shown(report.warnings)).toEqual([
      "negation 5: l'étape 1 est une consigne négative (« Ne fermez pas la page. ») : dites ce qu'il faut faire ; les interdits vont dans « Attention ».",
    ]);
    // Two negative clauses side by side are not a double negation.
    expect(report.errors.some((e) => e.message.includes('deux soucis'))).toBe(false);
  });

  it('negation: a page where most sentences are negative', () => {
    expect(shown(run('negations-nombreuses.md').warnings)).toEqual([
      `negation 1: 6 phrases négatives sur 10 (60 %, ${LIMITS.negativeShare * 100} % au plus hors « Attention ») : dites ce qu'il faut faire plutôt que ce qu'il ne faut pas faire.`,
    ]);
  });
});

describe('what must not fire', () => {
  it('rendez-vous, chez, assez, vous avez, a question, a participle, a quoted label, a picture: no finding', () => {
    const report = run('faux-positifs.md');
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report).toMatchObject({ steps: 5, stepsWithSeveralActions: 0, pictures: 1 });
  });

  it('reads a GFM table cell by cell (a row is not one long sentence)', () => {
    const report = run('tableau.md');
    expect(report.errors).toEqual([]);
    expect(report.sentences).toBe(12);
    expect(report.longest).toBeLessThanOrEqual(8);
    // Without GFM, the whole table would be one paragraph of 60 words.
    expect(report.words).toBeGreaterThan(LIMITS.sentenceWords * 2);
  });

  it('leaves code, headings and HTML out', () => {
    const long = Array.from({ length: 30 }, (_, i) => `mot${i}`).join(' ');
    const report = checkPlainLanguage(`## ${long}\n\n\`\`\`\n${long}\n\`\`\`\n\n<div>${long}</div>\n\nCourt.\n`);
    expect(report).toMatchObject({ sentences: 1, words: 1, errors: [] });
  });
});

describe('imperativeVerbs', () => {
  it.each([
    ["Ouvrez l'application et tapez votre code.", ['Ouvrez', 'tapez']],
    ['Connectez-vous avec itsme.', ['Connectez-vous']],
    ['Allez-y avec votre carte.', ['Allez-y']],
    ['Faites une copie, puis dites-le à votre proche.', ['Faites', 'dites-le']],
    ['Soyez patient.', ['Soyez']],
    ["N'oubliez pas votre carte.", ['oubliez']],
    ['Ne vous inquiétez pas.', ['inquiétez']],
    ['Rendez-vous sur myminfin.be.', ['Rendez-vous']],
    ['Prenez rendez-vous chez le médecin.', ['Prenez']],
    ['Votre rendez-vous est confirmé.', []],
    ['Vous avez assez de temps.', []],
    ['Si vous voulez, vous pouvez le faire plus tard.', []],
    ['Vous ne le faites pas vous-même.', []],
    ['Si vous ne vous connectez pas, rien ne change.', []],
    ['Avez-vous reçu le code ?', []],
    ['Les démarches faites en ligne restent dans votre dossier.', []],
    ['Appuyez sur « Continuez ».', ['Appuyez']],
    ['Madame Velasquez vous aide.', []],
    ['Le nez du téléphone a une encoche.', []],
  ])('%s → %j', (sentence, verbs) => {
    expect(imperativeVerbs(sentence)).toEqual(verbs);
  });
});

describe('splitSentences', () => {
  it.each([
    ["Ouvrez l'application. Touchez « Continuer » !", 2],
    ['Le prix est de 1.5 euro par page, par ex. pour une copie.', 1],
    ['Attention : le code change. Gardez-le.', 2],
    ['Première ligne\nDeuxième ligne', 2],
  ])('%j → %i sentences', (text, count) => {
    expect(splitSentences(text)).toHaveLength(count);
  });
});

describe('passiveOf and negationsOf', () => {
  it.each([
    ["Une lettre est envoyée par l'Onem.", { participle: 'envoyée', agent: "l'Onem" }],
    ['Le code est envoyé par SMS.', { participle: 'envoyé' }],
    ['La carte est bloquée.', { participle: 'bloquée' }],
    ['Les documents ont été reçus par la commune.', { participle: 'reçus', agent: 'la commune' }],
    ['Elle est arrivée hier.', null],
    ['Le site est gratuit.', null],
  ])('%s', (sentence, expected) => {
    expect(passiveOf(sentence)).toEqual(expected);
  });

  it.each([
    ['Ne donnez jamais votre code.', 1],
    ["Le site ne répond pas, ou vous n'avez pas de code.", 2],
    ["Il n'y a rien à payer.", 1],
    ['Vous ne payez que les frais de port.', 0],
    ['Le site répond vite.', 0],
  ])('%s has %i negation(s)', (sentence, count) => {
    expect(negationsOf(sentence)).toBe(count);
  });
});
