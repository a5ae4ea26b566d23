// GET /api/openapi.json: the OpenAPI 3.1 description of the API, built from the same zod
// schemas the routes use (submission, initiative fields, search query), so it cannot
// drift from what the server accepts.
import * as z from 'zod';
import type { ContentModel } from '../../core/model/index.ts';
import { widgetQuerySchema } from '../../core/reach/widget.ts';
import { QUEUE_AGES, QUEUE_SORTS } from '../../core/wire/moderation.ts';
import { searchQuerySchema } from '../search/service.ts';
import { createSubmissionRequestSchema, submitterSchema } from '../submissions/schema.ts';

type Json = Record<string, unknown>;

const jsonSchema = (schema: z.ZodType): Json => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Json;

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const ok = (description: string, schema: Json = { type: 'object' }) => ({ description, content: { 'application/json': { schema } } });
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const moderator = [{ session: [], csrf: [] }];

export function openApiDocument(model: ContentModel): Json {
  const queryParams = Object.entries(searchQuerySchema.shape).map(([name]) => ({
    name,
    in: 'query',
    required: false,
    schema: ['kind', 'service', 'public', 'commune'].includes(name) ? { type: 'array', items: { type: 'string' } } : { type: 'string' },
    ...(['kind', 'service', 'public', 'commune'].includes(name) ? { style: 'form', explode: true } : {}),
  }));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Passerelle API',
      version: '1',
      description:
        "L'API de Passerelle : recherche des lieux d'aide numérique, propositions des partenaires, modération. Les erreurs ont toujours la forme { error: { code, message, fields? } }.",
    },
    servers: [{ url: '/' }],
    paths: {
      '/api/health': { get: { summary: 'État du service', responses: { 200: ok('status, search, storage') } } },
      '/api/search': {
        get: {
          summary: 'Chercher des lieux (et, avec scope=all, des sections de guides et de formation)',
          parameters: queryParams,
          responses: {
            200: ok('{ hits, total, page, limit, facets, near? (with alternatives? for a shared postcode), docs?, partial? }'),
            400: errorResponse('Paramètre ou valeur inconnus'),
            503: errorResponse('Recherche indisponible'),
          },
        },
      },
      '/api/initiatives/{id}': {
        get: {
          summary: 'Une initiative publiée',
          parameters: [idParam],
          responses: {
            200: ok('Initiative', { $ref: '#/components/schemas/InitiativeFields' }),
            404: errorResponse('Inconnue'),
            410: errorResponse('Archivée'),
          },
        },
      },
      '/api/submissions': {
        post: {
          summary: 'Proposer une initiative, une mise à jour ou signaler une erreur',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/SubmissionRequest' } } } },
          responses: {
            202: ok('{ id, status: "pending", trackingToken } — le jeton n’est donné qu’une fois'),
            400: errorResponse('Champs à corriger (fields)'),
            413: errorResponse('Plus de 64 Ko'),
            429: errorResponse('Trop de demandes'),
          },
        },
      },
      '/api/submissions/{id}': {
        get: {
          summary: 'Suivre sa demande',
          parameters: [idParam, { name: 'token', in: 'query', required: true, schema: { type: 'string' } }],
          responses: { 200: ok('Statut, raison, échanges'), 404: errorResponse('Lien de suivi invalide') },
        },
      },
      '/api/submissions/{id}/resubmit': {
        post: {
          summary: 'Renvoyer sa demande corrigée',
          parameters: [idParam, { name: 'token', in: 'query', required: true, schema: { type: 'string' } }],
          responses: { 200: ok('Statut'), 400: errorResponse('Champs à corriger'), 404: errorResponse('Lien invalide'), 409: errorResponse('Rien à corriger') },
        },
      },
      '/api/hours/parse': {
        get: {
          summary: 'Comprendre des horaires écrits en français',
          parameters: [{ name: 'text', in: 'query', required: true, schema: { type: 'string', maxLength: 500 } }],
          responses: {
            200: ok('{ hours (syntaxe opening_hours, ou null si les horaires ne sont pas connus), reading (en français), structure }'),
            400: errorResponse('Texte absent, ou pas compris : le message dit quoi écrire'),
          },
        },
      },
      '/api/auth/login': {
        post: {
          summary: 'Connexion des modérateurs (cookie de session HttpOnly, SameSite=Strict)',
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { type: 'object', properties: { email: { type: 'string' }, password: { type: 'string' } }, required: ['email', 'password'] },
              },
            },
          },
          responses: {
            200: ok('{ email, csrfToken }'),
            401: errorResponse('Identifiants incorrects'),
            423: errorResponse('Compte bloqué'),
            429: errorResponse('Trop de tentatives'),
          },
        },
      },
      '/api/auth/session': {
        get: { summary: 'Session en cours', security: moderator, responses: { 200: ok('{ email, csrfToken }'), 401: errorResponse('Pas de session') } },
      },
      '/api/auth/logout': {
        post: {
          summary: 'Déconnexion',
          security: moderator,
          responses: { 204: { description: 'Déconnecté' }, 401: errorResponse('Pas de session'), 403: errorResponse('Jeton CSRF manquant') },
        },
      },
      '/api/moderation/submissions': {
        get: {
          summary: 'File de modération',
          security: moderator,
          parameters: [
            { name: 'status', in: 'query', schema: { enum: ['pending', 'approved', 'rejected', 'changes_requested'] } },
            { name: 'q', in: 'query', description: 'Mots cherchés (nom, commune, organisation, personne)', schema: { type: 'string' } },
            { name: 'type', in: 'query', schema: { enum: ['create', 'update', 'report'] } },
            { name: 'commune', in: 'query', schema: { type: 'string' } },
            { name: 'kind', in: 'query', schema: { type: 'string' } },
            { name: 'age', in: 'query', schema: { enum: [...QUEUE_AGES] } },
            {
              name: 'resubmitted',
              in: 'query',
              description: 'Corrigées par la personne après une demande de modifications',
              schema: { enum: ['true', 'false'] },
            },
            { name: 'sort', in: 'query', schema: { enum: [...QUEUE_SORTS] } },
          ],
          responses: {
            200: ok('{ submissions }, chacune avec son nom, sa commune, son type de lieu et un doublon possible'),
            400: errorResponse('Filtre inconnu'),
            401: errorResponse('Pas de session'),
          },
        },
      },
      '/api/moderation/desk': {
        get: {
          summary: 'Les choix du formulaire et les tuiles de la carte',
          security: moderator,
          responses: { 200: ok('{ vocab, tiles }'), 401: errorResponse('Pas de session') },
        },
      },
      '/api/moderation/submissions/{id}/preview': {
        post: {
          summary: 'La fiche telle qu’elle serait publiée avec ces modifications (rien n’est enregistré)',
          security: moderator,
          parameters: [idParam],
          requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { edits: { type: 'object' } } } } } },
          responses: { 200: ok('{ initiative, preview, changes }'), 400: errorResponse('Modifications invalides'), 401: errorResponse('Pas de session') },
        },
      },
      '/api/moderation/publishing': {
        get: {
          summary: 'Ce que la publication doit encore faire, fiche par fiche',
          security: moderator,
          responses: { 200: ok('{ listings }'), 401: errorResponse('Pas de session') },
        },
      },
      '/api/moderation/submissions/{id}': {
        get: {
          summary: 'Une demande, avec la comparaison champ par champ pour les mises à jour',
          security: moderator,
          parameters: [idParam],
          responses: { 200: ok('Demande'), 401: errorResponse('Pas de session'), 404: errorResponse('Inconnue') },
        },
      },
      '/api/moderation/submissions/{id}/approve': {
        post: {
          summary: 'Approuver (avec modifications éventuelles) : écrit le fichier, met à jour la recherche et la page, commit git',
          security: moderator,
          parameters: [idParam],
          requestBody: {
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    edits: {
                      type: 'object',
                      description: 'Seulement les champs qui changent (null retire un champ) ; hoursText accepté. Le reste de la proposition est gardé.',
                    },
                    action: { enum: ['archive', 'correct'], description: 'Pour un signalement : archiver la fiche, ou la corriger avec edits.' },
                  },
                },
              },
            },
          },
          responses: {
            200: ok('Demande approuvée'),
            400: errorResponse('Modifications invalides'),
            401: errorResponse('Pas de session'),
            403: errorResponse('Jeton CSRF manquant'),
            404: errorResponse('Inconnue'),
            409: errorResponse('Déjà traitée'),
          },
        },
      },
      '/api/moderation/submissions/{id}/reject': {
        post: {
          summary: 'Refuser avec une raison (pour un signalement : répondre sans changer la fiche)',
          security: moderator,
          parameters: [idParam],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { type: 'object', properties: { reason: { type: 'string' } }, required: ['reason'] } } },
          },
          responses: {
            200: ok('Demande refusée'),
            400: errorResponse('Raison manquante'),
            401: errorResponse('Pas de session'),
            403: errorResponse('Jeton CSRF manquant'),
            409: errorResponse('Déjà traitée'),
          },
        },
      },
      '/api/moderation/submissions/{id}/request-changes': {
        post: {
          summary: 'Demander des modifications au partenaire',
          security: moderator,
          parameters: [idParam],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { type: 'object', properties: { message: { type: 'string' } }, required: ['message'] } } },
          },
          responses: {
            200: ok('Demande en attente du partenaire'),
            400: errorResponse('Message manquant'),
            401: errorResponse('Pas de session'),
            403: errorResponse('Jeton CSRF manquant'),
            409: errorResponse('Déjà traitée'),
          },
        },
      },
      '/api/moderation/audit': {
        get: { summary: "Journal d'audit", security: moderator, responses: { 200: ok('{ entries }'), 401: errorResponse('Pas de session') } },
      },
      '/api/widget': {
        get: {
          summary: 'La liste du widget des partenaires (toute origine, sans cookie) ; les valeurs inconnues sont ignorées',
          parameters: Object.keys(widgetQuerySchema.shape).map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } })),
          responses: { 200: ok('{ lang, near?, entries, moreUrl }') },
        },
      },
      '/api/export/indicateurs': {
        get: {
          summary: 'Les chiffres du tableau de bord du plan (données ouvertes)',
          responses: { 200: ok('{ generatedAt, figures: [{ id, label, value, unit, source, date }], details }') },
        },
      },
      '/api/export/indicateurs.csv': {
        get: {
          summary: 'Les mêmes chiffres en CSV (id, label, value, unit, source, date)',
          responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } } },
        },
      },
      '/api/openapi.json': { get: { summary: 'Ce document', responses: { 200: ok('OpenAPI 3.1') } } },
    },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'passerelle_session' },
        csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string' }, message: { type: 'string' }, fields: { type: 'object', additionalProperties: { type: 'string' } } },
            },
          },
        },
        InitiativeFields: jsonSchema(model.fieldsSchema),
        Submitter: jsonSchema(submitterSchema),
        SubmissionRequest: jsonSchema(createSubmissionRequestSchema(model)),
      },
    },
  };
}
