// Server-made identifiers: the only way a file name is derived from partner text.
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,78})[a-z0-9]$/;
export const SLUG_MAX = 80;

/** Turns any name into `[a-z0-9-]{3,80}`: accents folded, everything else a single hyphen. */
export function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/g, '');
  return base.length >= 3 ? base : `initiative-${base || 'sans-nom'}`.replace(/-+$/g, '');
}

/** A slug not in `taken`: `name`, then `name-2`, `name-3`… (still within 80 chars). */
export function uniqueSlug(name: string, taken: (slug: string) => boolean): string {
  const base = slugify(name);
  if (!taken(base)) return base;
  for (let i = 2; i < 10_000; i++) {
    const suffix = `-${i}`;
    const candidate = base.slice(0, SLUG_MAX - suffix.length).replace(/-+$/g, '') + suffix;
    if (!taken(candidate)) return candidate;
  }
  throw new Error(`No free identifier for "${name}" after 10 000 tries: the name is used too often, choose another one.`);
}

export function isSlug(value: string): boolean {
  return SLUG_PATTERN.test(value) && !value.includes('--');
}
