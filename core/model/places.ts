// Turning what a citizen types ("6001", "marcinele", "Mont-sur-Marchienne", "6030 goutroux")
// into a point of the territory, the way people mean it: exact names first, then the start of
// a name ("marchienne" is Marchienne-au-Pont), then one or two typos; the City of Charleroi's
// sections before the other communes when both fit. A commune typed alone is its centre (the
// file's `centre`, else its section of the same name), never an average of its villages. A
// postcode shared by several sections is its main section, and says which others it could be.
// Every answer carries the label of the place understood. Unknown input gets close matches.
import { type Commune, normalizeName, type Section, type Territory } from './territory.ts';

export interface Place {
  /** What was understood, as shown to the citizen: « 6001 Marcinelle », « Marcinelle (Charleroi) », « Charleroi (centre-ville) ». */
  label: string;
  lat: number;
  lng: number;
  kind: 'postcode' | 'section' | 'commune';
  /** The other sections a shared postcode could mean (« Goutroux » for 6030). */
  alternatives?: string[];
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

/** « 6030 Marchienne-au-Pont — ou Goutroux ? »: the place understood, with what else it could be. */
export function understoodPlace(place: Pick<Place, 'label' | 'alternatives'>): string {
  const others = place.alternatives ?? [];
  if (!others.length) return place.label;
  const list = others.length === 1 ? others[0] : `${others.slice(0, -1).join(', ')} ou ${others[others.length - 1]}`;
  return `${place.label} — ou ${list} ?`;
}

/** Where a commune's name points: its centre, else its section of the same name, else the mean of its sections. */
export function communePoint(commune: Commune): { lat: number; lng: number } {
  if (commune.centre) return { lat: commune.centre.lat, lng: commune.centre.lng };
  const main = commune.sections.find((s) => normalizeName(s.name) === normalizeName(commune.name));
  return main ? { lat: main.lat, lng: main.lng } : { lat: commune.lat, lng: commune.lng };
}

/** The section a postcode means first: the one named like its commune, else the first listed. */
export function mainSection(sections: readonly Section[]): Section | undefined {
  return sections.find((s) => normalizeName(s.name) === normalizeName(s.communeName)) ?? sections[0];
}

interface Candidate {
  key: string;
  place: Place;
  /** 0: the City of Charleroi (the first commune of the file, the plan's own); 1: the other communes. */
  tier: number;
}

const cache = new WeakMap<Territory, Candidate[]>();

function candidates(territory: Territory): Candidate[] {
  const cached = cache.get(territory);
  if (cached) return cached;
  const out: Candidate[] = [];
  territory.communes.forEach((c, index) => {
    const tier = index === 0 ? 0 : 1;
    const centre = communePoint(c);
    const label = c.centre && c.sections.length > 1 ? `${c.name} (centre-ville)` : c.name;
    out.push({ key: normalizeName(c.name), place: { label, ...centre, kind: 'commune' }, tier });
    for (const s of c.sections) {
      if (normalizeName(s.name) === normalizeName(c.name)) continue;
      out.push({ key: normalizeName(s.name), place: { label: `${s.name} (${c.name})`, lat: s.lat, lng: s.lng, kind: 'section' }, tier });
    }
  });
  cache.set(territory, out);
  return out;
}

/** The one candidate of the best tier, or undefined when that tier has several (ambiguous). */
function single(found: readonly Candidate[]): Candidate | undefined {
  if (!found.length) return undefined;
  const best = Math.min(...found.map((c) => c.tier));
  const inTier = found.filter((c) => c.tier === best);
  return inTier.length === 1 ? inTier[0] : undefined;
}

function byPostcode(territory: Territory, postcode: string, name: string): PlaceLookup {
  const sections = territory.sectionsByPostcode(postcode);
  if (!sections.length) {
    const near = [...new Set(territory.sections.map((s) => s.postcode))].filter((p) => editDistance(p, postcode) === 1).slice(0, 5);
    return { place: null, suggestions: near };
  }
  // « 6030 Goutroux »: the section named after the postcode, when it is one of its sections.
  const named = name ? sections.find((s) => normalizeName(s.name) === name) : undefined;
  const main = named ?? mainSection(sections);
  if (!main) return { place: null, suggestions: [] };
  const others = named ? [] : sections.filter((s) => s !== main).map((s) => s.name);
  return { place: { label: `${postcode} ${main.name}`, lat: main.lat, lng: main.lng, kind: 'postcode', ...(others.length ? { alternatives: others } : {}) } };
}

export function lookupPlace(territory: Territory, input: string): PlaceLookup {
  const text = input.trim();
  const withPostcode = /^(\d{4})\b\s*(.*)$/.exec(text);
  if (withPostcode?.[1]) return byPostcode(territory, withPostcode[1], normalizeName(withPostcode[2] ?? ''));
  const key = normalizeName(text);
  const all = candidates(territory);
  // 1. The exact name (accents, case, hyphens and apostrophes forgiven by normalizeName).
  const exact = single(all.filter((c) => c.key === key));
  if (exact) return { place: exact.place };
  if (key.length < 3) return { place: null, suggestions: [] };
  // 2. The start of a name: « marchienne », « mont sur », « fontaine l ».
  const prefixed = all.filter((c) => c.key.startsWith(key));
  const prefix = single(prefixed);
  if (prefix) return { place: prefix.place };
  // 3. One typo (two from 8 letters), on the whole name or on the start of a longer one.
  const allowed = key.length >= 8 ? 2 : 1;
  const scored = all
    .map((c) => ({
      ...c,
      distance: Math.min(editDistance(key, c.key), c.key.length > key.length + 1 ? editDistance(key, c.key.slice(0, key.length)) + 1 : 99),
    }))
    .sort((a, b) => a.distance - b.distance || a.tier - b.tier || a.key.localeCompare(b.key));
  const bestDistance = scored[0]?.distance ?? 99;
  if (!prefixed.length && bestDistance <= allowed) {
    const fuzzy = single(scored.filter((c) => c.distance === bestDistance));
    if (fuzzy) return { place: fuzzy.place };
  }
  const suggestions = [
    ...new Set([...prefixed, ...scored.filter((c) => c.distance <= Math.max(2, Math.floor(key.length / 4)))].map((c) => c.place.label)),
  ].slice(0, 5);
  return { place: null, suggestions };
}
