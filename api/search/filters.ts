// Step 3 of a search: the Meilisearch filter. Nothing typed by a user is ever spliced into
// filter syntax: a value reaches the filter string only if it is one of the allowed slugs
// (vocabularies, communes) or a server-made initiative id, and numbers only if finite.
// The query was checked in step 1; these functions check again where the string is
// written, so the rule holds here whoever calls them, and break loudly if it would not.
import { isSlug } from '../../core/model/index.ts';
import { slotOf } from './documents.ts';
import type { Near } from './place.ts';
import { type AllowedValues, FILTER_PARAMS, type FilterParam, type SearchQuery } from './query.ts';

/** The field of the initiatives index each filter parameter reads. */
export const FILTER_FIELDS: Record<FilterParam, string> = { kind: 'kind', service: 'services', public: 'publics', commune: 'commune' };

/** A value that would have reached the filter string unchecked: a bug, never a user's fault. */
export class UnsafeFilterValue extends Error {
  override name = 'UnsafeFilterValue';
}

const anyOf = (field: string, values: readonly string[]) => `${field} IN [${values.map((s) => JSON.stringify(s)).join(', ')}]`;

function finite(value: number, what: string): number {
  if (!Number.isFinite(value)) throw new UnsafeFilterValue(`${what} is not a finite number (${value}): parse the query with parseSearchQuery first.`);
  return value;
}

function allowedOnly(param: FilterParam, values: readonly string[], allowed: AllowedValues): readonly string[] {
  const bad = values.filter((value) => !allowed[param].has(value));
  if (bad.length) throw new UnsafeFilterValue(`${param}: ${JSON.stringify(bad)} is not an allowed value: parse the query with parseSearchQuery first.`);
  return values;
}

/** The filter of a search: active places, the chosen values, open at `now`, within the radius. */
export function buildFilter(query: SearchQuery, near: Near | undefined, now: Date, allowed: AllowedValues): string[] {
  const filter: string[] = ['status = "active"'];
  for (const param of FILTER_PARAMS) {
    const values = query[param];
    if (values?.length) filter.push(anyOf(FILTER_FIELDS[param], allowedOnly(param, values, allowed)));
  }
  if (query.openNow) filter.push(`openSlots = ${slotOf(now.getTime())}`);
  if (near && query.radiusKm) {
    const metres = Math.round(finite(query.radiusKm, 'radiusKm') * 1000);
    filter.push(`_geoRadius(${finite(near.lat, 'lat')}, ${finite(near.lng, 'lng')}, ${metres})`);
  }
  return filter;
}

/** Which of these initiatives are open at `now` (their ids come from the index: checked as slugs all the same). */
export function openAmongFilter(ids: readonly string[], now: Date): string[] {
  const bad = ids.filter((id) => !isSlug(id));
  if (bad.length) throw new UnsafeFilterValue(`id: ${JSON.stringify(bad.slice(0, 3))} is not an initiative identifier.`);
  return [`openSlots = ${slotOf(now.getTime())}`, anyOf('id', ids)];
}
