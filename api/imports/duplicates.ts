// When an imported record is the same place as one already known: the same name and
// address, or within 50 m with a similar name. Known places are the published initiatives,
// the submissions waiting in the queue and the records queued earlier in the same import.

import { metresBetween } from '../../core/geo.ts';
import { editDistance } from '../../core/model/index.ts';
import { normalizeName } from '../../core/text.ts';

export const NEAR_METRES = 50;

export interface PlaceKey {
  /** What the report names: an initiative id, a submission id or a line of the file. */
  ref: string;
  name: string;
  street: string;
  postcode: string;
  lat: number;
  lng: number;
}

const normalize = normalizeName;

/** Street names written differently ("Rue de la Station 12" vs "rue de la station, 12"). */
const normalizeStreet = (street: string) => normalize(street).replace(/\b(rue|r|avenue|av|place|pl|chaussee|ch|boulevard|bd)\b/g, (w) => w.charAt(0));

/** Names that differ by little: one contains the other, most words shared, or few typos. */
export function similarNames(a: string, b: string): boolean {
  const x = normalize(a);
  const y = normalize(b);
  if (!x || !y) return false;
  if (x === y || x.includes(y) || y.includes(x)) return true;
  const wx = new Set(x.split(' ').filter((w) => w.length > 2));
  const wy = new Set(y.split(' ').filter((w) => w.length > 2));
  const shared = [...wx].filter((w) => wy.has(w)).length;
  // Most words in common (Jaccard): "Café numérique de Gilly" ≈ "cafe numerique Gilly", but
  // "Repair café de Gilly" is another activity.
  if (shared && shared / new Set([...wx, ...wy]).size >= 0.6) return true;
  return editDistance(x, y) / Math.max(x.length, y.length) <= 0.25;
}

export interface DuplicateMatch {
  of: PlaceKey;
  why: 'same_name_and_address' | 'near_with_similar_name';
  /** NaN when either place has no coordinates. */
  metres: number;
}

export function findDuplicate(candidate: Omit<PlaceKey, 'ref'>, known: Iterable<PlaceKey>): DuplicateMatch | undefined {
  for (const k of known) {
    const metres = metresBetween(candidate, k);
    if (
      normalize(candidate.name) === normalize(k.name) &&
      candidate.postcode === k.postcode &&
      normalizeStreet(candidate.street) === normalizeStreet(k.street)
    ) {
      return { of: k, why: 'same_name_and_address', metres };
    }
    if (metres <= NEAR_METRES && similarNames(candidate.name, k.name)) return { of: k, why: 'near_with_similar_name', metres }; // NaN (no coordinates) never is
  }
  return undefined;
}
