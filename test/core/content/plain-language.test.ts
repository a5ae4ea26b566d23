// Plain-language statistics: sentences split where a reader pauses, code and headings
// left out, and sentences over the threshold reported with their line.
import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE_WORDS, plainLanguageStats } from '../../../core/content/plain-language.ts';

const long = Array.from({ length: MAX_SENTENCE_WORDS + 5 }, (_, i) => `mot${i}`).join(' ');

describe('plainLanguageStats', () => {
  it('counts sentences and words, and flags none in short prose', () => {
    const stats = plainLanguageStats(
      "## Un titre très long qui ne compte pas du tout ici\n\nOuvrez l'application. Touchez « Continuer » !\n\n- Votre carte\n- Votre code PIN\n\n```\ncode ignoré ici\n```",
    );
    expect(stats.sentences).toBe(4);
    expect(stats.words).toBe(9); // « l'application » is one word
    expect(stats.longest).toBe(3);
    expect(stats.tooLong).toEqual([]);
  });

  it('reports a sentence over the threshold with its line in the file', () => {
    const stats = plainLanguageStats(`Court.\n\n${long}.`, 10);
    expect(stats.tooLong).toEqual([{ line: 12, words: MAX_SENTENCE_WORDS + 5, text: `${long}.` }]);
  });

  it('does not cut sentences at decimal numbers or abbreviations in lowercase', () => {
    expect(plainLanguageStats('Le prix est de 1.5 euro par page, par ex. pour une copie.').sentences).toBe(1);
  });
});
