// Plain-language statistics of a guide: sentence and word lengths, and the sentences too
// long for people who read with difficulty. The rule, enforced by `npm run check`: no
// sentence over MAX_SENTENCE_WORDS words (FALC guidance is one idea per sentence, about
// 15 words; 25 leaves room for the names of services and buttons). Code, headings and
// link URLs are not prose and are left out; every list item counts as its own sentence.
import type { Root, RootContent } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export const MAX_SENTENCE_WORDS = 25;

export interface LongSentence {
  line: number;
  words: number;
  text: string;
}

export interface PlainLanguageStats {
  sentences: number;
  words: number;
  averageSentenceWords: number;
  averageWordLetters: number;
  longWordShare: number;
  longest: number;
  tooLong: LongSentence[];
}

const parser = unified().use(remarkParse).use(remarkDirective);
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

function proseBlocks(tree: Root): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  const walk = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'code' || node.type === 'heading' || node.type === 'html' || node.type === 'yaml' || node.type === 'definition') continue;
      if (node.type === 'paragraph' || node.type === 'tableCell') out.push({ text: textOf(node), line: node.position?.start.line ?? 0 });
      else if ('children' in node) walk(node.children as RootContent[]);
    }
  };
  walk(tree.children);
  return out;
}

export function plainLanguageStats(markdown: string, firstLine = 1): PlainLanguageStats {
  const tree = parser.parse(markdown) as Root;
  const sentences: { words: string[]; text: string; line: number }[] = [];
  for (const block of proseBlocks(tree)) {
    // A sentence ends at . ! ? … or : followed by a space (or the end), not inside "1.5" or "e.g.".
    for (const raw of block.text.split(/(?<=[.!?…:])\s+(?=[\p{Lu}\p{N}«"(])/u)) {
      const words = raw.match(WORD) ?? [];
      if (words.length) sentences.push({ words, text: raw.trim(), line: block.line + firstLine - 1 });
    }
  }
  const allWords = sentences.flatMap((s) => s.words);
  const letters = allWords.reduce((n, w) => n + w.replace(/['’-]/g, '').length, 0);
  return {
    sentences: sentences.length,
    words: allWords.length,
    averageSentenceWords: sentences.length ? +(allWords.length / sentences.length).toFixed(1) : 0,
    averageWordLetters: allWords.length ? +(letters / allWords.length).toFixed(1) : 0,
    longWordShare: allWords.length ? +(allWords.filter((w) => w.length > 12).length / allWords.length).toFixed(3) : 0,
    longest: Math.max(0, ...sentences.map((s) => s.words.length)),
    tooLong: sentences.filter((s) => s.words.length > MAX_SENTENCE_WORDS).map((s) => ({ line: s.line, words: s.words.length, text: s.text })),
  };
}
