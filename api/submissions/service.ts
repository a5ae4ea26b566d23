// Submission rules: validation with the content model, the honeypot, tracking tokens
// (returned once, stored as a hash, sent by e-mail through the pipeline's `submitted`
// job), corrections stored as what they change, the listing they name found from its
// identifier, address or name, and what a submitter may see of their submission.
import crypto from 'node:crypto';
import * as z from 'zod';
import { toFieldErrors } from '../../core/field-errors.ts';
import { MESSAGES } from '../../core/messages.ts';
import { type ContentModel, type Initiative, isSlug, loadInitiatives } from '../../core/model/index.ts';
import { targetFromInput } from '../../core/proposal-form.ts';
import { normalizeName } from '../../core/text.ts';
import { sitePaths } from '../../core/urls.ts';
import type { PublicStatus, Receipt } from '../../core/wire/submissions.ts';
import { PluginHookError, type PluginHost, type SubmissionDraft } from '../../plugins/api/index.ts';
import { type FieldErrors, HttpError } from '../http/errors.ts';
import type { Logger } from '../logger.ts';
import { fieldsOf, type Prepared, prepareInitiative } from './prepare.ts';
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

/** What the pipeline is told with a queued submission. */
export interface Announcement {
  /** `submitted` (new) or `resubmitted` (corrected by the submitter after a request for changes). */
  kind: 'submitted' | 'resubmitted';
  /** The tracking page with its token, for the submitter's receipt e-mail only (new submissions). */
  trackingPath?: string;
  /** The submitter's words with a correction. */
  message?: string;
}

/** What happens once a submission is queued: the publish pipeline's `submitted` or `resubmitted` job (its hooks: notifications…). */
export type AnnounceSubmission = (submission: Submission, announcement?: Announcement) => Promise<void>;

/** The published listings (the pipeline's catalogue on a server; the files for a CLI). */
export interface ListingLookup {
  get(id: string): Initiative | undefined;
  all(): Iterable<Initiative>;
}

/** Listings read from the content files (the import CLI, which has no catalogue). */
export function fileListings(model: ContentModel): ListingLookup {
  const read = () => new Map(loadInitiatives(model, model.paths.initiatives).initiatives.map((i) => [i.id, i]));
  return { get: (id) => read().get(id), all: () => read().values() };
}

/** The published listing a correction or a report names: by identifier, page address or exact name. */
export function resolveTarget(listings: ListingLookup, raw: string): { id: string } | { message: string } {
  const active = (id: string | undefined) => (id && isSlug(id) && listings.get(id)?.status === 'active' ? id : undefined);
  const direct = active(raw) ?? active(targetFromInput(raw));
  if (direct) return { id: direct };
  const key = normalizeName(raw);
  const named = key.length >= 3 ? [...listings.all()].filter((i) => i.status === 'active' && normalizeName(i.name) === key) : [];
  const [only] = named;
  if (only && named.length === 1) return { id: only.id };
  if (named.length > 1)
    return {
      message: `Fiche concernée : plusieurs fiches s'appellent « ${raw.trim()} » (${named
        .slice(0, 5)
        .map((i) => i.address.locality)
        .join(', ')}). Ouvrez la bonne fiche dans l'annuaire et utilisez son bouton « Proposer une modification », ou copiez l'adresse de sa page.`,
    };
  return {
    message: `Fiche concernée : aucune fiche publiée ne correspond à « ${raw.trim().slice(0, 80)} ». Écrivez son nom exact, ou copiez l'adresse de sa page (elle contient /annuaire/).`,
  };
}

export function createSubmissionsService(
  model: ContentModel,
  records: SubmissionRecords,
  logger: Logger,
  plugins: PluginHost,
  announce: AnnounceSubmission = async () => {},
  listings: ListingLookup = fileListings(model),
): SubmissionsService {
  const schema = createSubmissionRequestSchema(model);

  interface Checked {
    request: SubmissionRequest;
    targetId?: string;
    prepared?: Prepared;
  }

  /** Base rules and plugins' rules together, so a submitter sees every problem at once. */
  async function check(body: Record<string, unknown>, origin: SubmissionDraft['origin']): Promise<Checked> {
    const parsed = schema.safeParse(body);
    const fields: FieldErrors = parsed.success ? {} : toFieldErrors(parsed.error.issues);
    const type = typeof body.type === 'string' && ['create', 'update', 'report'].includes(body.type) ? (body.type as SubmissionDraft['type']) : undefined;
    let targetId: string | undefined;
    if (type && type !== 'create' && typeof body.targetId === 'string' && body.targetId.trim()) {
      const found = resolveTarget(listings, body.targetId);
      if ('id' in found) targetId = found.id;
      else fields.targetId ??= found.message;
    }
    let prepared: Prepared | undefined;
    if (type === 'report' && body.initiative !== undefined)
      fields.initiative ??= "Un signalement n'envoie pas de fiche : expliquez dans le message ce qui n'est plus juste.";
    else if (type && body.initiative !== undefined && (type === 'create' || targetId)) {
      const base = targetId ? listings.get(targetId) : undefined;
      const result = prepareInitiative(model, body.initiative, { prefix: 'initiative', ...(base ? { base: fieldsOf(base) } : {}) });
      if (result.ok) prepared = result.value;
      else for (const [k, v] of Object.entries(result.fields)) fields[k] ??= v;
    }
    if (type && !body.website) {
      const draft: SubmissionDraft = {
        type,
        ...(targetId ? { targetId } : typeof body.targetId === 'string' ? { targetId: body.targetId } : {}),
        ...(prepared ? { initiative: { ...prepared.initiative } } : asObject(body.initiative) ? { initiative: asObject(body.initiative) } : {}),
        ...(typeof body.message === 'string' ? { message: body.message } : {}),
        origin,
      };
      for (const [field, message] of Object.entries(await pluginFieldErrors(plugins, draft))) fields[field] ??= message;
    }
    if (!parsed.success || Object.keys(fields).length) throw new HttpError(400, 'invalid_submission', MESSAGES.fieldsToFix, fields);
    return { request: parsed.data, ...(targetId ? { targetId } : {}), ...(prepared ? { prepared } : {}) };
  }

  async function queue({ request, targetId, prepared }: Checked, imported?: { source: string; ref: string }): Promise<Receipt> {
    const trackingToken = crypto.randomBytes(24).toString('base64url');
    const id = `sub_${crypto.randomBytes(12).toString('base64url')}`;
    const now = new Date().toISOString();
    const submission: Submission = {
      id,
      type: request.type,
      ...(targetId ? { targetId } : {}),
      ...(prepared ? { initiative: prepared.initiative } : {}),
      ...(prepared?.patch ? { patch: prepared.patch } : {}),
      ...(prepared?.geoApproximate ? { geoApproximate: true } : {}),
      ...(prepared?.geoToConfirm ? { geoToConfirm: true } : {}),
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
    // asks for them is on disk before the answer, so a crash loses none. The receipt
    // e-mail carries the tracking link: the token stays in the job only until it is sent.
    await announce(submission, { kind: 'submitted', ...(imported ? {} : { trackingPath: sitePaths.tracking(id, trackingToken) }) });
    return { id, status: 'pending', trackingToken };
  }

  const resubmitSchema = z
    .object({
      initiative: z.unknown().optional(),
      message: z
        .string({ error: 'Votre réponse : dites en une phrase ce que vous avez changé.' })
        .trim()
        .min(1, 'Votre réponse : dites en une phrase ce que vous avez changé.')
        .max(2000, 'Votre réponse : 2000 caractères au maximum.'),
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
      const checked = await check(body as Record<string, unknown>, 'api');
      if (checked.request.website) {
        // A robot filled the hidden field: answer as usual, keep nothing.
        const id = `sub_${crypto.randomBytes(12).toString('base64url')}`;
        logger.warn({ id }, 'submission dropped by the honeypot');
        return { id, status: 'pending', trackingToken: crypto.randomBytes(24).toString('base64url') };
      }
      return queue(checked);
    },

    async createImported({ initiative, source, ref, submitter }) {
      const checked = await check({ type: 'create', initiative, submitter, message: `Importé de ${source} (${ref}).` }, 'import');
      return queue(checked, { source, ref });
    },

    async checkImported({ initiative, source, ref, submitter }) {
      await check({ type: 'create', initiative, submitter, message: `Importé de ${source} (${ref}).` }, 'import');
    },

    status(id, token) {
      const { type, targetId, initiative, status, createdAt, updatedAt, reason, thread, outcome, result, resubmittedAt } = owned(id, token);
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
        ...(outcome ? { outcome } : {}),
        ...(result && status === 'approved' && listings.get(result.initiative)?.status === 'active' ? { published: result.initiative } : {}),
        ...(resubmittedAt ? { resubmittedAt } : {}),
      };
    },

    async resubmit(id, token, body) {
      const submission = owned(id, token);
      if (submission.status !== 'changes_requested') throw new HttpError(409, 'conflict', "Cette demande n'attend pas de modification de votre part.");
      const parsed = resubmitSchema.safeParse(body ?? {});
      if (!parsed.success) throw new HttpError(400, 'invalid_submission', MESSAGES.fieldsToFix, toFieldErrors(parsed.error.issues));
      if (submission.type !== 'report' && parsed.data.initiative === undefined)
        throw new HttpError(400, 'invalid_submission', MESSAGES.fieldsToFix, { initiative: "Envoyez les informations corrigées de l'initiative." });
      let prepared: Prepared | undefined;
      if (parsed.data.initiative !== undefined && submission.type !== 'report') {
        const base = submission.type === 'update' && submission.targetId ? listings.get(submission.targetId) : undefined;
        if (submission.type === 'update' && !base) throw new HttpError(409, 'conflict', "La fiche à corriger n'est plus dans l'annuaire.");
        const result = prepareInitiative(model, parsed.data.initiative, { prefix: 'initiative', ...(base ? { base: fieldsOf(base) } : {}) });
        if (!result.ok) throw new HttpError(400, 'invalid_submission', MESSAGES.fieldsToFix, result.fields);
        prepared = result.value;
        const fields = await pluginFieldErrors(plugins, {
          type: submission.type,
          ...(submission.targetId ? { targetId: submission.targetId } : {}),
          initiative: { ...prepared.initiative },
          message: parsed.data.message,
          origin: 'api',
        });
        if (Object.keys(fields).length) throw new HttpError(400, 'invalid_submission', MESSAGES.fieldsToFix, fields);
      }
      const at = new Date().toISOString();
      await records.change(id, (s) => {
        if (prepared) {
          s.initiative = prepared.initiative;
          if (prepared.patch) s.patch = prepared.patch;
          if (prepared.geoApproximate) s.geoApproximate = true;
          else delete s.geoApproximate;
          if (prepared.geoToConfirm) s.geoToConfirm = true;
          else delete s.geoToConfirm;
        }
        s.status = 'pending';
        s.updatedAt = at;
        s.resubmittedAt = at;
        delete s.reason;
        s.thread.push({ at, from: 'submitter', text: parsed.data.message });
      });
      const updated = records.find(id);
      if (updated) await announce(updated, { kind: 'resubmitted', message: parsed.data.message });
      return this.status(id, token);
    },
  };
}
