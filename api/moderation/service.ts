// Moderation rules. Approving writes the content file through the content model, with a
// write-ahead intent recorded on the submission first: a crash between the file and the
// decision is repaired by `reconcile` at the next start (never a file without its
// decision or the reverse). Approving twice changes nothing the second time. Side effects
// run after the decision: the plugins' onApproved hooks (search index, git commit,
// notifications… see plugins/api/host.ts), then the page re-render; their failures are
// logged and never undo it. Rejections and requests for changes notify the plugins too.
import fs from 'node:fs';
import { reprefix, toFieldErrors } from '../../core/field-errors.ts';
import {
  type ContentModel,
  FIELD_ORDER,
  type Initiative,
  initiativeFile,
  readInitiativeFile,
  serializeInitiative,
  uniqueSlug,
  writeInitiativeFile,
} from '../../core/model/index.ts';
import { SUBMISSION_STATUSES } from '../../core/statuses.ts';
import type { Change, ModerationView } from '../../core/wire/moderation.ts';
import type { PluginHost } from '../../plugins/api/index.ts';
import { HttpError } from '../http/errors.ts';
import type { Logger } from '../logger.ts';
import type { JsonStore } from '../storage/json-store.ts';
import { pluginFieldErrors } from '../submissions/service.ts';
import { type Submission, type SubmissionRecords, toPluginSubmission } from '../submissions/store.ts';
import type { AuditData, AuditEntry } from './audit.ts';

export type SideEffect = (initiative: Initiative, context: { submission: string; moderator: string }) => Promise<void>;

export type { Change, ModerationView };

export interface ModerationService {
  list(status?: unknown): ModerationView[];
  get(id: string): ModerationView;
  approve(id: string, moderator: string, edits?: unknown): Promise<ModerationView>;
  reject(id: string, moderator: string, reason: unknown): Promise<ModerationView>;
  requestChanges(id: string, moderator: string, message: unknown): Promise<ModerationView>;
  audit(): AuditEntry[];
  /** Completes approvals interrupted by a crash (run at start). */
  reconcile(): Promise<number>;
}

interface Intent {
  initiative: Initiative;
  by: string;
  at: string;
}

type Stored = Submission & { intent?: Intent; result?: { initiative: string }; decidedBy?: string };

const today = () => new Date().toISOString().slice(0, 10);

function view(s: Stored, changes?: Change[]): ModerationView {
  const { tokenHash: _t, intent: _i, decidedBy: _d, ...rest } = s;
  return { ...rest, ...(changes ? { changes } : {}) };
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

export function createModerationService(
  model: ContentModel,
  records: SubmissionRecords,
  auditLog: JsonStore<AuditData>,
  logger: Logger,
  plugins: PluginHost,
  sideEffects: SideEffect[] = [],
): ModerationService {
  const find = (id: string): Stored => {
    const s = records.find(id) as Stored | undefined;
    if (!s) throw new HttpError(404, 'not_found', "Cette demande n'existe pas.");
    return s;
  };
  const current = (id: string): Initiative | undefined => {
    const file = initiativeFile(model.paths.initiatives, id);
    return fs.existsSync(file) ? readInitiativeFile(model, file) : undefined;
  };

  async function runSideEffects(initiative: Initiative, submission: string, moderator: string): Promise<void> {
    const stored = records.find(submission);
    if (stored) await plugins.emit('onApproved', { submission: toPluginSubmission(stored), initiative: structuredClone(initiative), moderator });
    for (const effect of sideEffects) {
      try {
        await effect(initiative, { submission, moderator });
      } catch (err) {
        logger.error({ err, submission, initiative: initiative.id }, 'an after-approval step failed; the approval stands');
      }
    }
  }

  /** Builds the file an approval would write, validated as a whole content file. */
  async function proposed(s: Stored, edits: unknown): Promise<Initiative> {
    if (s.type === 'report') {
      const existing = s.targetId ? current(s.targetId) : undefined;
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
      const errors = edits === undefined ? pluginErrors : reprefix(pluginErrors, 'initiative', 'edits');
      throw new HttpError(
        400,
        'invalid_edits',
        edits === undefined
          ? 'Cette demande ne respecte pas une règle ajoutée depuis : corrigez-la avant de l’approuver.'
          : 'Les modifications ne sont pas valides.',
        errors,
      );
    }
    const id =
      s.type === 'update' && s.targetId ? s.targetId : uniqueSlug(fields.data.name, (slug) => fs.existsSync(initiativeFile(model.paths.initiatives, slug)));
    if (s.type === 'update' && !current(id)) throw new HttpError(409, 'conflict', "L'initiative à mettre à jour n'existe plus.");
    const origin = s.imported ? ('import' as const) : ('moderation' as const);
    const initiative = { ...fields.data, id, source: { origin, submission: s.id }, updated: today(), status: 'active' as const };
    return model.initiativeSchema.parse(initiative) as Initiative;
  }

  async function finalize(id: string, intent: Intent): Promise<void> {
    const file = initiativeFile(model.paths.initiatives, intent.initiative.id);
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== serializeInitiative(intent.initiative))
      writeInitiativeFile(model.paths.initiatives, intent.initiative);
    await auditLog.update((d) => {
      if (!d.entries.some((e) => e.submission === id && e.action === 'approve'))
        d.entries.push({ at: intent.at, by: intent.by, action: 'approve', submission: id, initiative: intent.initiative.id });
    });
    await records.change(id, (x) => {
      const s = x as Stored;
      s.status = 'approved';
      s.updatedAt = intent.at;
      s.decidedBy = intent.by;
      s.result = { initiative: intent.initiative.id };
      delete s.intent;
    });
    await records.archiveDecided();
  }

  async function decide(id: string, moderator: string, status: 'rejected' | 'changes_requested', text: unknown, what: string): Promise<ModerationView> {
    if (typeof text !== 'string' || !text.trim())
      throw new HttpError(400, 'invalid_request', `${what} est obligatoire.`, { [status === 'rejected' ? 'reason' : 'message']: `${what} est obligatoire.` });
    if (text.length > 2000) throw new HttpError(400, 'invalid_request', `${what} : 2000 caractères au maximum.`);
    const s = find(id);
    if (s.status !== 'pending') throw new HttpError(409, 'conflict', `Cette demande est déjà traitée (${s.status}).`);
    const at = new Date().toISOString();
    const entry: AuditEntry = { at, by: moderator, action: status === 'rejected' ? 'reject' : 'request_changes', submission: id, reason: text.trim() };
    await records.change(id, (x) => {
      x.status = status;
      x.updatedAt = at;
      x.reason = text.trim();
      x.thread.push({ at, from: 'moderator', text: text.trim() });
    });
    await auditLog.update((d) => d.entries.push(entry));
    await records.archiveDecided();
    const decided = find(id);
    // The submitter is told (notifications); the moderator does not wait for it.
    void plugins.emit(status === 'rejected' ? 'onRejected' : 'onChangesRequested', { submission: toPluginSubmission(decided), moderator, reason: text.trim() });
    return view(decided);
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
      const existing = s.type !== 'create' && s.targetId ? current(s.targetId) : undefined;
      return view(s, existing && s.initiative ? diffInitiative(existing, s.initiative) : undefined);
    },

    async approve(id, moderator, edits) {
      const s = find(id);
      if (s.status === 'approved') return view(s); // approving twice changes nothing
      if (s.status !== 'pending') throw new HttpError(409, 'conflict', `Cette demande est déjà traitée (${s.status}).`);
      const intent: Intent = { initiative: await proposed(s, edits), by: moderator, at: new Date().toISOString() };
      await records.change(id, (x) => {
        (x as Stored).intent = intent;
      });
      await finalize(id, intent);
      await runSideEffects(intent.initiative, id, moderator);
      return view(find(id));
    },

    reject: (id, moderator, reason) => decide(id, moderator, 'rejected', reason, 'La raison du refus'),
    requestChanges: (id, moderator, message) => decide(id, moderator, 'changes_requested', message, 'Ce qu’il faut changer'),

    audit: () => [...auditLog.data.entries].reverse(),

    async reconcile() {
      const open = (records.queue.data.submissions as Stored[]).filter((s) => s.intent);
      for (const s of open) {
        const intent = s.intent;
        if (!intent) continue;
        await finalize(s.id, intent);
        await runSideEffects(intent.initiative, s.id, intent.by);
        logger.warn({ submission: s.id }, 'an interrupted approval was completed at start');
      }
      await records.archiveDecided(); // also finishes a move cut short by a crash
      return open.length;
    },
  };
}
