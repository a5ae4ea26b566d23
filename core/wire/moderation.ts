// /api/moderation: the queue, one submission with its changes, and the audit log.
import type { InitiativeFields } from '../model/initiative.ts';
import type { SubmissionStatus, SubmissionType } from '../statuses.ts';
import type { ThreadEntry } from './submissions.ts';

export interface Change {
  field: string;
  before: unknown;
  after: unknown;
}

export interface ModerationView {
  id: string;
  type: SubmissionType;
  status: SubmissionStatus;
  targetId?: string;
  initiative?: InitiativeFields;
  message?: string;
  submitter: { name: string; email: string; organisation?: string };
  imported?: { source: string; ref: string };
  createdAt: string;
  updatedAt: string;
  reason?: string;
  thread: ThreadEntry[];
  /** For updates: what would change, field by field, against the current file. */
  changes?: Change[];
  result?: { initiative: string };
}

export type AuditAction = 'approve' | 'reject' | 'request_changes';

export interface AuditEntry {
  at: string;
  by: string;
  action: AuditAction;
  submission: string;
  initiative?: string;
  reason?: string;
  /** The publishing job of this decision. */
  job?: string;
  /** The moderator changed the proposal before approving it. */
  edited?: boolean;
}
