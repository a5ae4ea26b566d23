// Moderation rules: who may decide what, and what a decision writes. Decisions are made
// one at a time (an in-process queue; the data-directory lock makes this server the only
// writer): a second decision on a submission already decided answers 409 already_decided
// and publishes nothing. A new listing's identifier is reserved by an exclusive create,
// never by checking then writing. What a decision then does, step by step, is the publish
// pipeline's (api/publish/pipeline.ts).
import fs from 'node:fs';
import path from 'node:path';
import { reprefix, toFieldErrors } from '../../core/field-errors.ts';
import { type ContentModel, FIELD_ORDER, type Initiative, initiativeFile, uniqueSlug } from '../../core/model/index.ts';
import { SUBMISSION_STATUSES, type SubmissionStatus } from '../../core/statuses.ts';
import { reservedDirectorySlugs } from '../../core/urls.ts';
import type { Change, ModerationView } from '../../core/wire/moderation.ts';
import type { PluginHost } from '../../plugins/api/index.ts';
import { HttpError } from '../http/errors.ts';
import type { Catalogue, ListingProgress, Pipeline } from '../publish/index.ts';
import type { JsonStore } from '../storage/json-store.ts';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../storage/private-dir.ts';
import { pluginFieldErrors } from '../submissions/service.ts';
import { type Submission, type SubmissionRecords, toPluginSubmission } from '../submissions/store.ts';
import type { AuditData, AuditEntry } from './audit.ts';

export type { Change, ModerationView };

export interface ModerationService {
  list(status?: unknown): ModerationView[];
  get(id: string): ModerationView;
  approve(id: string, moderator: string, edits?: unknown): Promise<ModerationView>;
  reject(id: string, moderator: string, reason: unknown): Promise<ModerationView>;
  requestChanges(id: string, moderator: string, message: unknown): Promise<ModerationView>;
  audit(): AuditEntry[];
  /** What the publish pipeline still has to do, listing by listing. */
  publishing(): ListingProgress[];
}

export interface ModerationDeps {
  model: ContentModel;
  records: SubmissionRecords;
  audit: JsonStore<AuditData>;
  plugins: PluginHost;
  pipeline: Pipeline;
  catalogue: Catalogue;
  /** Where identifiers are reserved (.data). */
  dataDir: string;
}

type Stored = Submission & { result?: { initiative: string }; decidedBy?: string };

const today = () => new Date().toISOString().slice(0, 10);

const DECIDED: Record<SubmissionStatus, string> = {
  pending: 'en attente',
  approved: 'acceptée',
  rejected: 'refusée',
  changes_requested: 'renvoyée pour modifications',
};

function view(s: Stored, changes?: Change[]): ModerationView {
  const { tokenHash: _t, decidedBy: _d, ...rest } = s as Stored & { intent?: unknown };
  delete (rest as { intent?: unknown }).intent;
  return { ...rest, ...(changes ? { changes } : {}) };
}

/** 409 with the current state and the published id, so a second tab knows what happened. */
function alreadyDecided(s: Stored): HttpError {
  return new HttpError(409, 'already_decided', `Cette demande est déjà traitée : elle est ${DECIDED[s.status]}.`, undefined, {
    state: { status: s.status, ...(s.result ? { initiative: s.result.initiative } : {}) },
  });
}

export function diffInitiative(before: Partial<Initiative>, after: Partial<Initiative>): Change[] {
  const changes: Change[] = [];
  for (const field of FIELD_ORDER) {
    if (field === 'id' || field === 'source' || field === 'updated' || field === 'status') continue;
    const a = before[field];
    const b = after[field];
    if (JSON.stringify(a) !== JSON.stringify(b)) changes.push({ field, before: a ?? null, after: b ?? null });
  }
  return changes;
}

export function createModerationService({ model, records, audit: auditLog, plugins, pipeline, catalogue, dataDir }: ModerationDeps): ModerationService {
  const slugDir = path.join(dataDir, 'publishing', 'slugs');
  ensurePrivateDir(slugDir);
  const reserved = reservedDirectorySlugs(model.territory.communes.map((c) => c.slug));

  const find = (id: string): Stored => {
    const s = records.find(id) as Stored | undefined;
    if (!s) throw new HttpError(404, 'not_found', "Cette demande n'existe pas.");
    return s;
  };

  // One decision at a time: each waits for the previous one to be recorded.
  let tail: Promise<unknown> = Promise.resolve();
  function serialized<T>(decide: () => Promise<T>): Promise<T> {
    const run = tail.then(decide, decide);
    tail = run.catch(() => undefined);
    return run;
  }

  /** Still open, and no decision under way for it (a decision left by a crash is finished at start). */
  function assertOpen(s: Stored): void {
    if (s.status !== 'pending' || pipeline.openDecisionFor(s.id)) throw alreadyDecided(s);
  }

  /**
   * A free identifier for a new listing, reserved by creating its marker exclusively. The
   * marker names the submission: an approval cut short by a crash before its job was
   * recorded finds its own marker again and keeps the same identifier. A marker that
   * reserves nothing any more (no listing, no decision under way uses it: an attempt cut
   * short, even before it wrote its owner) is taken over.
   */
  function reserveId(name: string, submission: string): string {
    const refused = new Set<string>();
    const taken = (slug: string) =>
      refused.has(slug) || reserved.has(slug) || catalogue.has(slug) || fs.existsSync(initiativeFile(model.paths.initiatives, slug));
    for (;;) {
      const slug = uniqueSlug(name, taken);
      const marker = path.join(slugDir, slug);
      try {
        fs.writeFileSync(marker, submission, { flag: 'wx', mode: PRIVATE_FILE_MODE });
        return slug;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        const owner = fs.readFileSync(marker, 'utf8');
        if (owner === submission || !pipeline.jobUsing(slug)) {
          // Ours, or left by an attempt that a crash stopped before its decision was recorded.
          fs.writeFileSync(marker, submission, { mode: PRIVATE_FILE_MODE });
          return slug;
        }
        refused.add(slug); // reserved by another decision under way: try the next one
      }
    }
  }

  /** The listing an approval would write (without its id for a new one), checked as a whole file. */
  async function proposed(s: Stored, edits: unknown): Promise<Omit<Initiative, 'id'> & { id?: string }> {
    if (s.type === 'report') {
      const existing = s.targetId ? catalogue.get(s.targetId) : undefined;
      if (!existing) throw new HttpError(409, 'conflict', "L'initiative signalée n'existe plus.");
      return { ...existing, status: 'archived', updated: today(), source: { ...existing.source, submission: s.id } };
    }
    const fields = model.fieldsSchema.safeParse(edits ?? s.initiative);
    if (!fields.success)
      throw new HttpError(400, 'invalid_edits', 'Les modifications ne sont pas valides.', toFieldErrors(fields.error.issues, { prefix: ['edits'] }));
    const pluginErrors = await pluginFieldErrors(plugins, {
      type: s.type,
      ...(s.targetId ? { targetId: s.targetId } : {}),
      initiative: { ...fields.data },
      origin: 'moderation',
    });
    if (Object.keys(pluginErrors).length) {
      throw new HttpError(
        400,
        'invalid_edits',
        edits === undefined
          ? 'Cette demande ne respecte pas une règle ajoutée depuis : corrigez-la avant de l’approuver.'
          : 'Les modifications ne sont pas valides.',
        edits === undefined ? pluginErrors : reprefix(pluginErrors, 'initiative', 'edits'),
      );
    }
    if (s.type === 'update' && !(s.targetId && catalogue.get(s.targetId))) throw new HttpError(409, 'conflict', "L'initiative à mettre à jour n'existe plus.");
    const origin = s.imported ? ('import' as const) : ('moderation' as const);
    const withoutId = { ...fields.data, source: { origin, submission: s.id }, updated: today(), status: 'active' as const };
    // Checked now with a placeholder identifier, so a bad proposal never reserves one.
    model.initiativeSchema.parse({ ...withoutId, id: s.targetId ?? 'verification' });
    return s.type === 'update' && s.targetId ? { ...withoutId, id: s.targetId } : withoutId;
  }

  async function decide(id: string, moderator: string, kind: 'reject' | 'request_changes', text: unknown, what: string): Promise<ModerationView> {
    const field = kind === 'reject' ? 'reason' : 'message';
    if (typeof text !== 'string' || !text.trim())
      throw new HttpError(400, 'invalid_request', `${what} est obligatoire.`, { [field]: `${what} est obligatoire.` });
    if (text.length > 2000)
      throw new HttpError(400, 'invalid_request', `${what} : 2000 caractères au maximum.`, { [field]: `${what} : 2000 caractères au maximum.` });
    assertOpen(find(id));
    return serialized(async () => {
      const s = find(id);
      assertOpen(s);
      await pipeline.begin({
        kind,
        by: moderator,
        submission: toPluginSubmission(s),
        reason: text.trim(),
        ...(s.targetId ? { initiativeId: s.targetId } : {}),
      });
      return view(find(id));
    });
  }

  return {
    list(status) {
      if (status !== undefined && (typeof status !== 'string' || !(SUBMISSION_STATUSES as readonly string[]).includes(status))) {
        throw new HttpError(400, 'invalid_query', `status vaut ${SUBMISSION_STATUSES.join(', ')}.`, {
          status: `Valeurs possibles : ${SUBMISSION_STATUSES.join(', ')}.`,
        });
      }
      return (records.all() as Stored[]).filter((s) => !status || s.status === status).map((s) => view(s));
    },

    get(id) {
      const s = find(id);
      const existing = s.type !== 'create' && s.targetId ? catalogue.get(s.targetId) : undefined;
      return view(s, existing && s.initiative ? diffInitiative(existing, s.initiative) : undefined);
    },

    async approve(id, moderator, edits) {
      assertOpen(find(id));
      const draft = await proposed(find(id), edits);
      return serialized(async () => {
        const s = find(id);
        assertOpen(s);
        const initiativeId = draft.id ?? reserveId(draft.name, s.id);
        const after = { ...draft, id: initiativeId } as Initiative;
        const before = catalogue.get(initiativeId);
        await pipeline.begin({
          kind: 'approve',
          by: moderator,
          submission: toPluginSubmission(s),
          initiativeId,
          ...(before ? { before } : {}),
          after,
          ...(edits !== undefined ? { edited: true } : {}),
        });
        return view(find(id));
      });
    },

    reject: (id, moderator, reason) => decide(id, moderator, 'reject', reason, 'La raison du refus'),
    requestChanges: (id, moderator, message) => decide(id, moderator, 'request_changes', message, 'Ce qu’il faut changer'),

    audit: () => [...auditLog.data.entries].reverse(),

    publishing: () => pipeline.progress(),
  };
}
