// A temporary closure ends by the calendar, not by a decision, so no publishing job
// re-renders the listing's page then: its static page would still say « Fermé
// temporairement » after the reopening day. This re-renders, at start and just after each
// midnight, the pages of the listings whose closure has ended (search moves on by itself:
// its nightly re-sync, api/search/runtime.ts).
import { closureRunning } from '../../core/model/closure.ts';
import type { Initiative } from '../../core/model/index.ts';
import type { Logger } from '../logger.ts';
import { nextDay, startOfDay } from '../search/documents.ts';
import type { DirectoryRenderer } from './ports.ts';

/** Active listings with a closure that has ended by `now` (its last day is past). */
export function endedClosures(all: Iterable<Initiative>, now: Date): Initiative[] {
  return [...all].filter((i) => i.status === 'active' && i.closure !== undefined && !closureRunning(i.closure, now));
}

export interface ClosureRefresh {
  /** Re-renders the pages of ended closures now; resolves with how many. */
  run(): Promise<number>;
  stop(): void;
}

export function scheduleClosureRefresh(
  renderer: DirectoryRenderer,
  all: () => ReadonlyMap<string, Initiative>,
  logger: Logger,
  now: () => Date = () => new Date(),
): ClosureRefresh {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const run = async () => {
    const current = all();
    const ended = endedClosures(current.values(), now());
    if (ended.length)
      await renderer.renderChanges(
        ended.map((i) => ({ before: i, after: i })),
        current,
      );
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
