// THE publish pipeline: what happens after a moderator decides (or a partner submits), in
// order, in one place. A decision is first written as one durable job listing its steps
// (journal.ts); the decision's answer waits only for the first two steps, the listing's
// file and the decision's record; a worker (worker.ts) runs the others until each one
// succeeds, across crashes and restarts.
//
//   approve (a new listing, an update, or a report that archives one)
//     1. write-file  content/initiatives/<id>.yml written        steps/content-steps.ts
//     2. record      submission marked decided, audit log         steps/content-steps.ts
//     3. render      its page and the list pages it is on         steps/publish-steps.ts → site/directory
//     4. commit      the file committed (when content/ is in git)  steps/publish-steps.ts → git-repository.ts
//     5. search      the search index updated                     steps/publish-steps.ts → api/search
//     6. hook:<p>    each plugin's onApproved, in config order     steps/hook-steps.ts (notifications: e-mail, webhook)
//     7. dashboard  the plan's dashboard page                      steps/publish-steps.ts → api/reach/dashboard.ts
//   reject, request_changes:  record, dashboard, then hook:<p> (onRejected / onChangesRequested)
//   submitted (a new proposal): dashboard, hook:<p> (onSubmissionCreated)
//
// Steps 3 to 5 need step 1; the hooks need the record and the page (a mail links to it);
// the dashboard needs the record (it counts decisions).
// Outside decisions, only the calendar changes a page: ended-closures.ts renders again the
// pages of listings whose temporary closure has ended.
import crypto from 'node:crypto';
import type { Logger } from '../logger.ts';
import type { Failpoints } from './failpoints.ts';
import { isDone, type Job, type JobKind, type StepName, type StepState } from './job.ts';
import type { Journal } from './journal.ts';
import { HOOK_OF } from './steps/hook-steps.ts';
import type { PublishWorker } from './worker.ts';

const INLINE: StepName[] = ['write-file', 'record'];

export interface PipelineShape {
  /** Whether a search index is configured (no `search` step without one). */
  search: boolean;
  /** Whether the dashboard page is written (no `dashboard` step without it). */
  dashboard: boolean;
  /** Plugins implementing a hook, in config order. */
  pluginsWith(hook: (typeof HOOK_OF)[JobKind]): string[];
}

const step = (name: StepName, needs: StepName[] = []): StepState => ({ name, needs, status: 'pending', attempts: 0 });

/** The steps of a job of this kind, in order, with what each needs first. */
export function stepsFor(kind: JobKind, shape: PipelineShape): StepState[] {
  const hooks = (needs: StepName[]) => shape.pluginsWith(HOOK_OF[kind]).map((p) => step(`hook:${p}`, needs));
  const dashboard = (needs: StepName[]) => (shape.dashboard ? [step('dashboard', needs)] : []);
  switch (kind) {
    case 'approve':
      return [
        step('write-file'),
        step('record', ['write-file']),
        step('render', ['write-file']),
        step('commit', ['write-file']),
        ...(shape.search ? [step('search', ['write-file'])] : []),
        ...dashboard(['record']),
        ...hooks(['record', 'render']),
      ];
    case 'reject':
    case 'request_changes':
      return [step('record'), ...dashboard(['record']), ...hooks(['record'])];
    default:
      return [...dashboard([]), ...hooks([])];
  }
}

/** French names of the steps, for the moderation page. */
export function stepLabel(name: StepName): string {
  if (name.startsWith('hook:')) return name === 'hook:notifications' ? 'Notifications (e-mail, webhook)' : `Module « ${name.slice(5)} »`;
  const labels: Record<string, string> = {
    'write-file': 'Fiche',
    record: 'Décision',
    render: "Page de l'annuaire",
    commit: 'Historique',
    search: 'Recherche',
    dashboard: 'Tableau de bord',
  };
  return labels[name] ?? name;
}

export type JobInit = Omit<Job, 'id' | 'seq' | 'createdAt' | 'steps'> & { createdAt?: string };

export interface ListingProgress {
  job: string;
  kind: JobKind;
  submission: string;
  initiative?: string;
  name?: string;
  since: string;
  steps: { step: StepName; label: string; failing: boolean; lastError?: string; retryInSeconds?: number }[];
}

export interface PublishingStatus {
  /** Unfinished jobs. */
  pending: number;
  /** Jobs with a step that failed at least once and is not done yet. */
  failing: number;
  /** Age of the oldest unfinished job, 0 when none. */
  oldestPendingSeconds: number;
}

export class Pipeline {
  constructor(
    private readonly journal: Journal,
    private readonly worker: PublishWorker,
    private readonly shape: PipelineShape,
    private readonly failpoints: Failpoints,
    private readonly logger: Logger,
  ) {}

  /**
   * Records a decision as one durable job, then does its first steps at once (the file,
   * the record). Resolves when they are done; the rest follows in the background.
   */
  async begin(init: JobInit): Promise<Job> {
    const job: Job = {
      ...init,
      id: `job_${Date.now().toString(36)}_${crypto.randomBytes(6).toString('base64url')}`,
      seq: this.journal.nextSeq(),
      createdAt: init.createdAt ?? new Date().toISOString(),
      steps: stepsFor(init.kind, this.shape),
    };
    if (!job.steps.length) return job; // nothing to do (e.g. no plugin listens to new submissions)
    this.journal.save(job);
    this.failpoints.hit('job');
    for (const name of INLINE) await this.worker.runNow(job, name);
    this.worker.wake();
    return job;
  }

  /** At start, before any new decision: finishes the first steps of every job left by a crash. */
  async recover(): Promise<number> {
    // A job whose last step was done just before a crash only lacks its closing.
    for (const job of this.journal.list()) if (isDone(job)) this.journal.finish(job);
    const open = this.journal.list();
    for (const job of open) {
      for (const name of INLINE) {
        try {
          await this.worker.runNow(job, name);
        } catch (err) {
          this.logger.error({ err, job: job.id, step: name }, 'a decision could not be completed at start; it will be retried');
        }
      }
    }
    if (open.length) this.logger.warn({ jobs: open.length }, 'publishing resumed after a stop: unfinished steps will run now');
    return open.length;
  }

  /** The unfinished job publishing this listing identifier, if any. */
  jobUsing(initiativeId: string): Job | undefined {
    return this.journal.list().find((j) => j.initiativeId === initiativeId);
  }

  /** The unfinished job deciding this submission, if any. */
  openDecisionFor(submission: string): Job | undefined {
    return this.journal.list().find((j) => j.submission.id === submission && j.kind !== 'submitted' && j.kind !== 'resubmitted');
  }

  status(now = Date.now()): PublishingStatus {
    const jobs = this.journal.list();
    const oldest = jobs.reduce((min, j) => Math.min(min, Date.parse(j.createdAt)), now);
    return {
      pending: jobs.length,
      failing: jobs.filter((j) => j.steps.some((s) => s.status === 'pending' && s.attempts > 0)).length,
      oldestPendingSeconds: jobs.length ? Math.max(0, Math.round((now - oldest) / 1000)) : 0,
    };
  }

  /** What waits for what, listing by listing, for the moderation page. */
  progress(now = Date.now()): ListingProgress[] {
    return this.journal.list().map((j) => ({
      job: j.id,
      kind: j.kind,
      submission: j.submission.id,
      ...(j.initiativeId ? { initiative: j.initiativeId } : {}),
      ...(j.after?.name || j.submission.initiative?.name ? { name: j.after?.name ?? j.submission.initiative?.name } : {}),
      since: j.createdAt,
      steps: j.steps
        .filter((s) => s.status === 'pending')
        .map((s) => ({
          step: s.name,
          label: stepLabel(s.name),
          failing: s.attempts > 0,
          ...(s.lastError ? { lastError: s.lastError } : {}),
          ...(s.nextAttemptAt ? { retryInSeconds: Math.max(0, Math.round((Date.parse(s.nextAttemptAt) - now) / 1000)) } : {}),
        })),
    }));
  }

  /** Resolves when every job is finished (tests, benchmarks, shutdown of a CLI). */
  drained(): Promise<void> {
    return this.worker.drained();
  }
}
