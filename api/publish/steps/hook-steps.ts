// A plugin's decision hook as a pipeline step: one lane per plugin, so a partner's slow
// webhook never delays another plugin, and one attempt at a time with the plugin's time
// limit. The event is rebuilt from the job (what was decided, frozen at the decision).
import { sitePaths } from '../../../core/urls.ts';
import type { PluginHost, SideEffectEvents, SideEffectHook } from '../../../plugins/api/index.ts';
import type { Job, JobKind } from '../job.ts';
import type { StepRunner } from '../worker.ts';

/** The hook a job of each kind runs. */
export const HOOK_OF: Record<JobKind, SideEffectHook> = {
  approve: 'onApproved',
  reject: 'onRejected',
  request_changes: 'onChangesRequested',
  submitted: 'onSubmissionCreated',
  resubmitted: 'onSubmissionCorrected',
};

function eventOf(job: Job): SideEffectEvents[SideEffectHook] {
  const submission = structuredClone(job.submission);
  switch (job.kind) {
    case 'approve':
      if (!job.after) throw new Error(`job ${job.id}: an approval without its initiative`);
      return { submission, initiative: structuredClone(job.after), moderator: job.by ?? '' };
    case 'reject':
    case 'request_changes':
      return { submission, moderator: job.by ?? '', reason: job.reason ?? '' };
    case 'resubmitted':
      return { submission, trackingPath: sitePaths.tracking(submission.id), message: job.message ?? '' };
    default:
      return { submission, trackingPath: sitePaths.tracking(submission.id), ...(job.trackingPath ? { submitterTrackingPath: job.trackingPath } : {}) };
  }
}

export function hookStep(plugins: PluginHost, plugin: string): StepRunner {
  return {
    lane: `hook:${plugin}`,
    timeoutMs: plugins.timeoutOf(plugin),
    describe: () => `le module « ${plugin} » n'a pas abouti`,
    async run([job], attempt) {
      if (!job) return;
      const hook = HOOK_OF[job.kind];
      await plugins.runHook(plugin, hook, eventOf(job) as never, {
        attempt: attempt.attempt,
        signal: attempt.signal,
        deliveryId: `${job.id}.${plugin}`,
        done: attempt.done(job),
        markDone: (key) => attempt.markDone(job, key),
      });
    },
  };
}
