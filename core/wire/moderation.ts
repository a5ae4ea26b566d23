// /api/moderation: the queue, one submission with its changes and preview, the audit log.
import type { InitiativeFields } from '../model/initiative.ts';
import type { SubmissionStatus, SubmissionType } from '../statuses.ts';
import type { ReportOutcome, ThreadEntry } from './submissions.ts';

/** One field a proposal changes, said in French (label and human values, never codes). */
export interface Change {
  /** Dotted path (`contact.phone`). */
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

/** What a proposal looks like: another waiting proposal or a published listing. */
export interface DuplicateHint {
  name: string;
  /** « même nom et même adresse », « nom proche, à 12 m ». */
  why: string;
  /** A published listing's identifier (its page). */
  listing?: string;
  /** A waiting submission's identifier. */
  submission?: string;
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
  /** What the queue names it by: the proposed name, or the listing's. */
  name: string;
  kind?: string;
  kindLabel?: string;
  commune?: string;
  communeName?: string;
  /** The submitter sent a corrected version (after a request for changes). */
  resubmittedAt?: string;
  /** A new listing at its postcode's centre: place the point. */
  geoApproximate?: boolean;
  /** A correction moves the address: confirm the point before approving. */
  geoToConfirm?: boolean;
  duplicate?: DuplicateHint;
  outcome?: ReportOutcome;
  result?: { initiative: string };
  /** Detail only. For updates (and reports): what changes, field by field, against the listing as it is. */
  changes?: Change[];
  /** Detail only. The listing as it is now (updates and reports). */
  current?: InitiativeFields;
  /** Detail only. The proposal as it stands (for an update: the listing as it is with its changes): the desk's form starts from it. */
  proposal?: InitiativeFields;
  /** Detail only. The page as it will look: a view for site/theme/Directory/InitiativeDetails. */
  preview?: unknown;
}

/** Queue filters: GET /api/moderation/submissions?… */
export const QUEUE_SORTS = ['oldest', 'newest', 'name', 'commune'] as const;
export const QUEUE_AGES = ['today', 'week', 'older'] as const;

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
  /** For a report: what it led to. */
  outcome?: ReportOutcome;
}

/** An audit entry as the desk shows it: in French, naming the listing and linking to it. */
export interface AuditView extends AuditEntry {
  /** « Nouvelle fiche publiée », « Fiche archivée (signalement) »… */
  label: string;
  /** The listing's name (or the proposal's). */
  name?: string;
  /** Its public page, when it is in the directory. */
  url?: string;
}

/** The desk's settings: the form's choices and the map tiles. */
export interface DeskSettings {
  vocab: unknown;
  tiles: string;
}
