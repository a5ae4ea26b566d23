// Submission rules: validation with the content model, the honeypot, tracking tokens
// (returned once, stored as a hash), and what a submitter may see of their submission.
import crypto from 'node:crypto';
import * as z from 'zod';
import fs from 'node:fs';
import { initiativeFile, readInitiativeFile, type ContentModel } from '../../plugins/model/index.ts';
import { HttpError, type FieldErrors } from '../http/errors.ts';
import type { Logger } from '../logger.ts';
import { createSubmissionRequestSchema } from './schema.ts';
import type { Submission, SubmissionRecords, ThreadEntry } from './store.ts';

export interface Receipt {
  id: string;
  status: 'pending';
  trackingToken: string;
}

export interface PublicStatus {
  id: string;
  type: Submission['type'];
  targetId?: string;
  /** What the submitter sent (their own data, so they can correct it); never their contact. */
  initiative?: Submission['initiative'];
  status: Submission['status'];
  createdAt: string;
  updatedAt: string;
  reason?: string;
  thread: ThreadEntry[];
}

export interface SubmissionsService {
  create(body: unknown): Promise<Receipt>;
  status(id: string, token: unknown): PublicStatus;
  /** The submitter answers a moderator's request for changes (tracking token required). */
  resubmit(id: string, token: unknown, body: unknown): Promise<PublicStatus>;
}

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('base64url');

function fieldErrors(issues: { path: PropertyKey[]; message: string; code: string; keys?: string[] }[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      for (const key of issue.keys) fields[[...issue.path.map(String), key].join('.')] = 'Ce champ est inconnu : retirez-le.';
      continue;
    }
    const key = issue.path.map(String).join('.') || 'body';
    fields[key] ??= issue.message;
  }
  return fields;
}

export function createSubmissionsService(model: ContentModel, records: SubmissionRecords, logger: Logger): SubmissionsService {
  const schema = createSubmissionRequestSchema(model);
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
      const parsed = schema.safeParse(body);
      if (!parsed.success) throw new HttpError(400, 'invalid_submission', 'Certains champs sont à corriger.', fieldErrors(parsed.error.issues as never));
      const request = parsed.data;
      const trackingToken = crypto.randomBytes(24).toString('base64url');
      const id = `sub_${crypto.randomBytes(12).toString('base64url')}`;
      if (request.website) {
        // A robot filled the hidden field: answer as usual, keep nothing.
        logger.warn({ id }, 'submission dropped by the honeypot');
        return { id, status: 'pending', trackingToken };
      }
      if (request.targetId) {
        const file = initiativeFile(model.paths.initiatives, request.targetId);
        if (!fs.existsSync(file) || readInitiativeFile(model, file).status !== 'active') {
          throw new HttpError(400, 'invalid_submission', 'Certains champs sont à corriger.', { targetId: "Aucune initiative publiée ne porte cet identifiant." });
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
        tokenHash: hashToken(trackingToken),
        status: 'pending',
        createdAt: now,
        updatedAt: now,
        thread: request.message ? [{ at: now, from: 'submitter', text: request.message }] : [],
      };
      await records.add(submission);
      return { id, status: 'pending', trackingToken };
    },

    status(id, token) {
      const { type, targetId, initiative, status, createdAt, updatedAt, reason, thread } = owned(id, token);
      return { id, type, ...(targetId ? { targetId } : {}), ...(initiative ? { initiative } : {}), status, createdAt, updatedAt, ...(reason ? { reason } : {}), thread };
    },

    async resubmit(id, token, body) {
      const submission = owned(id, token);
      if (submission.status !== 'changes_requested') throw new HttpError(409, 'conflict', "Cette demande n'attend pas de modification de votre part.");
      const parsed = resubmitSchema.safeParse(body ?? {});
      if (!parsed.success) throw new HttpError(400, 'invalid_submission', 'Certains champs sont à corriger.', fieldErrors(parsed.error.issues as never));
      if (submission.type !== 'report' && parsed.data.initiative === undefined) throw new HttpError(400, 'invalid_submission', 'Certains champs sont à corriger.', { initiative: "Envoyez les informations corrigées de l'initiative." });
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
