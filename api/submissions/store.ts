// Storage of submissions: the queue (open ones) in .data/submissions.json. Records hold
// the hash of the tracking token, never the token.
import path from 'node:path';
import type { InitiativeFields } from '../../core/model/index.ts';
import type { Patch } from '../../core/model/initiative-patch.ts';
import type { SubmissionStatus, SubmissionType } from '../../core/statuses.ts';
import type { ReportOutcome, ThreadEntry } from '../../core/wire/submissions.ts';
import type { PluginSubmission } from '../../plugins/api/index.ts';
import { JsonStore } from '../storage/json-store.ts';

export type { ThreadEntry };

export interface Submission {
  id: string;
  type: SubmissionType;
  targetId?: string;
  initiative?: InitiativeFields;
  message?: string;
  /** Private: never published, exported or written to content files. */
  submitter: { name: string; email: string; organisation?: string };
  /** Set for records queued by `npm run import`: the source and where the record was. */
  imported?: { source: string; ref: string };
  tokenHash: string;
  status: SubmissionStatus;
  createdAt: string;
  updatedAt: string;
  reason?: string;
  thread: ThreadEntry[];
  /** For an update: only what it changes (the listing as it is at approval is the base). */
  patch?: Patch;
  /** A new listing placed at its postcode's centre: the moderator should place the point. */
  geoApproximate?: boolean;
  /** An update that moves the address: the moderator confirms the point. */
  geoToConfirm?: boolean;
  /** When the submitter last sent a corrected version (after a request for changes). */
  resubmittedAt?: string;
  /** What a decided report led to: the listing corrected, archived, or an answer without change. */
  outcome?: ReportOutcome;
  /** The published listing (set by an approval). */
  result?: { initiative: string };
  /** Who decided (moderators only). */
  decidedBy?: string;
}

/** A submission as plugins see it: no token hash, no thread. */
export function toPluginSubmission(s: Submission): PluginSubmission {
  return {
    id: s.id,
    type: s.type,
    ...(s.targetId ? { targetId: s.targetId } : {}),
    ...(s.initiative ? { initiative: structuredClone(s.initiative) } : {}),
    ...(s.message ? { message: s.message } : {}),
    submitter: { ...s.submitter },
    createdAt: s.createdAt,
    ...(s.imported ? { imported: { ...s.imported } } : {}),
  };
}

export interface QueueData {
  submissions: Submission[];
}

export function openQueue(dataDir: string): Promise<JsonStore<QueueData>> {
  return JsonStore.open<QueueData>(path.join(dataDir, 'submissions.json'), { submissions: [] });
}

/**
 * The queue (open submissions, the hot file written on every change) and the archive
 * (approved and rejected ones, kept for tracking links and the audit). A decided
 * submission moves to the archive; a crash mid-move leaves it in both, and the queue's
 * copy wins until the next move, which is idempotent.
 */
export class SubmissionRecords {
  constructor(
    readonly queue: JsonStore<QueueData>,
    readonly archive: JsonStore<QueueData>,
  ) {}

  static async open(dataDir: string): Promise<SubmissionRecords> {
    return new SubmissionRecords(
      await openQueue(dataDir),
      await JsonStore.open<QueueData>(path.join(dataDir, 'submissions-archive.json'), { submissions: [] }),
    );
  }

  find(id: string): Submission | undefined {
    return this.queue.data.submissions.find((s) => s.id === id) ?? this.archive.data.submissions.find((s) => s.id === id);
  }

  all(): Submission[] {
    const open = new Set(this.queue.data.submissions.map((s) => s.id));
    return [...this.queue.data.submissions, ...this.archive.data.submissions.filter((s) => !open.has(s.id))];
  }

  add(submission: Submission): Promise<void> {
    return this.queue.update((d) => {
      d.submissions.push(submission);
    });
  }

  /** Changes the submission where it is kept (the queue for open ones). */
  change(id: string, change: (s: Submission) => void): Promise<void> {
    const inQueue = this.queue.data.submissions.some((s) => s.id === id);
    const store = inQueue ? this.queue : this.archive;
    return store.update((d) => {
      const s = d.submissions.find((x) => x.id === id);
      if (s) change(s);
    });
  }

  /** Moves decided submissions (approved, rejected) from the queue to the archive. */
  async archiveDecided(): Promise<number> {
    const decided = this.queue.data.submissions.filter((s) => (s.status === 'approved' || s.status === 'rejected') && !(s as { intent?: unknown }).intent);
    if (!decided.length) return 0;
    await this.archive.update((d) => {
      const known = new Set(d.submissions.map((s) => s.id));
      for (const s of decided) if (!known.has(s.id)) d.submissions.push(structuredClone(s));
    });
    const ids = new Set(decided.map((s) => s.id));
    await this.queue.update((d) => {
      d.submissions = d.submissions.filter((s) => !ids.has(s.id));
    });
    return decided.length;
  }
}
