// How names typed by people are compared (places, duplicates, organisations): lowercase,
// accents and punctuation removed, spaces folded. One rule for every comparison.

export function normalizeName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
