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
}
