// Turning what a citizen types ("6001", "marcinele", "Mont-sur-Marchienne") into a point
// of the territory: postcodes, sections and communes, with accents, case and small typos
// forgiven. Unknown input gets close matches to suggest.
import { normalizeName, type Territory } from './territory.ts';

export interface Place {
  label: string;
  lat: number;
  lng: number;
  kind: 'postcode' | 'section' | 'commune';
}

export type PlaceLookup = { place: Place } | { place: null; suggestions: string[] };

/** Optimal string alignment distance (Levenshtein with transpositions), three rows kept. */
export function editDistance(a: string, b: string): number {
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (before[j - 2] ?? 0) + 1);
      row[j] = best;
    }
    before = previous;
    previous = row;
  }
  return previous[b.length] ?? 0;
}

const mean = (values: number[]) => Number((values.reduce((a, b) => a + b, 0) / values.length).toFixed(5));

function candidates(territory: Territory): { key: string; place: Place }[] {
  const out: { key: string; place: Place }[] = [];
  for (const c of territory.communes) {
    out.push({ key: normalizeName(c.name), place: { label: c.name, lat: c.lat, lng: c.lng, kind: 'commune' } });
    for (const s of c.sections) {
      if (normalizeName(s.name) === normalizeName(c.name)) continue;
      out.push({ key: normalizeName(s.name), place: { label: `${s.name} (${c.name})`, lat: s.lat, lng: s.lng, kind: 'section' } });
    }
  }
  return out;
}

export function lookupPlace(territory: Territory, input: string): PlaceLookup {
  const text = input.trim();
  if (/^\d{4}$/.test(text)) {
    const sections = territory.sectionsByPostcode(text);
    if (sections.length) {
      return {
        place: {
          label: `${text} ${sections.map((s) => s.name).join(', ')}`,
          lat: mean(sections.map((s) => s.lat)),
          lng: mean(sections.map((s) => s.lng)),
          kind: 'postcode',
        },
      };
    }
    const near = [...new Set(territory.sections.map((s) => s.postcode))].filter((p) => editDistance(p, text) === 1).slice(0, 5);
    return { place: null, suggestions: near };
  }
  const key = normalizeName(text);
  const all = candidates(territory);
  const exact = all.find((c) => c.key === key);
  if (exact) return { place: exact.place };
  if (key.length < 3) return { place: null, suggestions: [] };
  const scored = all.map((c) => ({ ...c, distance: editDistance(key, c.key) })).sort((a, b) => a.distance - b.distance || a.key.localeCompare(b.key));
  const allowed = key.length >= 8 ? 2 : 1;
  const best = scored[0];
  const second = scored[1];
  if (best && best.distance <= allowed && (!second || second.distance > best.distance || second.key === best.key)) return { place: best.place };
  const prefix = all.filter((c) => c.key.startsWith(key));
  const [only] = prefix;
  if (only && prefix.length === 1) return { place: only.place };
  const suggestions = [...new Set([...prefix, ...scored.filter((c) => c.distance <= Math.max(2, Math.floor(key.length / 4)))].map((c) => c.place.label))].slice(
    0,
    5,
  );
  return { place: null, suggestions };
}
