// What a partner may send to POST /api/submissions. The initiative itself is checked by
// the content model's own schema (one schema for files and submissions), here wrapped
// with the submission's envelope: type, target, message, submitter, honeypot.
import * as z from 'zod';
import type { ContentModel } from '../../core/model/index.ts';

import { SUBMISSION_TYPES } from '../../core/statuses.ts';

export const submitterSchema = z
  .object({
    name: z
      .string({ error: 'Votre nom est obligatoire : il sert à vous répondre, il ne sera pas publié.' })
      .trim()
      .min(1, 'Votre nom est obligatoire : il sert à vous répondre, il ne sera pas publié.')
      .max(100, 'Votre nom : 100 caractères au maximum.'),
    email: z
      .string({ error: 'Votre e-mail est obligatoire : il sert à vous répondre et à vous envoyer le lien de suivi, il ne sera pas publié.' })
      .trim()
      .max(254)
      .min(1, 'Votre e-mail est obligatoire : il sert à vous répondre et à vous envoyer le lien de suivi, il ne sera pas publié.')
      .email('Votre e-mail : une adresse e-mail valide est attendue, par exemple prenom@exemple.be.'),
    organisation: z.string().trim().max(150, "L'organisation : 150 caractères au maximum.").optional(),
  })
  .strict();

export function createSubmissionRequestSchema(_model: ContentModel) {
  return z
    .object({
      type: z.enum(SUBMISSION_TYPES, { error: 'Le type de demande est « create », « update » ou « report ».' }),
      // The listing's identifier; a pasted address (…/annuaire/<id>) or its exact name are understood too.
      targetId: z.string({ error: 'Fiche concernée : son identifiant, son adresse ou son nom est attendu.' }).trim().min(1).max(500).optional(),
      // A new listing's fields (without `geo`, the postcode's centre is used, approximate;
      // without `address.commune`, the postcode's commune), or for an update only the
      // fields that change (`null` removes one). `hoursText` (French) may replace `hours`.
      initiative: z.unknown().meta({ $ref: '#/components/schemas/InitiativeFields' }).optional(),
      message: z.string().trim().max(2000, 'Le message : 2000 caractères au maximum.').optional(),
      submitter: submitterSchema,
      /** Honeypot: hidden from people by the form; robots fill it. */
      website: z.string().max(500).optional(),
    })
    .strict()
    .superRefine((value, ctx) => {
      if (value.type !== 'create' && !value.targetId)
        ctx.addIssue({
          code: 'custom',
          path: ['targetId'],
          message: 'Fiche concernée : dites quelle fiche de l’annuaire est concernée (son nom ou l’adresse de sa page).',
        });
      if (value.type === 'create' && value.targetId)
        ctx.addIssue({ code: 'custom', path: ['targetId'], message: 'Une nouvelle initiative ne vise pas une fiche existante : retirez targetId.' });
      if (value.type !== 'report' && value.initiative === undefined)
        ctx.addIssue({ code: 'custom', path: ['initiative'], message: "Les informations de l'initiative sont obligatoires." });
      if (value.type === 'report' && !value.message)
        ctx.addIssue({
          code: 'custom',
          path: ['message'],
          message: "Message : expliquez ce qui n'est plus juste (par exemple « la permanence a déménagé rue … »).",
        });
    });
}

export type SubmissionRequest = z.infer<ReturnType<typeof createSubmissionRequestSchema>>;
