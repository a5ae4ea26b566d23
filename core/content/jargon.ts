// The jargon list (content/jargon.yml): the words a reader with little schooling may not
// know, which every guide must leave to the glossary to explain, and the acronyms everyone
// knows. Read by `npm run check` for the plain-language rule `jargon` (plain-language.ts).
import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { toProblems } from '../field-errors.ts';
import { type GlossaryTerm, glossaryFile, loadGlossary } from '../model/glossary.ts';
import { ContentError, displayPath, readYamlFile } from '../model/yaml-file.ts';
import type { JargonRules } from './plain-language.ts';

const word = z.string({ error: 'un mot (du texte) est attendu.' }).trim().min(2, 'un mot de deux lettres au moins est attendu.');

const fileSchema = z
  .object({
    words: z.array(word, { error: '`words` (la liste des mots difficiles) est obligatoire.' }).min(1),
    everyday_acronyms: z.array(word).default([]),
  })
  .strict();

export function jargonFile(contentDir: string): string {
  return path.join(contentDir, 'jargon.yml');
}

/**
 * The jargon rules of a content folder, or null without content/jargon.yml (the rule is
 * then off). The glossary's terms and aliases come with them (none without a glossary).
 */
export function loadJargonRules(contentDir: string, glossary?: GlossaryTerm[]): JargonRules | null {
  const file = jargonFile(contentDir);
  if (!fs.existsSync(file)) return null;
  const parsed = fileSchema.safeParse(readYamlFile(file));
  if (!parsed.success) throw new ContentError(displayPath(file), toProblems(parsed.error.issues));
  const terms = glossary ?? (fs.existsSync(glossaryFile(contentDir)) ? loadGlossary(contentDir) : []);
  return {
    words: parsed.data.words,
    everydayAcronyms: parsed.data.everyday_acronyms,
    glossaryForms: terms.flatMap((t) => [t.term, ...t.aliases]),
  };
}
