// The two steps a decision does before its answer: write the listing's file, and record
// the decision (the submission's new status, its thread and the audit log). Both are
// idempotent: run again after a crash, they find their work done and change nothing.
import fs from 'node:fs';
import { type ContentModel, initiativeFile, serializeInitiative, writeInitiativeFile } from '../../../core/model/index.ts';
import type { AuditData } from '../../moderation/audit.ts';
import type { JsonStore } from '../../storage/json-store.ts';
import type { SubmissionRecords } from '../../submissions/store.ts';
import type { Catalogue } from '../catalogue.ts';
import type { Job } from '../job.ts';
import type { StepRunner } from '../worker.ts';

export function writeFileStep(model: ContentModel, catalogue: Catalogue): StepRunner {
  return {
    lane: 'decision',
    timeoutMs: 30_000,
    describe: () => "la fiche n'a pas pu être écrite sur le disque",
    async run([job]) {
      const after = job?.after;
      if (!after) return;
      const file = initiativeFile(model.paths.initiatives, after.id);
      const text = serializeInitiative(after);
      if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) writeInitiativeFile(model.paths.initiatives, after);
      catalogue.set(after);
    },
  };
}

const ACTION = { approve: 'approve', reject: 'reject', request_changes: 'request_changes' } as const;

export function recordStep(records: SubmissionRecords, audit: JsonStore<AuditData>): StepRunner {
  return {
    lane: 'decision',
    timeoutMs: 30_000,
    describe: () => "la décision n'a pas pu être enregistrée",
    async run([job]) {
      if (!job) return;
      if (job.kind !== 'approve' && job.kind !== 'reject' && job.kind !== 'request_changes') return;
      await records.change(job.submission.id, (s) => applyDecision(s, job));
      const action = ACTION[job.kind];
      await audit.update((d) => {
        if (d.entries.some((e) => e.job === job.id || (e.submission === job.submission.id && e.action === action && e.at === job.createdAt))) return;
        d.entries.push({
          at: job.createdAt,
          by: job.by ?? '',
          action,
          submission: job.submission.id,
          job: job.id,
          ...(job.initiativeId ? { initiative: job.initiativeId } : {}),
          ...(job.reason ? { reason: job.reason } : {}),
          ...(job.edited ? { edited: true } : {}),
          ...(job.submission.type === 'report' && job.kind !== 'request_changes' ? { outcome: reportOutcome(job) } : {}),
        });
      });
      await records.archiveDecided();
    },
  };
}

type Stored = Parameters<Parameters<SubmissionRecords['change']>[1]>[0] & { result?: { initiative: string }; decidedBy?: string };

/** What a decided report led to: an approval corrects or archives the listing, a rejection answers without change. */
function reportOutcome(job: Job): 'corrected' | 'archived' | 'answered' {
  if (job.kind !== 'approve') return 'answered';
  return job.after?.status === 'archived' ? 'archived' : 'corrected';
}

function applyDecision(s: Stored, job: Job): void {
  if (s.type === 'report' && job.kind !== 'request_changes') s.outcome = reportOutcome(job);
  if (job.kind === 'approve') {
    if (s.status === 'approved') return;
    s.status = 'approved';
    s.updatedAt = job.createdAt;
    if (job.by) s.decidedBy = job.by;
    if (job.initiativeId) s.result = { initiative: job.initiativeId };
    delete s.reason;
    return;
  }
  if (s.thread.some((t) => t.at === job.createdAt && t.from === 'moderator')) return; // already recorded
  const text = job.reason ?? '';
  s.status = job.kind === 'reject' ? 'rejected' : 'changes_requested';
  s.updatedAt = job.createdAt;
  s.reason = text;
  if (job.by) s.decidedBy = job.by;
  s.thread.push({ at: job.createdAt, from: 'moderator', text });
}
