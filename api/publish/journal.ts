// The publishing journal: one file per unfinished job in .data/publishing/jobs/, written
// beside, flushed to disk and renamed (0600), so a crash at any instant leaves every job
// either as it was before a change or after it. A finished job leaves its folder and is
// appended to .data/publishing/history.jsonl (what was published, when, by whom).
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../../core/atomic-file.ts';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../storage/private-dir.ts';
import type { Job } from './job.ts';

const JOB_FILE = /^job_[A-Za-z0-9_-]+\.json$/;

export class Journal {
  private readonly jobs = new Map<string, Job>();
  private seq = 0;

  private constructor(
    private readonly dir: string,
    private readonly history: string,
  ) {}

  /** Opens the journal of a data directory and reads every unfinished job. */
  static open(dataDir: string): Journal {
    const root = path.join(dataDir, 'publishing');
    const dir = path.join(root, 'jobs');
    ensurePrivateDir(dir);
    const journal = new Journal(dir, path.join(root, 'history.jsonl'));
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name);
      if (name.endsWith('.tmp')) {
        fs.rmSync(file, { force: true }); // a write cut short: the job file itself is intact
        continue;
      }
      if (!JOB_FILE.test(name)) continue;
      const job = JSON.parse(fs.readFileSync(file, 'utf8')) as Job;
      journal.jobs.set(job.id, job);
      journal.seq = Math.max(journal.seq, job.seq);
    }
    return journal;
  }

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  /** Unfinished jobs, oldest first. */
  list(): Job[] {
    return [...this.jobs.values()].sort((a, b) => a.seq - b.seq);
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  /**
   * Writes the job (new or changed), atomically; returns once it is written. `durable`
   * (the default) also flushes it to the disk, for a power cut. A step's inner checkpoint
   * skips that flush: losing one to a power cut only repeats a send, which its delivery id
   * lets the receiver drop, and the shorter write narrows the moment where a crash repeats it.
   */
  save(job: Job, { durable = true }: { durable?: boolean } = {}): void {
    writeFileAtomic(this.file(job.id), JSON.stringify(job), { mode: PRIVATE_FILE_MODE, durable });
    this.jobs.set(job.id, job);
  }

  /** A finished job: appended to the history, then its file removed. */
  finish(job: Job): void {
    const line = {
      id: job.id,
      kind: job.kind,
      createdAt: job.createdAt,
      finishedAt: new Date().toISOString(),
      by: job.by,
      submission: job.submission.id,
      initiative: job.initiativeId,
    };
    fs.appendFileSync(this.history, `${JSON.stringify(line)}\n`, { mode: PRIVATE_FILE_MODE });
    fs.rmSync(this.file(job.id), { force: true });
    this.jobs.delete(job.id);
  }

  private file(id: string): string {
    if (!/^job_[A-Za-z0-9_-]+$/.test(id)) throw new Error(`Not a job id: ${JSON.stringify(id).slice(0, 60)}`);
    return path.join(this.dir, `${id}.json`);
  }
}
