// The publish worker on its own, with a real journal in a temporary folder and steps that
// fail on purpose: steps run in their order and only when what they need is done; a
// failure is retried with a growing wait until it succeeds (never dropped); a slow lane
// does not hold another; a lane whose service is back retries at once; a time limit
// aborts the attempt; a new worker on the same journal resumes where the last one stopped.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../api/logger.ts';
import { NO_FAILPOINTS } from '../../../api/publish/failpoints.ts';
import type { Job, StepName } from '../../../api/publish/job.ts';
import { Journal } from '../../../api/publish/journal.ts';
import { PublishWorker, retryDelay, type StepRunner } from '../../../api/publish/worker.ts';
import { tempDir } from '../../helpers/content.ts';

const logger = createLogger({ LOG_LEVEL: 'silent' });
const FAST = { firstRetryMs: 20, maxRetryMs: 80, probeMs: 20 };
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function journal(dir = tempDir()): Journal {
  dirs.push(dir);
  return Journal.open(dir);
}

function job(j: Journal, steps: [StepName, StepName[]][]): Job {
  const made: Job = {
    id: `job_t${j.nextSeq()}`,
    seq: j.nextSeq(),
    kind: 'approve',
    createdAt: new Date().toISOString(),
    submission: { id: 'sub_1', type: 'create', submitter: { name: 'n', email: 'n@x.be' }, createdAt: '' },
    initiativeId: 'lieu',
    steps: steps.map(([name, needs]) => ({ name, needs, status: 'pending', attempts: 0 })),
  };
  j.save(made);
  return made;
}

/** A runner that records its calls and fails `failures` times first. */
function runner(
  lane: string,
  calls: string[],
  { failures = 0, ms = 0, timeoutMs = 1000, probe }: { failures?: number; ms?: number; timeoutMs?: number; probe?: () => Promise<boolean> } = {},
): StepRunner {
  let left = failures;
  return {
    lane,
    timeoutMs,
    describe: () => `le service ${lane} ne répond pas`,
    ...(probe ? { probe } : {}),
    async run(jobs) {
      calls.push(`${lane}:${jobs.map((j) => j.id).join('+')}`);
      if (ms) await new Promise((r) => setTimeout(r, ms));
      if (left-- > 0) throw new Error(`${lane} en panne`);
    },
  };
}

describe('the publish worker', () => {
  it('waits longer after each failure, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 20].map((n) => retryDelay(n))).toEqual([1000, 2000, 4000, 8000, 16000, 300_000]);
  });

  it('runs a step only once what it needs is done, and closes the job when all are', async () => {
    const j = journal();
    const calls: string[] = [];
    const made = job(j, [
      ['write-file', []],
      ['render', ['write-file']],
      ['hook:a', ['render']],
    ]);
    const runners: Record<string, StepRunner> = { 'write-file': runner('decision', calls), render: runner('render', calls), 'hook:a': runner('hook:a', calls) };
    const worker = new PublishWorker(j, (s) => runners[s] as StepRunner, logger, NO_FAILPOINTS, FAST);
    worker.start();
    await worker.drained();
    expect(calls).toEqual([`decision:${made.id}`, `render:${made.id}`, `hook:a:${made.id}`]);
    expect(j.list()).toEqual([]);
    worker.stop();
  });

  it('retries a failing step until it succeeds, never dropping it, and says why in French meanwhile', async () => {
    const j = journal();
    const calls: string[] = [];
    const made = job(j, [['hook:a', []]]);
    const flaky = runner('hook:a', calls, { failures: 3 });
    const worker = new PublishWorker(j, () => flaky, logger, NO_FAILPOINTS, FAST);
    worker.start();
    await expect.poll(() => j.get(made.id)?.steps[0]?.lastError, { timeout: 5000 }).toBe('le service hook:a ne répond pas');
    await worker.drained();
    expect(calls).toHaveLength(4);
    worker.stop();
  });

  it('does not let a failing lane hold another one', async () => {
    const j = journal();
    const calls: string[] = [];
    const made = job(j, [
      ['search', []],
      ['hook:a', []],
    ]);
    const runners: Record<string, StepRunner> = { search: runner('search', calls, { failures: 1000 }), 'hook:a': runner('hook:a', calls) };
    const worker = new PublishWorker(j, (s) => runners[s] as StepRunner, logger, NO_FAILPOINTS, { ...FAST, maxRetryMs: 10_000 });
    worker.start();
    await expect.poll(() => j.get(made.id)?.steps.find((s) => s.name === 'hook:a')?.status, { timeout: 5000 }).toBe('done');
    expect(j.get(made.id)?.steps.find((s) => s.name === 'search')?.status).toBe('pending');
    worker.stop();
  });

  it('retries at once when a failing lane says its service is back, and batches what waited', async () => {
    const j = journal();
    const calls: string[] = [];
    let up = false;
    const jobs = [job(j, [['search', []]]), job(j, [['search', []]])];
    let failing = true;
    const search: StepRunner = {
      ...runner('search', calls),
      batch: true,
      probe: async () => up,
      async run(batch) {
        calls.push(`search:${batch.length}`);
        if (failing) throw new Error('Meilisearch ne répond pas');
      },
    };
    // A first wait of 10 minutes: only the probe can bring the retry forward.
    const worker = new PublishWorker(j, () => search, logger, NO_FAILPOINTS, { firstRetryMs: 600_000, maxRetryMs: 600_000, probeMs: 20 });
    worker.start();
    await expect.poll(() => calls.length, { timeout: 2000 }).toBe(1);
    failing = false;
    up = true;
    await worker.drained();
    expect(calls).toEqual(['search:2', 'search:2']);
    expect(jobs.every((x) => !j.get(x.id))).toBe(true);
    worker.stop();
  });

  it('gives up an attempt at its time limit, aborting its signal', async () => {
    const j = journal();
    let aborted: unknown;
    job(j, [['hook:lent', []]]);
    let first = true;
    const slow: StepRunner = {
      lane: 'hook:lent',
      timeoutMs: 50,
      describe: () => 'trop lent',
      run: (_jobs, { signal }) =>
        new Promise<void>((resolve) => {
          if (!first) return resolve();
          first = false;
          signal.addEventListener('abort', () => {
            aborted = signal.reason;
          });
        }),
    };
    const worker = new PublishWorker(j, () => slow, logger, NO_FAILPOINTS, FAST);
    worker.start();
    await worker.drained();
    expect(aborted).toMatchObject({ name: 'StepTimeout', message: 'no answer within 50 ms' });
    worker.stop();
  });

  it('resumes from the journal: a new worker finishes what the stopped one left, keeping the marks made inside a step', async () => {
    const dir = tempDir();
    const first = journal(dir);
    const made = job(first, [['hook:mail', []]]);
    const sent: string[] = [];
    const mail = (stopAfterFirst: boolean): StepRunner => ({
      lane: 'hook:mail',
      timeoutMs: 1000,
      describe: () => 'le courrier ne part pas',
      async run([x], attempt) {
        if (!x) return;
        for (const to of ['a@x.be', 'b@x.be']) {
          if (attempt.done(x).has(to)) continue;
          sent.push(to);
          attempt.markDone(x, to);
          if (stopAfterFirst) throw new Error('coupure');
        }
      },
    });
    const worker = new PublishWorker(first, () => mail(true), logger, NO_FAILPOINTS, { ...FAST, firstRetryMs: 600_000 });
    worker.start();
    await expect.poll(() => sent.length, { timeout: 2000 }).toBe(1);
    worker.stop();
    // A restart: the journal read again from disk.
    const again = Journal.open(dir);
    expect(again.get(made.id)?.steps[0]).toMatchObject({ status: 'pending', attempts: 1, checkpoints: ['a@x.be'] });
    delete again.get(made.id)?.steps[0]?.nextAttemptAt;
    const next = new PublishWorker(again, () => mail(false), logger, NO_FAILPOINTS, FAST);
    next.start();
    await next.drained();
    expect(sent).toEqual(['a@x.be', 'b@x.be']);
    next.stop();
  });
});
