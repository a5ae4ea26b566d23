// The editors' search vocabulary (content/search/vocabulaire.yml) as `npm run check` reads it:
// the repository's file is valid; each kind of mistake is named with the file, the entry and
// the fix; a missing file is an empty vocabulary.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkSearchVocabulary, EMPTY_VOCABULARY, loadSearchVocabulary, VOCABULARY_FILE } from '../../../core/content/search-vocabulary.ts';
import { resolvePaths } from '../../../core/model/paths.ts';
import { tempDir } from '../../helpers/content.ts';

let dir: string;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function withFile(text: string): string {
  dir = tempDir('passerelle-vocabulaire-');
  fs.mkdirSync(path.join(dir, 'search'));
  fs.writeFileSync(path.join(dir, VOCABULARY_FILE), text);
  return dir;
}

describe('the search vocabulary', () => {
  it('is valid in the repository, with the everyday words the issue names', () => {
    const content = resolvePaths({}).content;
    expect(checkSearchVocabulary(content)).toEqual([]);
    const v = loadSearchVocabulary(content);
    expect(v.everyday.imprimer).toEqual(expect.arrayContaining(['imprimante', 'impression']));
    expect(Object.keys(v.everyday)).toEqual(expect.arrayContaining(['écrivain public', 'papiers']));
    expect(v.synonyms.some((g) => g.includes('gsm') && g.includes('smartphone'))).toBe(true);
    expect(v.synonyms.some((g) => g.includes('travail') && g.includes('emploi'))).toBe(true);
    expect(v.synonyms.some((g) => g.includes('ordi') && g.includes('ordinateur'))).toBe(true);
    expect(v.intents).toEqual(expect.arrayContaining(['comment', 'installer']));
  });

  it('is empty when the file is missing', () => {
    dir = tempDir('passerelle-vocabulaire-');
    expect(loadSearchVocabulary(dir)).toEqual(EMPTY_VOCABULARY);
    expect(checkSearchVocabulary(dir)).toEqual([]);
  });

  it.each([
    ['a group of one word', 'synonymes:\n  - [ordi]\n', "`synonymes.0`: un groupe est une liste d'au moins deux mots, par exemple [gsm, smartphone]."],
    [
      'a word in two places',
      'synonymes:\n  - [ordi, pc]\nmots-des-gens:\n  Ordi: [ordinateur]\n',
      '`mots-des-gens.Ordi`: « Ordi » est déjà dans `synonymes.0` : gardez-le à un seul endroit.',
    ],
    [
      'an everyday word without targets',
      'mots-des-gens:\n  imprimer: []\n',
      "`mots-des-gens.imprimer`: donnez une liste d'au moins un mot, par exemple [imprimante, impression].",
    ],
    ['an intent of two words', 'intentions: [près de chez moi]\n', '`intentions.0`: « près de chez moi » : une intention est un seul mot.'],
    ['an unknown part', 'synonymes: []\nautres: []\n', "`autres` n'est pas une partie connue : utilisez synonymes, mots-des-gens ou intentions."],
    [
      'a synonym too long',
      'synonymes:\n  - [cpas, le centre public d action sociale de la ville]\n',
      '« le centre public d action sociale de la ville » a plus de 5 mots : raccourcissez-le.',
    ],
  ])('names %s', (_what, text, message) => {
    const problems = checkSearchVocabulary(withFile(text));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
    expect(problems[0]).toMatch(/vocabulaire\.yml: /);
    expect(() => loadSearchVocabulary(dir)).toThrow(message);
  });

  it('reports YAML that does not read', () => {
    expect(checkSearchVocabulary(withFile('synonymes: [\n'))[0]).toMatch(/vocabulaire\.yml.*YAML/);
  });
});
