// What a partner may send to POST /api/submissions. The initiative itself is checked by
// the content model's own schema (one schema for files and submissions), here wrapped
// with the submission's envelope: type, target, message, submitter, honeypot.
import * as z from 'zod';
import { toFieldErrors } from '../../core/field-errors.ts';
import { type ContentModel, isSlug } from '../../core/model/index.ts';

import { SUBMISSION_TYPES } from '../../core/statuses.ts';

export const submitterSchema = z
  .object({
    name: z.string({ error: 'Votre nom est obligatoire.' }).trim().min(1, 'Votre nom est obligatoire.').max(100, 'Votre nom : 100 caractères au maximum.'),
    email: z
      .string({ error: 'Votre adresse e-mail est obligatoire.' })
      .trim()
      .max(254)
      .email('Une adresse e-mail valide est attendue, par exemple prenom@exemple.be.'),
    organisation: z.string().trim().max(150, "L'organisation : 150 caractères au maximum.").optional(),
  })
  .strict();

function withPostcodeGeo(model: ContentModel, value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value) || 'geo' in value) return value;
  const postcode = (value as { address?: { postcode?: unknown } }).address?.postcode;
  const sections = typeof postcode === 'string' ? model.territory.sectionsByPostcode(postcode) : [];
  if (!sections.length) return value;
  const mean = (k: 'lat' | 'lng') => Number((sections.reduce((a, s) => a + s[k], 0) / sections.length).toFixed(5));
  return { ...value, geo: { lat: mean('lat'), lng: mean('lng') } };
}

export function createSubmissionRequestSchema(model: ContentModel) {
  return z
    .object({
      type: z.enum(SUBMISSION_TYPES, { error: 'Le type de demande est « create », « update » ou « report ».' }),
      targetId: z.string().refine(isSlug, "Cet identifiant d'initiative n'est pas valide.").optional(),
      // Partners rarely know coordinates: without `geo`, the postcode's centre is used
      // (approximate; the moderator can correct it before approving).
      initiative: z.preprocess((v) => withPostcodeGeo(model, v), z.unknown()).optional(),
      message: z.string().trim().max(2000, 'Le message : 2000 caractères au maximum.').optional(),
      submitter: submitterSchema,
      /** Honeypot: hidden from people by the form; robots fill it. */
      website: z.string().max(500).optional(),
    })
    .strict()
    .superRefine((value, ctx) => {
      if (value.type !== 'create' && !value.targetId)
        ctx.addIssue({ code: 'custom', path: ['targetId'], message: 'Dites quelle initiative est concernée (targetId).' });
      if (value.type === 'create' && value.targetId)
        ctx.addIssue({ code: 'custom', path: ['targetId'], message: 'Une nouvelle initiative ne vise pas une initiative existante : retirez targetId.' });
      if (value.type !== 'report' && value.initiative === undefined)
        ctx.addIssue({ code: 'custom', path: ['initiative'], message: "Les informations de l'initiative sont obligatoires." });
      if (value.type === 'report' && !value.message) ctx.addIssue({ code: 'custom', path: ['message'], message: "Expliquez ce qui n'est plus juste." });
      if (value.initiative !== undefined) {
        const parsed = model.fieldsSchema.safeParse(value.initiative);
        if (!parsed.success) {
          for (const [path, message] of Object.entries(toFieldErrors(parsed.error.issues, { prefix: ['initiative'] })))
            ctx.addIssue({ code: 'custom', path: path.split('.'), message });
        }
      }
    });
}

export type SubmissionRequest = z.infer<ReturnType<typeof createSubmissionRequestSchema>>;
