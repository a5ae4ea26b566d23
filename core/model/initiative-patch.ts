// A change to a listing, field by field: what a correction proposes, what a moderator
// edits, what an approval merges. A patch names only the fields that change (`null`
// removes one); objects (address, contact…) change key by key, lists as a whole. Lists are
// compared as sets, so a reordered list is no change. Merging a patch never drops a field
// it does not name. Pure: the proposal form (browser) computes patches too.

/** Objects merged key by key (the rest are replaced as a whole). */
export const OBJECT_FIELDS: ReadonlySet<string> = new Set(['organisation', 'access', 'address', 'geo', 'contact', 'period', 'closure', 'extra']);

/** The address fields: when one changes, the map point must be confirmed. */
export const ADDRESS_KEYS = ['street', 'postcode', 'locality', 'commune'] as const;

export type Patch = Record<string, unknown>;
type Plain = Record<string, unknown>;

export const isPlainObject = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep equality where lists of texts are compared as sets. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.every((x) => typeof x === 'string') && b.every((x) => typeof x === 'string')) {
      const sa = new Set(a as string[]);
      const sb = new Set(b as string[]);
      return sa.size === sb.size && [...sa].every((x) => sb.has(x));
    }
    return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => a[k] !== undefined || b[k] !== undefined));
    return [...keys].every((k) => sameValue(a[k], b[k]));
  }
  return false;
}

/** An empty list or object counts as absent (a form sends `[]` for no accessibility). */
const isEmpty = (v: unknown) => v === undefined || v === null || (Array.isArray(v) && v.length === 0) || (isPlainObject(v) && Object.keys(v).length === 0);

/** The patch that turns `before` into `after` (fields absent from `after` are removed). */
export function diffPatch(before: Plain, after: Plain): Patch {
  const patch: Patch = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[key];
    const b = after[key];
    if (sameValue(a, b) || (isEmpty(a) && isEmpty(b))) continue;
    if (OBJECT_FIELDS.has(key) && isPlainObject(a) && isPlainObject(b)) {
      const sub: Plain = {};
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (sameValue(a[k], b[k]) || (isEmpty(a[k]) && isEmpty(b[k]))) continue;
        sub[k] = b[k] === undefined ? null : structuredClone(b[k]);
      }
      if (Object.keys(sub).length) patch[key] = sub;
    } else patch[key] = b === undefined ? null : structuredClone(b);
  }
  return patch;
}

/** `base` with the patch applied: named fields set (or removed by `null`), others kept as they are. */
export function applyPatch<T extends Plain>(base: T, patch: Patch): T {
  const out: Plain = structuredClone(base);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined) {
      delete out[key];
      continue;
    }
    const current = out[key];
    if (OBJECT_FIELDS.has(key) && isPlainObject(value) && isPlainObject(current)) {
      const merged: Plain = { ...current };
      for (const [k, v] of Object.entries(value)) {
        if (v === null || v === undefined) delete merged[k];
        else merged[k] = structuredClone(v);
      }
      if (Object.keys(merged).length) out[key] = merged;
      else delete out[key];
    } else if (isPlainObject(value)) {
      // A new object: its `null`s mean nothing to remove.
      const fresh = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined));
      if (Object.keys(fresh).length) out[key] = structuredClone(fresh);
      else delete out[key];
    } else out[key] = structuredClone(value);
  }
  return out as T;
}

/** Dotted paths a patch changes (`contact.phone`, `services`), in the patch's order. */
export function patchPaths(patch: Patch): string[] {
  return Object.entries(patch).flatMap(([key, value]) =>
    OBJECT_FIELDS.has(key) && isPlainObject(value) ? Object.keys(value).map((k) => `${key}.${k}`) : [key],
  );
}

/** Whether the address changes between two versions (then the point must be confirmed). */
export function addressChanged(before: { address?: Plain } | undefined, after: { address?: Plain } | undefined): boolean {
  return ADDRESS_KEYS.some((k) => !sameValue(before?.address?.[k], after?.address?.[k]));
}
