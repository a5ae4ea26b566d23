// The glossary (content/glossary.yml): terms explained in plain words, linked on their
// first use in guides and curriculum pages, and listed on /glossaire.
import path from 'node:path';
import * as z from 'zod';
import { toProblems } from '../field-errors.ts';
import { slugify } from './slug.ts';
import { ContentError, displayPath, readYamlFile } from './yaml-file.ts';

const termSchema = z
  .object({
    term: z.string().trim().min(1, '`term` ne peut pas être vide.'),
    aliases: z.array(z.string().trim().min(1)).default([]),
    definition: z.string().trim().min(10, '`definition` : écrivez une ou deux phrases.').max(300, '`definition` : 300 caractères au maximum, restez simple.'),
  })
  .strict();

const fileSchema = z.object({ terms: z.array(termSchema).min(1) }).strict();

export interface GlossaryTerm {
  slug: string;
  term: string;
  aliases: string[];
  definition: string;
}

export function glossaryFile(contentDir: string): string {
  return path.join(contentDir, 'glossary.yml');
}

export function loadGlossary(contentDir: string): GlossaryTerm[] {
  const file = glossaryFile(contentDir);
  const parsed = fileSchema.safeParse(readYamlFile(file));
  if (!parsed.success) throw new ContentError(displayPath(file), toProblems(parsed.error.issues));
  const seen = new Set<string>();
  return parsed.data.terms.map((t, i) => {
    const slug = slugify(t.term);
    if (seen.has(slug)) throw new ContentError(displayPath(file), [{ path: `terms.${i}.term`, message: `« ${t.term} » est en double.` }]);
    seen.add(slug);
    return { slug, ...t };
  });
}
