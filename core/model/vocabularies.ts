// The controlled vocabularies (kinds, services, publics…) kept in content/territory/vocabularies.yml.
// Values reuse the French open-data standard « lieux de médiation numérique » v1 through `standard`,
// Belgian additions are listed apart (`*_be`) and have none. Three wordings per term: `standard`
// (exports), `label` (forms, moderation, exports' French), and `citizen`, the plain words the
// public pages show (« Personnes qui ont du mal à lire et à écrire » for « Illettrisme »).
import path from 'node:path';
import * as z from 'zod';
import { toProblems } from '../field-errors.ts';
import { ContentError, displayPath, readYamlFile } from './yaml-file.ts';

const termSchema = z
  .object({
    slug: z.string().regex(/^[a-z0-9-]+$/),
    label: z.string().min(1),
    /** The same term in plain words for the public pages; `label` when absent. */
    citizen: z.string().min(1).optional(),
    standard: z.string().min(1).optional(),
    description: z.string().optional(),
  })
  .strict();

const fileSchema = z
  .object({
    kinds: z.array(termSchema).min(1),
    services: z.array(termSchema).min(1),
    services_be: z.array(termSchema).default([]),
    publics: z.array(termSchema).min(1),
    publics_be: z.array(termSchema).default([]),
    support: z.array(termSchema).default([]),
    access_modes: z.array(termSchema).min(1),
    costs: z.array(termSchema).min(1),
    appointments: z.array(termSchema).min(1),
    accessibility: z.array(termSchema).default([]),
    languages: z.array(termSchema.extend({ slug: z.string().regex(/^[a-z]{2}$/) })).min(1),
  })
  .strict();

export type Term = z.infer<typeof termSchema> & { belgian?: boolean };

export const VOCABULARY_NAMES = ['kinds', 'services', 'publics', 'support', 'access_modes', 'costs', 'appointments', 'accessibility', 'languages'] as const;
export type VocabularyName = (typeof VOCABULARY_NAMES)[number];

export type Vocabularies = Record<VocabularyName, Term[]> & {
  /** Label of a slug in a vocabulary, or the slug itself when unknown. */
  label(name: VocabularyName, slug: string): string;
  /** The plain words of a slug for the public pages: its `citizen` wording, else its label. */
  citizen(name: VocabularyName, slug: string): string;
  has(name: VocabularyName, slug: string): boolean;
  slugs(name: VocabularyName): string[];
};

export function loadVocabularies(territoryDir: string): Vocabularies {
  const file = path.join(territoryDir, 'vocabularies.yml');
  const parsed = fileSchema.safeParse(readYamlFile(file));
  if (!parsed.success) {
    throw new ContentError(displayPath(file), toProblems(parsed.error.issues));
  }
  const d = parsed.data;
  const lists: Record<VocabularyName, Term[]> = {
    kinds: d.kinds,
    services: [...d.services, ...d.services_be.map((t) => ({ ...t, belgian: true }))],
    publics: [...d.publics, ...d.publics_be.map((t) => ({ ...t, belgian: true }))],
    support: d.support,
    access_modes: d.access_modes,
    costs: d.costs,
    appointments: d.appointments,
    accessibility: d.accessibility,
    languages: d.languages,
  };
  for (const name of VOCABULARY_NAMES) {
    const seen = new Set<string>();
    for (const t of lists[name]) {
      if (seen.has(t.slug)) throw new ContentError(displayPath(file), [{ path: name, message: `le slug « ${t.slug} » est en double.` }]);
      seen.add(t.slug);
    }
  }
  const index = new Map(VOCABULARY_NAMES.map((n) => [n, new Map(lists[n].map((t) => [t.slug, t]))]));
  return {
    ...lists,
    label: (name, slug) => index.get(name)?.get(slug)?.label ?? slug,
    citizen: (name, slug) => {
      const term = index.get(name)?.get(slug);
      return term?.citizen ?? term?.label ?? slug;
    },
    has: (name, slug) => index.get(name)?.has(slug) ?? false,
    slugs: (name) => lists[name].map((t) => t.slug),
  };
}
