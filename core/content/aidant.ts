// The aidant's pages data (content/aidant/): « La personne veut… » (demandes.yml: everyday
// requests → guide, place, number) and the key numbers (numeros.yml, each with its source).
// Loaded and checked here, for `npm run check` and for the content plugin that makes
// /la-personne-veut and /numeros-utiles. Every problem names the file, the field and the fix.
import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { type Problem, toProblems } from '../field-errors.ts';
import { ContentError, displayPath, readYamlFile } from '../model/yaml-file.ts';
import { sourcesSchema } from './front-matter.ts';

const text = (what: string) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? `${what} est obligatoire.` : `${what} : du texte est attendu.`) })
    .trim()
    .min(1, `${what} ne peut pas être vide.`);

const numberSchema = z.strictObject({
  id: z.string({ error: '`id` est obligatoire.' }).regex(/^[a-z0-9-]{2,40}$/, '`id` : des minuscules, chiffres et tirets, par exemple card-stop.'),
  nom: text('`nom`'),
  numero: text('`numero` (le numéro tel qu’on le compose, ou une adresse e-mail)'),
  quand: text('`quand` (quand appeler)'),
  source: sourcesSchema.element,
});

const numbersFileSchema = z.strictObject({ numeros: z.array(numberSchema, { error: '`numeros` (la liste) est obligatoire.' }).min(1) });

/** A directory filter: one of the filters of /annuaire, with a value of the vocabularies. */
const filterSchema = z.strictObject(
  { service: z.string().optional(), kind: z.string().optional(), public: z.string().optional() },
  { error: '`filtre` : un filtre de l’annuaire est attendu, par exemple { service: aide-demarches-administratives } ou { kind: epn }.' },
);

const requestSchema = z.strictObject({
  demande: text('`demande` (ce que veut la personne, en mots de tous les jours)'),
  guide: z
    .string()
    .regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, '`guide` : le dossier et le nom du fichier du guide, sans .md, par exemple bases/creer-adresse-mail.')
    .optional(),
  lieu: z.strictObject({ texte: text('`lieu.texte`'), filtre: filterSchema }),
  aussi: text('`aussi`').optional(),
  appeler: z.array(z.string()).optional(),
});

const requestsFileSchema = z.strictObject({
  themes: z
    .array(z.strictObject({ titre: text('`titre`'), demandes: z.array(requestSchema).min(1) }), { error: '`themes` (la liste) est obligatoire.' })
    .min(1),
});

export type KeyNumber = z.infer<typeof numberSchema>;
export type AidantRequest = z.infer<typeof requestSchema>;
export interface AidantData {
  numbers: KeyNumber[];
  themes: { titre: string; demandes: AidantRequest[] }[];
}

export function aidantFiles(contentDir: string): { numbers: string; requests: string } {
  return { numbers: path.join(contentDir, 'aidant/numeros.yml'), requests: path.join(contentDir, 'aidant/demandes.yml') };
}

export interface AidantCheck {
  /** Whether a guide exists (its id: `<theme>/<slug>`). */
  guideExists(id: string): boolean;
  /** Why a directory filter is wrong, or undefined when it is right. */
  filterError(key: string, value: string): string | undefined;
}

/**
 * The aidant data of a content folder (null when content/aidant/ has neither file, or when
 * something is wrong), and every problem found in both files, one line each.
 */
export function loadAidantData(contentDir: string, check: AidantCheck): { data: AidantData | null; errors: string[] } {
  const files = aidantFiles(contentDir);
  if (!fs.existsSync(files.numbers) && !fs.existsSync(files.requests)) return { data: null, errors: [] };
  const errors: ContentError[] = [];
  const read = <T>(file: string, schema: z.ZodType<T>): T | null => {
    if (!fs.existsSync(file)) {
      errors.push(
        new ContentError(displayPath(file), [
          {
            path: '',
            message: `le fichier manque : ${path.basename(file)} va avec ${path.basename(file === files.numbers ? files.requests : files.numbers)}.`,
          },
        ]),
      );
      return null;
    }
    try {
      const parsed = schema.safeParse(readYamlFile(file));
      if (parsed.success) return parsed.data;
      errors.push(new ContentError(displayPath(file), toProblems(parsed.error.issues)));
    } catch (e) {
      if (e instanceof ContentError) errors.push(e);
      else throw e;
    }
    return null;
  };
  const numbers = read(files.numbers, numbersFileSchema);
  const requests = read(files.requests, requestsFileSchema);
  if (numbers) {
    const seen = new Set<string>();
    const problems: Problem[] = [];
    numbers.numeros.forEach((n, i) => {
      if (seen.has(n.id)) problems.push({ path: `numeros.${i}.id`, message: `« ${n.id} » est en double.` });
      seen.add(n.id);
    });
    if (problems.length) errors.push(new ContentError(displayPath(files.numbers), problems));
  }
  if (requests) {
    const known = new Set(numbers?.numeros.map((n) => n.id) ?? []);
    const problems: Problem[] = [];
    requests.themes.forEach((theme, t) => {
      theme.demandes.forEach((r, d) => {
        const at = `themes.${t}.demandes.${d}`;
        if (r.guide && !check.guideExists(r.guide)) {
          problems.push({
            path: `${at}.guide`,
            message: `« ${r.guide} » : aucun guide content/guides/${r.guide}.md. Vérifiez le dossier et le nom du fichier.`,
          });
        }
        const filters = Object.entries(r.lieu.filtre).filter((e): e is [string, string] => typeof e[1] === 'string');
        if (filters.length !== 1) problems.push({ path: `${at}.lieu.filtre`, message: 'un seul filtre est attendu : service, kind ou public.' });
        for (const [key, value] of filters) {
          const error = check.filterError(key, value);
          if (error) problems.push({ path: `${at}.lieu.filtre.${key}`, message: error });
        }
        for (const id of r.appeler ?? []) {
          if (!known.has(id)) {
            problems.push({
              path: `${at}.appeler`,
              message: `« ${id} » n'est pas dans content/aidant/numeros.yml (numéros : ${[...known].join(', ')}). Ajoutez-le là, avec sa source, ou corrigez le nom.`,
            });
          }
        }
      });
    });
    if (problems.length) errors.push(new ContentError(displayPath(files.requests), problems));
  }
  const lines = errors.flatMap((e) => e.message.split('\n'));
  return { data: numbers && requests && !lines.length ? { numbers: numbers.numeros, themes: requests.themes } : null, errors: lines };
}
