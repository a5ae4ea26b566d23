// Help near a point, soonest first: the listings open to the public (EPN, permanences,
// accompaniment), each with its distance and next opening from now. Used by the WiFi
// portal's page and the self-check. Distances are straight lines (good enough for « à
// 800 m »); openings come from the opening hours, public holidays included.
import { metresBetween, type Point } from '../geo.ts';
import { openIntervals } from '../hours/evaluate.ts';
import type { Initiative } from '../model/initiative.ts';

export interface NearbyHelp {
  initiative: Initiative;
  metres: number;
  /** Next opening within the horizon (epoch ms), or undefined (closed, or no hours). */
  nextOpening?: { from: number; to: number };
  openNow: boolean;
}

export const HELP_KINDS = ['epn', 'permanence', 'accompagnement'];

function nextOpening(hours: string | undefined, now: Date, horizonDays: number): NearbyHelp['nextOpening'] {
  if (!hours) return undefined;
  const until = new Date(now.getTime() + horizonDays * 86_400_000);
  const [first] = openIntervals(hours, now, until);
  return first ? { from: first[0], to: first[1] } : undefined;
}

/** The `limit` nearest active listings of `kinds` around `point` (all of the territory without a point). */
export function nearbyHelp(
  initiatives: Iterable<Initiative>,
  point: Point | undefined,
  {
    now = new Date(),
    limit = 3,
    kinds = HELP_KINDS,
    services,
    exclude,
    horizonDays = 14,
  }: { now?: Date; limit?: number; kinds?: string[]; services?: string[]; exclude?: string; horizonDays?: number } = {},
): NearbyHelp[] {
  const found: NearbyHelp[] = [];
  for (const i of initiatives) {
    if (i.status !== 'active' || i.id === exclude || !kinds.includes(i.kind)) continue;
    if (services?.length && !i.services.some((s) => services.includes(s))) continue;
    found.push({ initiative: i, metres: point ? metresBetween(point, i.geo) : 0, openNow: false });
  }
  // Distance first (cheap), then the hours of the nearest few only (the library is slow).
  found.sort((a, b) => a.metres - b.metres || a.initiative.name.localeCompare(b.initiative.name, 'fr'));
  return found
    .slice(0, Math.max(limit * 4, limit))
    .map((h) => {
      const next = nextOpening(h.initiative.hours, now, horizonDays);
      return { ...h, ...(next ? { nextOpening: next } : {}), openNow: Boolean(next && next.from <= now.getTime()) };
    })
    .sort((a, b) => (point ? a.metres - b.metres : (a.nextOpening?.from ?? Number.POSITIVE_INFINITY) - (b.nextOpening?.from ?? Number.POSITIVE_INFINITY)))
    .slice(0, limit);
}

/** Trainings and events still to come, soonest first. */
export function upcomingActivities(initiatives: Iterable<Initiative>, today: string, limit = 3): Initiative[] {
  return [...initiatives]
    .filter((i) => i.status === 'active' && (i.kind === 'formation' || i.kind === 'evenement') && i.period && (i.period.end ?? i.period.start) >= today)
    .sort((a, b) => (a.period?.start ?? '').localeCompare(b.period?.start ?? ''))
    .slice(0, limit);
}
