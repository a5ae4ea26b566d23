// Front matter of guides and curriculum pages: plain YAML only (`---js` and friends would
// be evaluated as code by the Markdown loader), and the fields each kind of page needs.
// A guide states when its facts were checked (`verified`) and against what (`sources`);
// curriculum pages may list sources too.
import * as z from 'zod';
import { parseYaml } from '../model/yaml-file.ts';

export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
  bodyLine: number;
}

/** Splits front matter from body; throws a message when the front matter is not plain YAML. */
export function splitFrontMatter(text: string, file: string): FrontMatter | null {
  // Like the Markdown loader (gray-matter): a byte-order mark is ignored, so `\uFEFF---js`
  // is still front matter, run as code; Windows line endings are plain line ends.
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const firstLine = text.split('\n', 1)[0] ?? '';
  if (!firstLine.startsWith('---')) return null;
  if (firstLine !== '---') {
    throw new Error(
      `${file}: ligne 1: l'en-tête doit commencer par « --- » seul (pas « ${firstLine.slice(0, 20)} ») : seul le YAML simple est permis, jamais de code.`,
    );
  }
  const end = text.indexOf('\n---', 3);
  if (end === -1) throw new Error(`${file}: l'en-tête (front matter) n'est pas fermé par une ligne « --- ».`);
  const raw = text.slice(4, end);
  const data = parseYaml(raw, file);
  if (data !== null && (typeof data !== 'object' || Array.isArray(data))) throw new Error(`${file}: l'en-tête doit être une liste de champs « nom: valeur ».`);
  const afterEnd = text.indexOf('\n', end + 4);
  return {
    data: (data ?? {}) as Record<string, unknown>,
    body: afterEnd === -1 ? '' : text.slice(afterEnd + 1),
    bodyLine: text.slice(0, afterEnd + 1).split('\n').length,
  };
}

const DATE_HINT = 'une date AAAA-MM-JJ est attendue, par exemple verified: 2026-11-20.';
const date = z
  .string({ error: (iss) => (iss.input === undefined ? `\`verified\` (date de la dernière vérification) est obligatoire : ${DATE_HINT}` : DATE_HINT) })
  .regex(/^\d{4}-\d{2}-\d{2}$/, DATE_HINT)
  .refine(
    (v) => {
      const day = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(v);
    },
    { error: (iss) => `${String(iss.input)} n'existe pas dans le calendrier : ${DATE_HINT}` },
  );
const required = (what: string) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? `${what} est obligatoire.` : `${what} : du texte est attendu (mettez-le entre guillemets).`) })
    .trim()
    .min(1, `${what} ne peut pas être vide.`);

const SOURCE_HINT = 'chaque source est { title: "Nom du site — titre de la page", url: https://… }, une page officielle que vous avez lue.';

/** One source: the title of the page as read, and its address. */
const source = z.strictObject(
  {
    title: required('`title` de la source'),
    url: z
      .string({ error: `l'adresse (\`url\`) de la source est obligatoire : ${SOURCE_HINT}` })
      .trim()
      .refine((v) => URL.canParse(v) && /^https?:\/\//i.test(v), {
        error: (iss) => `« ${String(iss.input)} » n'est pas une adresse web complète (http:// ou https://) : ${SOURCE_HINT}`,
      }),
  },
  {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? `champ inconnu dans une source : ${iss.keys.join(', ')}. ${SOURCE_HINT}`
        : `une source doit être { title, url } : ${SOURCE_HINT}`,
  },
);

/** `sources`: the pages the facts were checked against, shown on the page (« Vérifié le … d'après … »). */
export const sourcesSchema = z
  .array(source, {
    error: (iss) =>
      iss.input === undefined
        ? `\`sources\` (les pages officielles lues pour vérifier les faits) est obligatoire : ${SOURCE_HINT}`
        : `\`sources\` doit être une liste : ${SOURCE_HINT}`,
  })
  .min(1, `\`sources\` ne peut pas être vide : ${SOURCE_HINT}`);

export function guideFrontMatterSchema(services: string[], theme: string) {
  return z
    .object({
      title: required('`title`'),
      description: required('`description`'),
      theme: z.literal(theme, { error: `\`theme\` doit être le nom du dossier : ${theme}.` }),
      audience: required('`audience` (pour qui est ce guide)'),
      service: z.string({ error: '`service` est obligatoire (le service de l’annuaire où renvoyer).' }).refine((s) => services.includes(s), {
        error: (iss) => `« ${String(iss.input)} » n'est pas un service connu. Valeurs possibles : ${services.join(', ')}.`,
      }),
      verified: date,
      sources: sourcesSchema,
    })
    .passthrough();
}

export const sessionFrontMatterSchema = z
  .object({
    title: required('`title`'),
    description: required('`description`'),
    duration: z.number({ error: '`duration` (minutes, nombre entier) est obligatoire.' }).int().positive(),
    objectives: z.array(z.string().min(1), { error: '`objectives` (liste) est obligatoire.' }).min(1),
    materials: z.array(z.string().min(1), { error: '`materials` (liste) est obligatoire.' }).min(1),
    verified: date,
    sources: sourcesSchema.optional(),
  })
  .passthrough();

export const moduleFrontMatterSchema = z
  .object({
    title: required('`title`'),
    description: required('`description`'),
    verified: date,
    sources: sourcesSchema.optional(),
  })
  .passthrough();
