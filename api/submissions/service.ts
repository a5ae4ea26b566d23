// Submission rules: validation with the content model, the honeypot, tracking tokens
// (returned once, stored as a hash), and what a submitter may see of their submission.
import crypto from 'node:crypto';
import fs from 'node:fs';
import * as z from 'zod';
import { toFieldErrors } from '../../core/field-errors.ts';
import { MESSAGES } from '../../core/messages.ts';
import { type ContentModel, initiativeFile, readInitiativeFile } from '../../core/model/index.ts';
import type { PublicStatus, Receipt } from '../../core/wire/submissions.ts';
import { PluginHookError, type PluginHost, type SubmissionDraft } from '../../plugins/api/index.ts';
import { type FieldErrors, HttpError } from '../http/errors.ts';
import type { Logger } from '../logger.ts';
import { createSubmissionRequestSchema, type SubmissionRequest } from './schema.ts';
import type { Submission, SubmissionRecords } from './store.ts';

export type { PublicStatus, Receipt };

/** What `npm run import` queues: fields read by a source, on behalf of whoever imports. */
export interface ImportedSubmission {
  initiative: unknown;
  source: string;
  ref: string;
  submitter: { name: string; email: string; organisation?: string };
}

export interface SubmissionsService {
  create(body: unknown): Promise<Receipt>;
  /** Queues a record read by an importer: the same rules as the API (plugins included). */
  createImported(record: ImportedSubmission): Promise<Receipt>;
  /** The same checks as createImported, without queuing (import --dry-run). */
  checkImported(record: ImportedSubmission): Promise<void>;
  status(id: string, token: unknown): PublicStatus;
  /** The submitter answers a moderator's request for changes (tracking token required). */
  resubmit(id: string, token: unknown, body: unknown): Promise<PublicStatus>;
}

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('base64url');

/** Runs the plugins' rules; a failing plugin refuses the submission without naming internals. */
export async function pluginFieldErrors(plugins: PluginHost, draft: SubmissionDraft): Promise<FieldErrors> {
  try {
    return await plugins.validateSubmission(draft);
  } catch (err) {
    if (!(err instanceof PluginHookError)) throw err;
    const message =
      draft.origin === 'moderation'
        ? "Cette demande n'a pas pu être vérifiée pour le moment. Elle reste en attente : réessayez dans quelques minutes."
        : "Votre demande n'a pas pu être vérifiée pour le moment. Elle n'est pas enregistrée : réessayez dans quelques minutes.";
    throw new HttpError(500, 'validation_unavailable', message);
  }
}

const asObject = (value: unknown): Record<string, unknown> | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/** What happens once a submission is queued: the publish pipeline's `submitted` job (its hooks: notifications…). */
export type AnnounceSubmission = (submission: Submission) => Promise<void>;

export function createSubmissionsService(
  model: ContentModel,
  records: SubmissionRecords,
  logger: Logger,
  plugins: PluginHost,
  announce: AnnounceSubmission = async () => {},
): SubmissionsService {
  const schema = createSubmissionRequestSchema(model);

  /** Base rules and plugins' rules together, so a submitter sees every problem at once. */
  async function check(body: Record<string, unknown>, origin: SubmissionDraft['origin']): Promise<SubmissionRequest> {
    const parsed = schema.safeParse(body);
    const fields: FieldErrors = parsed.success ? {} : toFieldErrors(parsed.error.issues);
    const type = typeof body.type === 'string' && ['create', 'update', 'report'].includes(body.type) ? (body.type as SubmissionDraft['type']) : undefined;
    if (type && !body.website) {
      const draft: SubmissionDraft = {
        type,
        ...(typeof body.targetId === 'string' ? { targetId: body.targetId } : {}),
        ...(asObject(body.initiative) ? { initiative: asObject(body.initiative) } : {}),
        ...(typeof body.message === 'string' ? { message: body.message } : {}),
        origin,
      };
      for (const [field, message] of Object.entries(await pluginFieldErrors(plugins, draft))) fields[field] ??= message;
    }
    if (!parsed.success || Object.keys(fields).length) throw new HttpError(400, 'invalid_submission', MESSAGES.fieldsToFix, fields);
    return parsed.data;
  }

  async function queue(request: SubmissionRequest, imported?: { source: string; ref: string }): Promise<Receipt> {
    const trackingToken = crypto.randomBytes(24).toString('base64url');
    const id = `sub_${crypto.randomBytes(12).toString('base64url')}`;
    if (request.targetId) {
      const file = initiativeFile(model.paths.initiatives, request.targetId);
      if (!fs.existsSync(file) || readInitiativeFile(model, file).status !== 'active') {
        throw new HttpError(400, 'invalid_submission', MESSAGES.fieldsToFix, { targetId: 'Aucune initiative publiée ne porte cet identifiant.' });
      }
    }
    const now = new Date().toISOString();
    const submission: Submission = {
      id,
      type: request.type,
      ...(request.targetId ? { targetId: request.targetId } : {}),
      ...(request.initiative !== undefined ? { initiative: model.fieldsSchema.parse(request.initiative) } : {}),
      ...(request.message ? { message: request.message } : {}),
      submitter: request.submitter,
      ...(imported ? { imported } : {}),
      tokenHash: hashToken(trackingToken),
      status: 'pending',
      createdAt: now,
      updatedAt: now,
      thread: request.message ? [{ at: now, from: 'submitter', text: request.message }] : [],
    };
    await records.add(submission);
    // Notifications and the like run later, as steps of the publish pipeline; the job that
    // asks for them is on disk before the answer, so a crash loses none.
    await announce(submission);
    return { id, status: 'pending', trackingToken };
  }

  const resubmitSchema = z
    .object({
      initiative: model.fieldsSchema.optional(),
      message: z.string({ error: 'Dites en une phrase ce que vous avez changé.' }).trim().min(1, 'Dites en une phrase ce que vous avez changé.').max(2000),
    })
    .strict();

  /** The submission behind an id and its tracking token; the same 404 for both mistakes. */
  const owned = (id: string, token: unknown): Submission => {
    const submission = records.find(id);
    const given = typeof token === 'string' ? hashToken(token) : '';
    if (!submission || given.length !== submission.tokenHash.length || !crypto.timingSafeEqual(Buffer.from(given), Buffer.from(submission.tokenHash))) {
      throw new HttpError(404, 'not_found', 'Aucune demande ne correspond à ce lien de suivi. Vérifiez que le lien est complet.');
    }
    return submission;
  };

  return {
    async create(body) {
      if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
        throw new HttpError(400, 'invalid_body', 'Envoyez un objet JSON (Content-Type: application/json).');
      }
      const request = await check(body as Record<string, unknown>, 'api');
      if (request.website) {
        // A robot filled the hidden field: answer as usual, keep nothing.
        const id = `sub_${crypto.randomBytes(12).toString('base64url')}`;
        logger.warn({ id }, 'submission dropped by the honeypot');
        return { id, status: 'pending', trackingToken: crypto.randomBytes(24).toString('base64url') };
      }
      return queue(request);
    },

    async createImported({ initiative, source, ref, submitter }) {
      const request = await check({ type: 'create', initiative, submitter, message: `Importé de ${source} (${ref}).` }, 'import');
      return queue(request, { source, ref });
    },

    async checkImported({ initiative, source, ref, submitter }) {
      await check({ type: 'create', initiative, submitter, message: `Importé de ${source} (${ref}).` }, 'import');
    },

    status(id, token) {
      const { type, targetId, initiative, status, createdAt, updatedAt, reason, thread } = owned(id, token);
      return {
        id,
        type,
        ...(targetId ? { targetId } : {}),
        ...(initiative ? { initiative } : {}),
        status,
        createdAt,
        updatedAt,
        ...(reason ? { reason } : {}),
        thread,
      };
    },

    async resubmit(id, token, body) {
      const submission = owned(id, token);
      if (submission.status !== 'changes_requested') throw new HttpError(409, 'conflict', "Cette demande n'attend pas de modification de votre part.");
      const parsed = resubmitSchema.safeParse(body ?? {});
      if (!parsed.success) throw new HttpError(400, 'invalid_submission', MESSAGES.fieldsToFix, toFieldErrors(parsed.error.issues));
      if (submission.type !== 'report' && parsed.data.initiative === undefined)
        throw new HttpError(400, 'invalid_submission', MESSAGES.fieldsToFix, { initiative: "Envoyez les informations corrigées de l'initiative." });
      if (parsed.data.initiative !== undefined) {
        const fields = await pluginFieldErrors(plugins, {
          type: submission.type,
          ...(submission.targetId ? { targetId: submission.targetId } : {}),
          initiative: parsed.data.initiative,
          message: parsed.data.message,
          origin: 'api',
        });
        if (Object.keys(fields).length) throw new HttpError(400, 'invalid_submission', MESSAGES.fieldsToFix, fields);
      }
      const at = new Date().toISOString();
      await records.change(id, (s) => {
        if (parsed.data.initiative !== undefined) s.initiative = parsed.data.initiative;
        s.status = 'pending';
        s.updatedAt = at;
        delete s.reason;
        s.thread.push({ at, from: 'submitter', text: parsed.data.message });
      });
      return this.status(id, token);
    },
  };
}
