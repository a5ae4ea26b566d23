// The search's everyday vocabulary, kept by editors in content/search/vocabulaire.yml: words
// that mean the same thing (both ways), the words people type for what listings write (one
// way: « imprimer » finds « imprimante »), and the intent words (« comment », « installer »)
// that say what a person wants to do rather than which place: the places search drops them,
// the guides search keeps them. Read by the search (api/search/settings.ts) and checked by
// `npm run check`, each problem naming the file, the entry and the fix.
import fs from 'node:fs';
import path from 'node:path';
import { displayPath, parseYaml } from '../model/yaml-file.ts';
import { normalizeName } from '../text.ts';

export interface SearchVocabulary {
  /** Groups of words that mean the same thing, each word finding the others. */
  synonyms: string[][];
  /** What people type → the words listings use (one way). */
  everyday: Record<string, string[]>;
  /** Words that say what a person wants to do, not which place (dropped from the places search). */
  intents: string[];
}

export const EMPTY_VOCABULARY: SearchVocabulary = { synonyms: [], everyday: {}, intents: [] };

export const VOCABULARY_FILE = path.join('search', 'vocabulaire.yml');

/** Longer entries would never match a citizen's words and slow every query down. */
const MAX_WORDS = 5;

interface Parsed {
  vocabulary: SearchVocabulary;
  problems: string[];
}

const isText = (x: unknown): x is string => typeof x === 'string' && x.trim() !== '';

function read(contentDir: string): Parsed {
  const file = path.join(contentDir, VOCABULARY_FILE);
  const where = displayPath(file);
  if (!fs.existsSync(file)) return { vocabulary: EMPTY_VOCABULARY, problems: [] };
  let data: unknown;
  try {
    data = parseYaml(fs.readFileSync(file, 'utf8'), where);
  } catch (e) {
    return { vocabulary: EMPTY_VOCABULARY, problems: [(e as Error).message] };
  }
  const problems: string[] = [];
  const vocabulary: SearchVocabulary = { synonyms: [], everyday: {}, intents: [] };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { vocabulary, problems: [`${where}: le fichier doit avoir les parties \`synonymes\`, \`mots-des-gens\` et \`intentions\`.`] };
  }
  const record = data as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!['synonymes', 'mots-des-gens', 'intentions'].includes(key))
      problems.push(`${where}: \`${key}\` n'est pas une partie connue : utilisez synonymes, mots-des-gens ou intentions.`);
  }
  const tooLong = (w: string) => normalizeName(w).split(' ').length > MAX_WORDS;
  const seen = new Map<string, string>();
  const once = (word: string, at: string) => {
    const key = normalizeName(word);
    const first = seen.get(key);
    if (first) problems.push(`${where}: \`${at}\`: « ${word} » est déjà dans \`${first}\` : gardez-le à un seul endroit.`);
    else seen.set(key, at);
  };

  const groups = record.synonymes ?? [];
  if (!Array.isArray(groups)) problems.push(`${where}: \`synonymes\` doit être une liste de groupes, par exemple - [ordi, ordinateur, pc].`);
  else {
    groups.forEach((group, i) => {
      const at = `synonymes.${i}`;
      if (!Array.isArray(group) || group.length < 2 || !group.every(isText)) {
        problems.push(`${where}: \`${at}\`: un groupe est une liste d'au moins deux mots, par exemple [gsm, smartphone].`);
        return;
      }
      for (const word of group) {
        if (tooLong(word)) problems.push(`${where}: \`${at}\`: « ${word} » a plus de ${MAX_WORDS} mots : raccourcissez-le.`);
        once(word, at);
      }
      vocabulary.synonyms.push(group.map((w) => w.trim()));
    });
  }

  const everyday = record['mots-des-gens'] ?? {};
  if (typeof everyday !== 'object' || everyday === null || Array.isArray(everyday)) {
    problems.push(`${where}: \`mots-des-gens\` associe un mot à une liste, par exemple imprimer: [imprimante, impression].`);
  } else {
    for (const [word, targets] of Object.entries(everyday)) {
      const at = `mots-des-gens.${word}`;
      if (!Array.isArray(targets) || targets.length < 1 || !targets.every(isText)) {
        problems.push(`${where}: \`${at}\`: donnez une liste d'au moins un mot, par exemple [imprimante, impression].`);
        continue;
      }
      if (tooLong(word)) problems.push(`${where}: \`${at}\`: « ${word} » a plus de ${MAX_WORDS} mots : raccourcissez-le.`);
      for (const target of targets) if (tooLong(target)) problems.push(`${where}: \`${at}\`: « ${target} » a plus de ${MAX_WORDS} mots : raccourcissez-le.`);
      once(word, at);
      vocabulary.everyday[word.trim()] = targets.map((t) => t.trim());
    }
  }

  const intents = record.intentions ?? [];
  if (!Array.isArray(intents) || !intents.every(isText)) problems.push(`${where}: \`intentions\` est une liste de mots, par exemple [comment, installer].`);
  else {
    intents.forEach((word, i) => {
      const at = `intentions.${i}`;
      if (normalizeName(word).includes(' ')) problems.push(`${where}: \`${at}\`: « ${word} » : une intention est un seul mot.`);
      once(word, at);
      vocabulary.intents.push(word.trim());
    });
  }
  return { vocabulary, problems };
}

/** The vocabulary (empty when the file is missing); throws with every problem when it is wrong. */
export function loadSearchVocabulary(contentDir: string): SearchVocabulary {
  const { vocabulary, problems } = read(contentDir);
  if (problems.length) throw new Error(problems.join('\n'));
  return vocabulary;
}

/** For `npm run check`: each problem of the file as one line (none when it is missing). */
export function checkSearchVocabulary(contentDir: string): string[] {
  return read(contentDir).problems;
}
