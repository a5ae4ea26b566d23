// The filter of the lists of guides, training pages and everyday requests: what a person
// types is matched word by word against each entry, forgiving accents, capitals and one
// typo in a longer word (« itsm », « declaration », « alocations »). Pure: browser code.

/** Lowercase words without accents or punctuation. */
export function foldWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('fr')
    .split(/[^\p{L}\p{N}@.]+/u)
    .map((w) => w.replace(/^\.+|\.+$/g, ''))
    .filter(Boolean);
}

/** At most one letter added, removed, changed or two swapped. */
function nearlyEqual(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return true;
  const swapped = a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  return swapped || a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i);
}

/** Whether a typed word matches a word of the entry: its start, or the word with one typo. */
function wordMatches(typed: string, word: string): boolean {
  if (word.startsWith(typed)) return true;
  if (typed.length < 4) return false;
  return nearlyEqual(typed, word) || (word.length > typed.length && nearlyEqual(typed, word.slice(0, typed.length)));
}

/** Every typed word matches a word of the text (an empty query matches everything). */
export function matchesQuery(text: string, query: string): boolean {
  const typed = foldWords(query).filter((w) => w.length >= 2 || /\d/.test(w));
  if (!typed.length) return true;
  const words = foldWords(text);
  return typed.every((t) => words.some((w) => wordMatches(t, w)));
}
