// A temporary closure ends by the calendar, not by a decision, so no publishing job
// re-renders the listing's page then: its static page would still say « Fermé
// temporairement » after the reopening day. This re-renders, at start and just after each
// midnight, the pages of the listings whose closure has ended since the last refresh that
// succeeded (kept in the data directory, so closures that ended long ago are not rendered
// again at every start and every night). Search moves on by itself: its nightly re-sync,
// api/search/runtime.ts.
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../../core/atomic-file.ts';
import { closureRunning } from '../../core/model/closure.ts';
import type { Initiative } from '../../core/model/index.ts';
import type { Logger } from '../logger.ts';
import { nextDay, startOfDay } from '../search/documents.ts';
import type { DirectoryRenderer } from './ports.ts';

/**
 * Active listings with a closure that has ended by `now` (its last day is past) and, given
 * `since`, was still running then (the pages of those that ended before were done then).
 */
export function endedClosures(all: Iterable<Initiative>, now: Date, since?: Date): Initiative[] {
  return [...all].filter(
    (i) => i.status === 'active' && i.closure !== undefined && !closureRunning(i.closure, now) && (since === undefined || closureRunning(i.closure, since)),
  );
}

/** When the last refresh succeeded; none before the first. */
export interface RefreshMark {
  read(): Date | undefined;
  write(at: Date): void;
}

/** A mark kept in memory only (tests; every start renders all ended closures again). */
export function memoryMark(): RefreshMark {
  let at: Date | undefined;
  return {
    read: () => at,
    write: (d) => {
      at = d;
    },
  };
}

/** The mark of a data directory: an ISO time in its closures-refreshed file; an unreadable file counts as no mark (all ended closures are rendered again). */
export function dataDirMark(dataDir: string): RefreshMark {
  const file = path.join(dataDir, 'closures-refreshed');
  return {
    read() {
      const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : '';
      const at = new Date(text);
      return text && !Number.isNaN(at.getTime()) ? at : undefined;
    },
    write: (at) => writeFileAtomic(file, `${at.toISOString()}\n`, { mode: 0o600 }),
  };
}

export interface ClosureRefresh {
  /** Re-renders the pages of closures ended since the last refresh; resolves with how many. */
  run(): Promise<number>;
  stop(): void;
}

export function scheduleClosureRefresh(
  renderer: DirectoryRenderer,
  all: () => ReadonlyMap<string, Initiative>,
  logger: Logger,
  now: () => Date = () => new Date(),
  mark: RefreshMark = memoryMark(),
): ClosureRefresh {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const run = async () => {
    const at = now();
    const current = all();
    const ended = endedClosures(current.values(), at, mark.read());
    if (ended.length)
      await renderer.renderChanges(
        ended.map((i) => ({ before: i, after: i })),
        current,
      );
    mark.write(at);
    return ended.length;
  };
  const next = () => {
    if (stopped) return;
    // A minute after midnight, like the search re-sync.
    timer = setTimeout(
      () => {
        run()
          .then((count) => count && logger.info({ count }, 'pages of ended temporary closures rendered again'))
          .catch((err: unknown) => logger.error({ err }, 'pages of ended temporary closures could not be rendered; tried again tomorrow and at start'))
          .finally(next);
      },
      nextDay(startOfDay(now())).getTime() + 60_000 - now().getTime(),
    );
    timer.unref();
  };
  next();
  return {
    run,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
