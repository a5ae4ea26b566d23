// The steps that follow a decision's answer, each bringing one thing in line with the
// listing's file: its pages, the git history, the search index. Each reads the current
// state (the catalogue), so running one again, or late, is harmless.
import { type ContentModel, initiativeFile } from '../../../core/model/index.ts';
import type { Catalogue } from '../catalogue.ts';
import type { ContentRepository, DashboardPage, DirectoryRenderer, ListingChange, SearchIndex } from '../ports.ts';
import type { StepRunner } from '../worker.ts';

/** Every waiting render at once: a list page several approvals touch is written once. */
export function renderStep(renderer: DirectoryRenderer, catalogue: Catalogue): StepRunner {
  return {
    lane: 'render',
    batch: true,
    timeoutMs: 120_000,
    describe: () => "la page de l'annuaire n'a pas pu être écrite",
    async run(jobs) {
      const changes: ListingChange[] = jobs.flatMap((job) => {
        if (!job.initiativeId) return [];
        const after = catalogue.get(job.initiativeId);
        return [{ ...(job.before ? { before: job.before } : {}), ...(after ? { after } : {}) }];
      });
      if (changes.length) await renderer.renderChanges(changes, catalogue.all());
    },
  };
}

/** The dashboard's figures follow every listing and every decision: one rewrite for all waiting jobs. */
export function dashboardStep(page: DashboardPage, catalogue: Catalogue): StepRunner {
  return {
    lane: 'dashboard',
    batch: true,
    timeoutMs: 60_000,
    describe: () => "le tableau de bord n'a pas pu être mis à jour",
    async run() {
      await page.write(catalogue.all().values());
    },
  };
}

const COMMIT_VERB = { approve: 'Approve', reject: 'Reject', request_changes: 'Request changes', submitted: 'Submit', resubmitted: 'Resubmit' } as const;

export function commitStep(model: ContentModel, repository: ContentRepository): StepRunner {
  return {
    lane: 'commit',
    timeoutMs: 30_000,
    describe: () => "l'historique (git) n'a pas pu être mis à jour",
    async run([job]) {
      if (!job?.initiativeId) return;
      await repository.commitFile(
        initiativeFile(model.paths.initiatives, job.initiativeId),
        `${COMMIT_VERB[job.kind]} ${job.submission.id}: ${job.initiativeId}`,
        job.by ?? 'passerelle@localhost',
      );
    },
  };
}

export function searchStep(index: SearchIndex, catalogue: Catalogue): StepRunner {
  return {
    lane: 'search',
    batch: true,
    timeoutMs: 60_000,
    describe: () => 'le moteur de recherche ne répond pas',
    probe: () => index.healthy(),
    async run(jobs) {
      const ids = [...new Set(jobs.flatMap((j) => (j.initiativeId ? [j.initiativeId] : [])))];
      const current = ids.map((id) => ({ id, initiative: catalogue.get(id) }));
      const upserts = current.flatMap((c) => (c.initiative?.status === 'active' ? [c.initiative] : []));
      const removals = current.filter((c) => c.initiative?.status !== 'active').map((c) => c.id);
      await index.apply(upserts, removals);
    },
  };
}
