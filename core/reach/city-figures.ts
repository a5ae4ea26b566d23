// The plan's figures only the City knows (aidants trained, budget used), read from
// content/plan/chiffres-ville.yml with their goal, source and date. A figure not yet given
// has no value and is shown as such; nothing here is ever computed or guessed.
import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { toProblems } from '../field-errors.ts';
import { ContentError, displayPath, readYamlFile } from '../model/yaml-file.ts';

const figureSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'des minuscules, chiffres et tirets, par exemple aidants-formes.'),
    label: z.string().min(1),
    unit: z.string().min(1),
    value: z.number().nonnegative().nullable().default(null),
    goal: z.string().min(1).optional(),
    source: z.object({ title: z.string().min(1), url: z.url({ protocol: /^https$/ }).optional() }).strict(),
    date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'une date AAAA-MM ou AAAA-MM-JJ est attendue (la date de la source).'),
  })
  .strict();

const fileSchema = z.object({ figures: z.array(figureSchema) }).strict();

export type CityFigure = z.output<typeof figureSchema>;

export const CITY_FIGURES_FILE = path.join('plan', 'chiffres-ville.yml');

/** The City's figures; none when the file is absent (a new territory starts without). */
export function loadCityFigures(contentDir: string): CityFigure[] {
  const file = path.join(contentDir, CITY_FIGURES_FILE);
  if (!fs.existsSync(file)) return [];
  const parsed = fileSchema.safeParse(readYamlFile(file) ?? { figures: [] });
  if (!parsed.success) throw new ContentError(displayPath(file), toProblems(parsed.error.issues));
  return parsed.data.figures;
}
