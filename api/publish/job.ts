// A publishing job: what one decision (or one new submission) implies, as a durable
// record — the decision's data, and its steps with their state. The steps themselves, in
// order, are listed in pipeline.ts; this file is only the record's shape.
import type { Initiative } from '../../core/model/index.ts';
import type { PluginSubmission } from '../../plugins/api/types.ts';

/** What started the job. */
export type JobKind = 'approve' | 'reject' | 'request_changes' | 'submitted' | 'resubmitted';

/** Built-in steps, then one step per plugin hook: `hook:<plugin name>`. */
export type StepName = 'write-file' | 'record' | 'render' | 'commit' | 'search' | 'dashboard' | `hook:${string}`;

export interface StepState {
  name: StepName;
  /** Steps that must be done before this one may run. */
  needs: StepName[];
  status: 'pending' | 'done';
  /** Attempts made so far (0 before the first). */
  attempts: number;
  /** Not before this instant (ISO), after a failure. */
  nextAttemptAt?: string;
  /** The last failure, in French for the moderation page (no internals). */
  lastError?: string;
  /** What a step already did inside itself (e.g. `mail:<address>`), so a retry does not redo it. */
  checkpoints?: string[];
  doneAt?: string;
}

export interface Job {
  id: string;
  /** Creation order (jobs are resumed and run in this order). */
  seq: number;
  kind: JobKind;
  createdAt: string;
  /** The moderator who decided (absent for a new submission). */
  by?: string;
  /** The submission as plugins see it, frozen at the decision (for the hooks). */
  submission: PluginSubmission;
  /** The listing this job publishes, changes or removes. */
  initiativeId?: string;
  /** The listing before the decision (to know which list pages it left). */
  before?: Initiative;
  /** The listing as the decision writes it. */
  after?: Initiative;
  /** A rejection's reason or a request for changes' message. */
  reason?: string;
  /** True when the moderator changed the proposal before approving it. */
  edited?: boolean;
  /** A new submission's tracking page with its token, for the submitter's receipt e-mail only; it leaves the disk with the job. */
  trackingPath?: string;
  /** The submitter's words with a corrected version (resubmitted). */
  message?: string;
  steps: StepState[];
}

export const isDone = (job: Job): boolean => job.steps.every((s) => s.status === 'done');

export function stepOf(job: Job, name: StepName): StepState {
  const step = job.steps.find((s) => s.name === name);
  if (!step) throw new Error(`job ${job.id} has no step ${name}`);
  return step;
}
