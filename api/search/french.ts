// The French of the search: words folded (lowercase, no accents), a light stemmer so the
// forms of a word meet (« réparer », « réparent », « réparation » → « repar »; « ordinateurs »
// → « ordinateur »), and the query as the places and guides indexes are asked it.
//
// Why stems on both sides: Meilisearch has no French stemming, and no OR in a query. So each
// document carries `formes`, the stems of its words (documents.ts), and every query word is
// sent as its stem; the everyday vocabulary (content/search/vocabulaire.yml) goes through the
// same stemmer into the synonyms. The stemmer is light on purpose (plural, feminine, verb and
// -ation/-ement endings; nothing shorter than 4 letters is cut): aggressive stemmers (Porter,
// Snowball) merge « informatique » with « information ». Measured: `npm run bench -- relevance`.
import type { SearchVocabulary } from '../../core/content/search-vocabulary.ts';
import { normalizeName } from '../../core/text.ts';

/** Grammar words that never say what is looked for (Meilisearch ignores them too). « pas », « sans » stay. */
// biome-ignore format: a list of words reads best packed
export const STOP_WORDS = [
  'a', 'au', 'aux', 'ce', 'ces', 'cet', 'cette', 'd', 'de', 'des', 'du', 'en', 'et', 'il', 'ils', 'j', 'je', 'l', 'la', 'le', 'les', 'leur', 'leurs',
  'm', 'ma', 'me', 'mes', 'mon', 'n', 'ne', 'nos', 'notre', 'on', 'ou', 'par', 'pour', 'qu', 'que', 'qui', 's', 'sa', 'se', 'ses', 'son', 't', 'ta',
  'te', 'tes', 'ton', 'un', 'une', 'vos', 'votre', 'vous', 'y', 'est', 'sont', 'suis', 'ai', 'avec', 'dans', 'sur'
];

const STOP = new Set(STOP_WORDS);

/** Endings cut after the plural, longest first; the stem left must keep at least 4 letters. */
const ENDINGS = [
  'issements',
  'issement',
  'atrices',
  'ateurs',
  'ations',
  'atrice',
  'ateur',
  'ation',
  'ements',
  'ement',
  'antes',
  'ante',
  'ants',
  'ant',
  'ees',
  'ee',
  'er',
  'ez',
  'ent',
  'ons',
  'es',
  'e',
];

/** The stem of one folded word (a-z, 0-9). */
export function stem(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('aux') && w.length >= 6) w = `${w.slice(0, -3)}al`;
  else if ((w.endsWith('s') && !w.endsWith('ss')) || w.endsWith('x')) w = w.slice(0, -1);
  for (const ending of ENDINGS) {
    if (w.endsWith(ending) && w.length - ending.length >= 4) return w.slice(0, -ending.length);
  }
  return w;
}

/** The folded words of a text, in order. */
export function foldedWords(text: string): string[] {
  return normalizeName(text).split(' ').filter(Boolean);
}

/** Each word as its stem, grammar words left out: what a query or a synonym becomes. */
export function stemText(text: string): string {
  return foldedWords(text)
    .filter((w) => !STOP.has(w))
    .map(stem)
    .join(' ');
}

/** The distinct stems of some texts, in order of first appearance: a document's `formes`. */
export function formsOf(texts: readonly string[]): string {
  const out = new Set<string>();
  for (const text of texts) for (const w of foldedWords(text)) if (!STOP.has(w)) out.add(stem(w));
  return [...out].join(' ');
}

/** A query as Meilisearch gets it: stems, without grammar words, and without intent words for places. */
export function searchText(q: string, drop: ReadonlySet<string> = new Set()): string {
  return foldedWords(q)
    .filter((w) => !STOP.has(w) && !drop.has(w))
    .map(stem)
    .join(' ');
}

/** The intent words, folded, for `searchText`. */
export function intentWords(vocabulary: SearchVocabulary): ReadonlySet<string> {
  return new Set(vocabulary.intents.flatMap(foldedWords));
}

/** The vocabulary as Meilisearch synonyms, stemmed like the queries: groups both ways, everyday words one way. */
export function synonymsOf(vocabulary: SearchVocabulary): Record<string, string[]> {
  const out = new Map<string, Set<string>>();
  const add = (from: string, to: string) => {
    const a = stemText(from);
    const b = stemText(to);
    if (!a || !b || a === b) return;
    const set = out.get(a) ?? new Set<string>();
    set.add(b);
    out.set(a, set);
  };
  for (const group of vocabulary.synonyms) for (const a of group) for (const b of group) add(a, b);
  for (const [word, targets] of Object.entries(vocabulary.everyday)) for (const t of targets) add(word, t);
  return Object.fromEntries([...out].map(([k, v]) => [k, [...v]]));
}
