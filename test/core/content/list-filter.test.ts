// The filter of our lists: every typed word must match, accents, capitals and one typo in
// a longer word forgiven; short words only match the start of a word.
import { describe, expect, it } from 'vitest';
import { foldWords, matchesQuery } from '../../../core/content/list-filter.ts';

const ITSME = "Installer et activer itsme. Installer l'application itsme sur un smartphone et l'activer avec sa carte d'identité.";
const IMPOTS = "Remplir sa déclaration d'impôts sur MyMinfin.";

describe('matchesQuery', () => {
  it.each([
    [ITSME, '', true],
    [ITSME, 'itsme', true],
    [ITSME, 'ITSME', true],
    [ITSME, 'itsm', true],
    [ITSME, 'idnetité', true],
    [ITSME, 'carte identite', true],
    [ITSME, 'smartphnoe', true],
    [ITSME, 'itsme impots', false],
    [ITSME, 'xyz', false],
    [IMPOTS, 'declaration impot', true],
    [IMPOTS, 'impôt', true],
    [IMPOTS, 'minfin', false],
    [IMPOTS, 'de', true],
    [IMPOTS, 'ip', false],
    ['Card Stop 078 170 170', '078', true],
  ])('%j ← %j: %s', (text, query, expected) => {
    expect(matchesQuery(text, query)).toBe(expected);
  });

  it('folds accents, capitals and punctuation', () => {
    expect(foldWords("L'Été, à Charleroi !")).toEqual(['l', 'ete', 'a', 'charleroi']);
  });
});
