// The initiative: one zod schema, built from the vocabularies and the territory, used
// for content files, API submissions and imports alike. Messages are French because
// submitters see them next to the form fields.
import * as z from 'zod';
import { understandHours } from '../hours/french-input.ts';
import { hoursError } from '../hours/index.ts';
import { ORIGINS, INITIATIVE_STATUSES as STATUSES } from '../statuses.ts';
import { isSlug } from './slug.ts';
import type { Territory } from './territory.ts';
import type { Vocabularies, VocabularyName } from './vocabularies.ts';

const isoDate = z
  .string({
    error: (iss) => (iss.input === undefined ? 'cette date est obligatoire (AAAA-MM-JJ), par exemple 2026-11-20.' : 'une date est attendue (AAAA-MM-JJ).'),
  })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'une date au format AAAA-MM-JJ est attendue, par exemple 2026-11-20.')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "cette date n'existe pas.");

const text = (max: number, what: string) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? `${what} est obligatoire : ajoutez ce champ.` : `${what} : du texte est attendu.`) })
    .trim()
    .min(1, `${what} ne peut pas être vide.`)
    .max(max, `${what} : ${max} caractères au maximum.`)
    .refine((v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v), `${what} contient des caractères de contrôle invisibles : retirez-les.`);

/** Direction overrides and isolates, zero-width characters: in a name they disguise it (« Cafe\u202Eenilno »). */
export const INVISIBLE_FORMATTING = /[\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]/;

// A zero-width joiner inside an emoji (👩🏽‍💻) is part of the picture, not a disguise.
const EMOJI_JOINER = /(\p{Extended_Pictographic}[\u{1F3FB}-\u{1F3FF}\uFE0F]?)\u200d(?=\p{Extended_Pictographic})/gu;

/** Whether a text hides invisible formatting (emoji sequences allowed). */
export function hasInvisibleFormatting(text: string): boolean {
  return INVISIBLE_FORMATTING.test(text.replace(EMOJI_JOINER, '$1'));
}

/** A short text shown as a title or a summary: also free of invisible formatting characters. */
const label = (max: number, what: string) =>
  text(max, what).refine(
    (v) => !hasInvisibleFormatting(v),
    `${what} contient des caractères invisibles (changement du sens d'écriture ou espace sans largeur) : retapez le texte sans les copier-coller.`,
  );

const url = z
  .string()
  .trim()
  .max(500)
  .url('une adresse web complète est attendue, par exemple https://www.charleroi.be')
  .refine((v) => /^https?:\/\//i.test(v), 'seules les adresses http:// ou https:// sont acceptées.');

const email = z.string().trim().max(254).email('une adresse e-mail valide est attendue, par exemple contact@exemple.be');
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ./()-]{8,20}$/, 'un numéro de téléphone belge est attendu, par exemple 071 12 34 56 ou +32 71 12 34 56.');

function term(vocab: Vocabularies, name: VocabularyName, what: string) {
  const slugs = vocab.slugs(name);
  // A refinement rather than an enum keeps the object's other checks (territory, hours)
  // running, so a submitter sees every problem at once; `meta` puts the allowed values in
  // the API's JSON Schema (OpenAPI).
  return z
    .string({ error: `Choisissez ${what} dans la liste.` })
    .refine((v) => slugs.includes(v), {
      error: (iss) => `« ${String(iss.input)} » n'est pas ${what} connu. Valeurs possibles : ${slugs.join(', ')}.`,
    })
    .meta({ enum: slugs });
}

function terms(vocab: Vocabularies, name: VocabularyName, what: string, min: number) {
  return z
    .array(term(vocab, name, what), {
      error: (iss) =>
        iss.input === undefined
          ? `Choisissez au moins ${what} dans la liste : ce champ est obligatoire.`
          : `Une liste est attendue : choisissez au moins ${what}.`,
    })
    .min(min, `Choisissez au moins ${min === 1 ? what : `${min} valeurs`} dans la liste.`)
    .refine((list) => new Set(list).size === list.length, 'une valeur est en double.');
}

/** Keys of `extra`: what plugins name their fields. */
export const EXTRA_KEY = /^[a-z][a-z0-9_]{0,39}$/;

export interface ContentModelContext {
  vocabularies: Vocabularies;
  territory: Territory;
}

function fieldsShape({ vocabularies: v, territory: t }: ContentModelContext) {
  const communes = t.communes.map((c) => c.slug);
  return {
    name: label(150, 'Le nom'),
    kind: term(v, 'kinds', 'un type'),
    summary: label(280, 'Le résumé'),
    description: text(5000, 'La description').optional(),
    organisation: z
      .object({ name: label(150, "Le nom de l'organisation"), website: url.optional() }, { error: "Le nom de l'organisation est obligatoire : ajoutez-le." })
      .strict(),
    services: terms(v, 'services', 'un service', 1),
    publics: terms(v, 'publics', 'un public', 1),
    support: terms(v, 'support', 'une prise en charge spécifique', 0).optional(),
    languages: terms(v, 'languages', 'une langue', 1),
    access: z
      .object(
        {
          cost: term(v, 'costs', 'un coût'),
          appointment: term(v, 'appointments', 'un mode de rendez-vous'),
          modes: terms(v, 'access_modes', "un mode d'accès", 1),
          accessibility: terms(v, 'accessibility', "une mesure d'accessibilité", 0).optional(),
        },
        { error: "L'accès (prix, rendez-vous, comment venir) est obligatoire : ajoutez-le." },
      )
      .strict(),
    address: z
      .object(
        {
          street: text(200, 'La rue et le numéro'),
          postcode: z
            .string({ error: 'un code postal à 4 chiffres est attendu, entre guillemets ("6000").' })
            .regex(/^\d{4}$/, 'un code postal à 4 chiffres est attendu.'),
          locality: text(100, 'La localité'),
          commune: z
            .string({ error: 'La commune est obligatoire : elle se déduit du code postal, sinon choisissez-la dans la liste.' })
            .refine((c) => communes.includes(c), {
              error: (iss) => `« ${String(iss.input)} » n'est pas une commune du territoire. Valeurs possibles : ${communes.join(', ')}.`,
            })
            .meta({ enum: communes }),
        },
        { error: "L'adresse est obligatoire : ajoutez la rue, le numéro et le code postal." },
      )
      .strict(),
    geo: z
      .object(
        {
          lat: z.number({ error: 'une latitude (nombre) est attendue.' }).min(-90).max(90),
          lng: z.number({ error: 'une longitude (nombre) est attendue.' }).min(-180).max(180),
        },
        { error: 'Le point sur la carte (latitude et longitude) est obligatoire : il se déduit du code postal si vous ne le donnez pas.' },
      )
      .strict(),
    hours: z
      .string({ error: 'les horaires sont du texte, entre guillemets si besoin, par exemple "Mo-Fr 09:00-12:00; PH off".' })
      .trim()
      .min(1, 'les horaires ne peuvent pas être vides : retirez le champ `hours` si vous ne les connaissez pas.')
      .max(500, 'les horaires : 500 caractères au maximum.')
      .superRefine((value, ctx) => {
        if (!value) return;
        const error = hoursError(value);
        if (!error) return;
        // Written in French? Say which OSM value it means (the API also takes the French text as `hoursText`).
        const french = understandHours(value, { holidaysClosed: false });
        ctx.addIssue({
          code: 'custom',
          message:
            french.ok && french.hours
              ? `« ${value} » est écrit en français : écrivez plutôt « ${french.hours} » (syntaxe opening_hours ; l'API accepte aussi le texte en français dans hoursText).`
              : `« ${value} » n'est pas un horaire opening_hours valide : ${error}. Exemple : "Mo-Fr 09:00-12:00; PH off".`,
        });
      })
      .optional(),
    contact: z.object({ phone: phone.optional(), email: email.optional(), website: url.optional() }).strict().optional(),
    period: z.object({ start: isoDate, end: isoDate.optional() }).strict().optional(),
    // Temporarily closed (works, illness, summer): the listing stays, pages and search say it.
    closure: z
      .object({
        reason: label(200, 'La raison de la fermeture'),
        until: isoDate.optional(),
      })
      .strict()
      .optional(),
    // Fields that plugins ask for (e.g. a partner network's member number): short texts
    // under lowercase keys, checked by the plugins' validateSubmission and shown as text.
    extra: z
      .record(
        z.string().regex(EXTRA_KEY, 'un nom de champ en minuscules, chiffres et « _ » est attendu (40 caractères au maximum), par exemple network_member_id.'),
        text(200, 'Ce champ complémentaire'),
        { error: 'des champs complémentaires sous la forme { nom: "texte" } sont attendus.' },
      )
      .refine((value) => Object.keys(value).length <= 20, '20 champs complémentaires au maximum.')
      .optional(),
  };
}

const metaShape = {
  id: z
    .string({ error: "l'identifiant est obligatoire." })
    .refine(isSlug, 'un identifiant fait de minuscules, chiffres et tirets (3 à 80 caractères) est attendu, par exemple permanence-marcinelle.'),
  source: z.object({ origin: z.enum(ORIGINS, { error: `valeurs possibles : ${ORIGINS.join(', ')}.` }), submission: z.string().max(80).optional() }).strict(),
  updated: isoDate,
  status: z.enum(STATUSES, {
    error: (iss) => (iss.input === undefined ? `\`status\` est obligatoire : ${STATUSES.join(' ou ')}.` : `valeurs possibles : ${STATUSES.join(', ')}.`),
  }),
};

type FieldsShape = ReturnType<typeof fieldsShape>;
type FieldsValue = z.infer<z.ZodObject<FieldsShape>>;

/** Rules that span fields (territory, kind-dependent requirements). */
function crossFieldRules(t: Territory) {
  return (value: FieldsValue, ctx: z.RefinementCtx) => {
    const b = t.bbox;
    if (!t.contains(value.geo.lat, value.geo.lng)) {
      ctx.addIssue({
        code: 'custom',
        path: ['geo'],
        message: `(${value.geo.lat}, ${value.geo.lng}) est hors du territoire (latitude ${b.south} à ${b.north}, longitude ${b.west} à ${b.east}). Vérifiez que latitude et longitude ne sont pas inversées.`,
      });
    }
    const commune = t.commune(value.address.commune);
    if (commune && !commune.sections.some((s) => s.postcode === value.address.postcode)) {
      ctx.addIssue({
        code: 'custom',
        path: ['address', 'postcode'],
        message: `${value.address.postcode} n'est pas un code postal de ${commune.name} (codes : ${[...new Set(commune.sections.map((s) => s.postcode))].join(', ')}).`,
      });
    }
    if ((value.kind === 'formation' || value.kind === 'evenement') && !value.period) {
      ctx.addIssue({
        code: 'custom',
        path: ['period'],
        message: 'une formation ou un événement a besoin de dates (`period.start`, et `period.end` si elle dure plusieurs jours).',
      });
    }
    // Hours unknown are allowed (pages say « à confirmer, appelez avant de venir »), as long as
    // people can call or write before coming.
    if ((value.kind === 'epn' || value.kind === 'permanence') && !value.hours && !value.contact?.phone && !value.contact?.email) {
      ctx.addIssue({
        code: 'custom',
        path: ['hours'],
        message:
          'sans horaires, un EPN ou une permanence a besoin d’un téléphone ou d’un e-mail pour que les gens demandent avant de venir : donnez les horaires (par exemple "Tu 09:00-12:00; PH off") ou un contact.',
      });
    }
    if (value.period?.end && value.period.end < value.period.start) {
      ctx.addIssue({ code: 'custom', path: ['period', 'end'], message: 'la date de fin est avant la date de début.' });
    }
  };
}

/** The fields a person writes; `id`, `source`, `updated` and `status` are set by the server. */
export function createInitiativeFieldsSchema(ctx: ContentModelContext) {
  return z.object(fieldsShape(ctx)).strict().superRefine(crossFieldRules(ctx.territory));
}

/** The keys of a content file, in file order: `id` first, the person's fields, then the server's. */
function fileShape(ctx: ContentModelContext) {
  const { id, ...meta } = metaShape;
  return { id, ...fieldsShape(ctx), ...meta };
}

/** A whole content file. */
export function createInitiativeSchema(ctx: ContentModelContext) {
  return z.object(fileShape(ctx)).strict().superRefine(crossFieldRules(ctx.territory));
}

export type InitiativeFields = z.infer<ReturnType<typeof createInitiativeFieldsSchema>>;
export interface Initiative extends InitiativeFields {
  id: string;
  source: { origin: (typeof ORIGINS)[number]; submission?: string };
  updated: string;
  status: (typeof STATUSES)[number];
}

// The shape's rules read the vocabularies and territory only when a value is checked, so
// an empty context is enough to list its keys.
const KEYS_ONLY: ContentModelContext = {
  vocabularies: { slugs: () => [] } as unknown as Vocabularies,
  territory: { communes: [] } as unknown as Territory,
};

/**
 * Canonical key order of a file, derived from the schema (a field added there is written,
 * read, shown and diffed with no other edit); also the order fields are shown and diffed in.
 */
export const FIELD_ORDER = Object.keys(fileShape(KEYS_ONLY)) as readonly (keyof Initiative & string)[];
