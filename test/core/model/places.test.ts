// Places typed by citizens, on the real territory (content/territory/communes.yml): every
// section and commune name as written, without accents, in capitals, with spaces for hyphens
// and with one typo (a letter dropped, two letters swapped) lands on that place; names cut
// short land on the place they start; « Charleroi » is the centre; a postcode shared by
// several sections is its main one and says which others it could be.
import { describe, expect, it } from 'vitest';
import { resolvePaths } from '../../../core/model/paths.ts';
import { communePoint, lookupPlace, type Place, understoodPlace } from '../../../core/model/places.ts';
import { loadTerritory, normalizeName } from '../../../core/model/territory.ts';

const territory = loadTerritory(resolvePaths({}).territory);

const found = (input: string): Place => {
  const result = lookupPlace(territory, input);
  if (!result.place) throw new Error(`« ${input} » not found; suggestions: ${result.suggestions.join(', ')}`);
  return result.place;
};

/** Every name a citizen may type, with the label of the place it must give. */
const names = territory.communes.flatMap((c) => [
  { name: c.name, label: c.slug === 'charleroi' ? 'Charleroi (centre-ville)' : c.name },
  ...c.sections.filter((s) => normalizeName(s.name) !== normalizeName(c.name)).map((s) => ({ name: s.name, label: `${s.name} (${c.name})` })),
]);

const stripAccents = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '');
/** One typo that keeps the first letter: a letter dropped in the middle. */
const dropped = (s: string) => {
  const at = Math.floor(s.length / 2);
  return s.slice(0, at) + s.slice(at + 1);
};
/** One typo: two letters in the middle swapped (skipped when they are the same letter). */
const swapped = (s: string) => {
  const at = Math.floor(s.length / 2) - 1;
  return s.slice(0, at) + (s[at + 1] ?? '') + (s[at] ?? '') + s.slice(at + 2);
};

describe('every section and commune name', () => {
  it('covers the whole territory', () => {
    expect(names.length).toBeGreaterThan(80);
  });

  it.each(names)('$name', ({ name, label }) => {
    const variants = new Set([
      name,
      stripAccents(name).toLowerCase(),
      name.toUpperCase(),
      name.replace(/-/g, ' '),
      stripAccents(name.replace(/['-]/g, ' ')),
      dropped(name),
    ]);
    if (swapped(name) !== name) variants.add(swapped(name));
    for (const variant of variants) expect(found(variant).label, `« ${variant} »`).toBe(label);
  });
});

describe('names as people shorten them', () => {
  it.each([
    ['marchienne', 'Marchienne-au-Pont (Charleroi)'],
    ['Marchiene', 'Marchienne-au-Pont (Charleroi)'],
    ['montignies', 'Montignies-sur-Sambre (Charleroi)'],
    ['monceau', 'Monceau-sur-Sambre (Charleroi)'],
    ['mont sur marchienne', 'Mont-sur-Marchienne (Charleroi)'],
    ['fontaine', "Fontaine-l'Évêque"],
    ['ham sur heure', 'Ham-sur-Heure (Ham-sur-Heure-Nalinnes)'],
  ])('%s → %s', (input, label) => {
    expect(found(input).label).toBe(label);
  });

  it('asks when the start of a name fits several places of the same rank', () => {
    const result = lookupPlace(territory, 'mont');
    expect(result.place).toBeNull();
    if (!result.place) expect(result.suggestions).toEqual(expect.arrayContaining(['Mont-sur-Marchienne (Charleroi)', 'Montignies-sur-Sambre (Charleroi)']));
  });

  it('never sends « marchienne » to another town (Tarcienne was found first)', () => {
    expect(found('marchienne').label).not.toContain('Tarcienne');
  });
});

describe('« Charleroi » is the city centre', () => {
  it('points at the Ville-Haute, not at the mean of the fifteen sections', () => {
    const charleroi = territory.commune('charleroi');
    if (!charleroi) throw new Error('no Charleroi in the territory');
    const place = found('charleroi');
    expect(place).toMatchObject({ label: 'Charleroi (centre-ville)', kind: 'commune' });
    expect({ lat: place.lat, lng: place.lng }).toEqual(communePoint(charleroi));
    // The centre is within 300 m of the 6000 section's point; the mean is over 1 km away.
    const km = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) =>
      Math.hypot((a.lat - b.lat) * 111.2, (a.lng - b.lng) * 111.2 * Math.cos((a.lat * Math.PI) / 180));
    const section6000 = charleroi.sections.find((s) => s.postcode === '6000');
    if (!section6000) throw new Error('no 6000 section');
    expect(km(place, section6000)).toBeLessThan(0.3);
    expect(km({ lat: charleroi.lat, lng: charleroi.lng }, section6000)).toBeGreaterThan(1);
  });

  it('takes a commune without a centre at its section of the same name', () => {
    const fleurus = territory.commune('fleurus');
    const main = fleurus?.sections.find((s) => s.name === 'Fleurus');
    expect(found('fleurus')).toMatchObject({ label: 'Fleurus', lat: main?.lat, lng: main?.lng });
  });
});

describe('postcodes', () => {
  it.each([...new Set(territory.sections.map((s) => s.postcode))])('%s gives its main section', (postcode) => {
    const sections = territory.sectionsByPostcode(postcode);
    const place = found(postcode);
    const main = sections.find((s) => normalizeName(s.name) === normalizeName(s.communeName)) ?? sections[0];
    expect(place.label).toBe(`${postcode} ${main?.name}`);
    expect({ lat: place.lat, lng: place.lng }).toEqual({ lat: main?.lat, lng: main?.lng });
    expect(place.alternatives ?? []).toEqual(sections.filter((s) => s !== main).map((s) => s.name));
  });

  it('says what else 6030 could be, and takes the section when it is typed too', () => {
    const place = found('6030');
    expect(understoodPlace(place)).toBe('6030 Marchienne-au-Pont — ou Goutroux ?');
    expect(found('6030 goutroux')).toMatchObject({ label: '6030 Goutroux' });
    expect(found('6030 Goutroux').alternatives).toBeUndefined();
    expect(understoodPlace(found('6250'))).toBe('6250 Aiseau — ou Presles, Pont-de-Loup ou Roselies ?');
    expect(understoodPlace(found('6001'))).toBe('6001 Marcinelle');
  });

  it('refuses a postcode outside the territory and suggests the close ones', () => {
    expect(lookupPlace(territory, '6002')).toEqual({ place: null, suggestions: ['6000', '6001', '6020', '6032', '6042'] });
  });
});
