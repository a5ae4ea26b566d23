// When a temporary closure is over: it runs through its last day (local time, Brussels:
// see timezone.ts), and without a last day until someone removes it. The listing's page
// (site/directory/view-model.ts) and the refresh of ended closures (api/publish) agree on it.
import type { Initiative } from './initiative.ts';

/** The local date of `now`, YYYY-MM-DD. */
const localDate = (now: Date) => new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

/** Whether the listing is still temporarily closed at `now`. */
export function closureRunning(closure: Initiative['closure'], now: Date): boolean {
  return closure !== undefined && !(closure.until && closure.until < localDate(now));
}
