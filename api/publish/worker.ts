// Runs the steps of the publishing jobs until each one succeeds. Steps are grouped in
// lanes (render, commit, search, one lane per plugin); a lane runs one step (or one
// batch) at a time, oldest job first, so a slow search engine only delays searching. A
// failed step is retried with a growing wait (1 s, 2 s, 4 s… at most 5 min), across
// restarts since its state is in the journal; a lane that can tell when its service is
// back (search) retries at once then. Every change of a step's state is on disk before the
// next one starts.
import type { Logger } from '../logger.ts';
import type { FailpointName, Failpoints } from './failpoints.ts';
import { isDone, type Job, type StepName, type StepState } from './job.ts';
import type { Journal } from './journal.ts';

export interface RetryTiming {
  /** Wait after a first failure, doubled at each failure (default 1 s). */
  firstRetryMs: number;
  /** Longest wait between attempts (default 5 min). */
  maxRetryMs: number;
  /** How often a failing lane asks whether its service is back (default 1 s). */
  probeMs: number;
}

export const DEFAULT_RETRY_TIMING: RetryTiming = { firstRetryMs: 1000, maxRetryMs: 5 * 60_000, probeMs: 1000 };

/** What a step is given on each attempt. */
export interface StepAttempt {
  attempt: number;
  signal: AbortSignal;
  /** What this step already did for this job (durable checkpoints). */
  done(job: Job): ReadonlySet<string>;
  /** Records, durably, that a part of the step is done for this job. */
  markDone(job: Job, key: string): void;
}

export interface StepRunner {
  /** Steps of one lane run one at a time, in job order. */
  lane: string;
  /** Runs the step for one job, or for every ready job at once when `batch`. Throws to be retried. */
  run(jobs: Job[], attempt: StepAttempt): Promise<void>;
  batch?: boolean;
  /** Time limit of one attempt. */
  timeoutMs: number;
  /** While the lane fails: checked every second; true means « try again now ». */
  probe?(): Promise<boolean>;
  /** The failure in plain French for the moderation page (« le moteur de recherche ne répond pas »). */
  describe(error: unknown): string;
}

export function retryDelay(attempts: number, timing: RetryTiming = DEFAULT_RETRY_TIMING): number {
  return Math.min(timing.firstRetryMs * 2 ** Math.max(0, attempts - 1), timing.maxRetryMs);
}

class StepTimeout extends Error {
  override name = 'StepTimeout';
}

interface Lane {
  running: boolean;
  timer?: NodeJS.Timeout;
  probe?: NodeJS.Timeout;
}

export class PublishWorker {
  private readonly lanes = new Map<string, Lane>();
  private stopped = true;
  private readonly waiters = new Set<() => void>();
  /** Steps being run now (`job:step`), so a lane and a direct run never run one twice. */
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(
    private readonly journal: Journal,
    private readonly runnerFor: (step: StepName) => StepRunner,
    private readonly logger: Logger,
    private readonly failpoints: Failpoints,
    private readonly timing: RetryTiming = DEFAULT_RETRY_TIMING,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts every lane on the unfinished jobs (call after recovery). */
  start(): void {
    this.stopped = false;
    this.wake();
  }

  /** Something changed (a new job, a step done): every lane looks for work. */
  wake(): void {
    if (this.stopped) return;
    const lanes = new Set<string>();
    for (const job of this.journal.list()) for (const step of job.steps) if (step.status === 'pending') lanes.add(this.runnerFor(step.name).lane);
    for (const lane of lanes) void this.pump(lane);
    this.settle();
  }

  /** Runs one step of one job now, outside the lanes (the decision's first steps, and recovery). */
  async runNow(job: Job, name: StepName): Promise<void> {
    const step = job.steps.find((s) => s.name === name);
    if (!step || step.status === 'done') return;
    const running = this.inFlight.get(`${job.id}:${name}`);
    if (running) await running;
    else await this.attempt(this.runnerFor(name), [job], name);
    if ((step.status as StepState['status']) !== 'done') throw new Error(step.lastError ?? `step ${name} failed`);
  }

  stop(): void {
    this.stopped = true;
    for (const lane of this.lanes.values()) {
      clearTimeout(lane.timer);
      clearInterval(lane.probe);
    }
  }

  /** Resolves when no job is left (tests and benchmarks). */
  drained(): Promise<void> {
    if (!this.journal.list().length) return Promise.resolve();
    return new Promise((resolve) => this.waiters.add(resolve));
  }

  private settle(): void {
    if (this.journal.list().length) return;
    for (const w of this.waiters) w();
    this.waiters.clear();
  }

  private lane(name: string): Lane {
    let lane = this.lanes.get(name);
    if (!lane) {
      lane = { running: false };
      this.lanes.set(name, lane);
    }
    return lane;
  }

  /** The pending steps of a lane whose needs are done, oldest job first; and when the next waiting one is due. */
  private ready(laneName: string): { jobs: Job[]; step: StepName | undefined; nextAt: number | undefined; failing: boolean } {
    const now = this.now();
    let step: StepName | undefined;
    let nextAt: number | undefined;
    let failing = false;
    const jobs: Job[] = [];
    for (const job of this.journal.list()) {
      for (const s of job.steps) {
        if (s.status !== 'pending' || this.runnerFor(s.name).lane !== laneName || this.inFlight.has(`${job.id}:${s.name}`)) continue;
        if (!s.needs.every((n) => job.steps.find((x) => x.name === n)?.status === 'done')) continue;
        if (s.attempts > 0) failing = true;
        const due = s.nextAttemptAt ? Date.parse(s.nextAttemptAt) : 0;
        if (due > now) {
          nextAt = nextAt === undefined ? due : Math.min(nextAt, due);
          continue;
        }
        if (step === undefined) step = s.name;
        if (s.name === step) jobs.push(job);
      }
    }
    return { jobs, step, nextAt, failing };
  }

  private async pump(laneName: string): Promise<void> {
    const lane = this.lane(laneName);
    if (lane.running || this.stopped) return;
    lane.running = true;
    try {
      for (;;) {
        if (this.stopped) return;
        const { jobs, step, nextAt, failing } = this.ready(laneName);
        if (!step || !jobs.length) {
          this.schedule(laneName, lane, nextAt, failing);
          return;
        }
        const runner = this.runnerFor(step);
        const firstJob = jobs[0];
        if (!firstJob) return;
        await this.attempt(runner, runner.batch ? jobs : [firstJob], step);
      }
    } finally {
      lane.running = false;
    }
  }

  private schedule(laneName: string, lane: Lane, nextAt: number | undefined, failing: boolean): void {
    clearTimeout(lane.timer);
    lane.timer = undefined;
    if (nextAt !== undefined) {
      lane.timer = setTimeout(() => void this.pump(laneName), Math.max(0, nextAt - this.now()));
      lane.timer.unref();
    }
    const runner = this.probeFor(laneName);
    if (failing && runner?.probe && !lane.probe) {
      lane.probe = setInterval(async () => {
        if (!(await runner.probe?.().catch(() => false))) return;
        clearInterval(lane.probe);
        lane.probe = undefined;
        this.retryNow(laneName);
      }, this.timing.probeMs);
      lane.probe.unref();
    } else if (!failing && lane.probe) {
      clearInterval(lane.probe);
      lane.probe = undefined;
    }
  }

  private probeFor(laneName: string): StepRunner | undefined {
    for (const job of this.journal.list()) {
      for (const s of job.steps) {
        const runner = this.runnerFor(s.name);
        if (runner.lane === laneName) return runner;
      }
    }
    return undefined;
  }

  /** The service of a lane is back: its waiting steps are due now. */
  private retryNow(laneName: string): void {
    for (const job of this.journal.list()) {
      let changed = false;
      for (const s of job.steps) {
        if (s.status === 'pending' && s.nextAttemptAt && this.runnerFor(s.name).lane === laneName) {
          delete s.nextAttemptAt;
          changed = true;
        }
      }
      if (changed) this.journal.save(job);
    }
    void this.pump(laneName);
  }

  /**
   * Crash tests: dies at `point` when it is armed, at a step boundary. Steps of other lanes
   * still running (a mail being sent beside the search update) finish first and no new one
   * starts, so the crash falls between steps, as the point says; crashes in the middle of a
   * step are the random kills' business.
   */
  private async failpoint(point: FailpointName, current: string[]): Promise<void> {
    if (!this.failpoints.armed.includes(point)) return;
    this.stopped = true;
    const others = [...this.inFlight].filter(([key]) => !current.includes(key)).map(([, run]) => run);
    await Promise.allSettled(others);
    this.failpoints.hit(point);
  }

  private attempt(runner: StepRunner, jobs: Job[], name: StepName): Promise<void> {
    const run = this.runAttempt(runner, jobs, name);
    const keys = jobs.map((job) => `${job.id}:${name}`);
    for (const key of keys) this.inFlight.set(key, run);
    return run.finally(() => {
      for (const key of keys) this.inFlight.delete(key);
    });
  }

  private async runAttempt(runner: StepRunner, jobs: Job[], name: StepName): Promise<void> {
    const steps = jobs.map((job) => ({ job, step: job.steps.find((s) => s.name === name) as StepState }));
    const attempt = Math.max(...steps.map((s) => s.step.attempts)) + 1;
    const controller = new AbortController();
    const info: StepAttempt = {
      attempt,
      signal: controller.signal,
      done: (job) => new Set(job.steps.find((s) => s.name === name)?.checkpoints ?? []),
      markDone: (job, key) => {
        const step = job.steps.find((s) => s.name === name);
        if (!step) return;
        step.checkpoints = [...new Set([...(step.checkpoints ?? []), key])];
        this.journal.save(job, { durable: false });
      },
    };
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        runner.run(jobs, info),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            controller.abort(new StepTimeout(`no answer within ${runner.timeoutMs} ms`));
            reject(new StepTimeout(`no answer within ${runner.timeoutMs} ms`));
          }, runner.timeoutMs);
        }),
      ]);
    } catch (err) {
      clearTimeout(timer);
      const delay = retryDelay(attempt, this.timing);
      const lastError = runner.describe(err);
      for (const { job, step } of steps) {
        step.attempts = attempt;
        step.nextAttemptAt = new Date(this.now() + delay).toISOString();
        step.lastError = lastError;
        this.journal.save(job);
      }
      this.logger.warn({ err, step: name, jobs: jobs.map((j) => j.id), attempt, retryInMs: delay }, 'a publishing step failed; it will be retried');
      return;
    }
    clearTimeout(timer);
    for (const { job, step } of steps) {
      step.status = 'done';
      step.attempts = attempt;
      step.doneAt = new Date(this.now()).toISOString();
      delete step.nextAttemptAt;
      delete step.lastError;
      this.journal.save(job);
      if (attempt > 1) this.logger.info({ step: name, job: job.id, attempt }, 'a publishing step succeeded after a retry');
      if (this.failpoints.armed.length)
        await this.failpoint(
          `after:${name}`,
          jobs.map((j) => `${j.id}:${name}`),
        );
      if (isDone(job)) this.journal.finish(job);
    }
    this.wake();
  }
}
