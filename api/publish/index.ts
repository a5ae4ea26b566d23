// The publish pipeline put together: the journal, the catalogue, a runner for each step
// and the worker. What the steps are and in which order: pipeline.ts.
import type { ContentModel } from '../../core/model/index.ts';
import type { PluginHost } from '../../plugins/api/index.ts';
import type { Logger } from '../logger.ts';
import type { AuditData } from '../moderation/audit.ts';
import type { JsonStore } from '../storage/json-store.ts';
import type { SubmissionRecords } from '../submissions/store.ts';
import { Catalogue } from './catalogue.ts';
import { type Failpoints, NO_FAILPOINTS } from './failpoints.ts';
import type { StepName } from './job.ts';
import { Journal } from './journal.ts';
import { Pipeline } from './pipeline.ts';
import type { ContentRepository, DashboardPage, DirectoryRenderer, SearchIndex } from './ports.ts';
import { recordStep, writeFileStep } from './steps/content-steps.ts';
import { hookStep } from './steps/hook-steps.ts';
import { commitStep, dashboardStep, renderStep, searchStep } from './steps/publish-steps.ts';
import { PublishWorker, type StepRunner } from './worker.ts';

export { Catalogue } from './catalogue.ts';
export { failpointsFrom } from './failpoints.ts';
export { gitRepository } from './git-repository.ts';
export type { Job } from './job.ts';
export type { ListingProgress, PublishingStatus } from './pipeline.ts';
export { Pipeline } from './pipeline.ts';
export type { ContentRepository, DirectoryRenderer, ListingChange, SearchIndex } from './ports.ts';

export interface PublishingDeps {
  model: ContentModel;
  dataDir: string;
  records: SubmissionRecords;
  audit: JsonStore<AuditData>;
  plugins: PluginHost;
  logger: Logger;
  catalogue?: Catalogue;
  /** Absent without a built site: pages are not rendered. */
  renderer?: DirectoryRenderer;
  /** The plan's dashboard page; absent, there is no dashboard step. */
  dashboard?: DashboardPage;
  /** Absent without Meilisearch: there is no search step. */
  search?: SearchIndex;
  repository: ContentRepository;
  failpoints?: Failpoints;
}

export interface Publishing {
  pipeline: Pipeline;
  catalogue: Catalogue;
  /** Finishes what a crash left, then starts the worker. */
  start(): Promise<void>;
  stop(): void;
}

const NO_RENDERER: DirectoryRenderer = { renderChanges: async () => {} };

export function createPublishing(deps: PublishingDeps): Publishing {
  const { model, logger, plugins } = deps;
  const failpoints = deps.failpoints ?? NO_FAILPOINTS;
  if (failpoints.armed.length)
    logger.warn({ failpoints: failpoints.armed }, 'PASSERELLE_FAILPOINTS is set: the process will kill itself at these points (tests only)');
  const catalogue = deps.catalogue ?? Catalogue.load(model, logger);
  const journal = Journal.open(deps.dataDir);
  const runners = new Map<StepName, StepRunner>([
    ['write-file', writeFileStep(model, catalogue)],
    ['record', recordStep(deps.records, deps.audit)],
    ['render', renderStep(deps.renderer ?? NO_RENDERER, catalogue)],
    ['commit', commitStep(model, deps.repository)],
  ]);
  if (deps.search) runners.set('search', searchStep(deps.search, catalogue));
  if (deps.dashboard) runners.set('dashboard', dashboardStep(deps.dashboard, catalogue));
  const runnerFor = (name: StepName): StepRunner => {
    let runner = runners.get(name);
    if (runner) return runner;
    if (name.startsWith('hook:') && plugins.names.includes(name.slice(5))) runner = hookStep(plugins, name.slice(5));
    else {
      // A step this server cannot run (a plugin removed from the config, search turned off):
      // it is done, and said so, rather than waiting forever.
      runner = {
        lane: `gone:${name}`,
        timeoutMs: 1000,
        describe: () => 'étape inconnue',
        run: async (jobs) => logger.warn({ step: name, jobs: jobs.map((j) => j.id) }, 'a publishing step of a removed plugin or service is skipped'),
      };
    }
    runners.set(name, runner);
    return runner;
  };
  const worker = new PublishWorker(journal, runnerFor, logger, failpoints);
  const pipeline = new Pipeline(
    journal,
    worker,
    { search: Boolean(deps.search), dashboard: Boolean(deps.dashboard), pluginsWith: (hook) => plugins.withHook(hook) },
    failpoints,
    logger,
  );
  return {
    pipeline,
    catalogue,
    async start() {
      await pipeline.recover();
      worker.start();
    },
    stop: () => worker.stop(),
  };
}
