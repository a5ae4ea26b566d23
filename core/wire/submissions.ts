// POST /api/submissions and the tracking page: what a submitter sends back and sees.
import type { InitiativeFields } from '../model/initiative.ts';
import type { SubmissionStatus, SubmissionType } from '../statuses.ts';

export interface ThreadEntry {
  at: string;
  from: 'submitter' | 'moderator';
  text: string;
}

export interface Receipt {
  id: string;
  status: 'pending';
  trackingToken: string;
}

/** What a decided report led to: the listing corrected, archived, or an answer without change. */
export type ReportOutcome = 'corrected' | 'archived' | 'answered';

export interface PublicStatus {
  id: string;
  type: SubmissionType;
  targetId?: string;
  /** What the submitter sent (their own data, so they can correct it); never their contact. */
  initiative?: InitiativeFields;
  status: SubmissionStatus;
  createdAt: string;
  updatedAt: string;
  reason?: string;
  thread: ThreadEntry[];
  /** For a report once decided. */
  outcome?: ReportOutcome;
  /** The published listing, once accepted (its page: sitePaths.initiative). */
  published?: string;
  /** When the submitter last sent a corrected version. */
  resubmittedAt?: string;
}
