// Step 5 of a search, without Meilisearch: a hit as Meilisearch returns it (built from the
// fixture initiative by the real document builder) in the wire shape the site reads: today's
// hours, open now or not (or unknown without hours), distances to 100 m, facet labels and order.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { initiativeDocument } from '../../../api/search/documents.ts';
import { type Found, PLACE_FIELDS, type PlaceHit } from '../../../api/search/meili-query.ts';
import { facetValues, toDocHit, todayHours, toSearchHit, toSearchResult } from '../../../api/search/result.ts';
import { readInitiativeFile } from '../../../core/model/index.ts';
import { FIXTURE_CONTENT, fixtureModel } from '../../helpers/content.ts';

const model = fixtureModel();
const initiative = readInitiativeFile(model, path.join(FIXTURE_CONTENT, 'initiatives/permanence-marcinelle.yml'));
// Tuesday: « Tu 09:00-12:00; Th 13:30-16:00; PH off ».
const tuesday = new Date('2026-12-22T10:00:00+01:00');
const monday = new Date('2026-12-21T10:00:00+01:00');

/** The hit Meilisearch returns for the fixture initiative: only the retrieved fields. */
function hitOf(changes: Partial<PlaceHit> = {}): PlaceHit {
  const doc = initiativeDocument(model, initiative, tuesday);
  const hit = Object.fromEntries(PLACE_FIELDS.map((f) => [f, doc[f]])) as PlaceHit;
  return { ...hit, ...changes };
}

// Tuesday's hours as the French formatter writes them (with non-breaking spaces).
const TUESDAY_HOURS = hitOf().weekHours[1];
const near = { label: '6001 Marcinelle', lat: 50.396, lng: 4.437 };

describe('todayHours', () => {
  it("says today's hours, closed today, or nothing without hours", () => {
    expect(TUESDAY_HOURS?.replace(/\s/g, ' ')).toBe('9 h à 12 h');
    const week = [null, '9 h à 12 h', null, '13 h 30 à 16 h', null, null, null];
    expect(todayHours(week, tuesday)).toBe('9 h à 12 h');
    expect(todayHours(week, monday)).toBe("Fermé aujourd'hui");
    expect(todayHours(week, new Date('2026-12-27T23:59:00+01:00'))).toBe("Fermé aujourd'hui"); // a Sunday, last of the week
    expect(todayHours([], tuesday)).toBeNull();
    expect(todayHours(undefined, tuesday)).toBeNull();
  });
});

describe('toSearchHit', () => {
  it('gives the wire shape of a place, open now when its id is among the open ones', () => {
    expect(toSearchHit(hitOf({ _geoDistance: 1234 }), new Set(['permanence-marcinelle']), near, tuesday)).toEqual({
      id: 'permanence-marcinelle',
      name: 'Permanence « aide numérique » de Marcinelle',
      kind: 'permanence',
      kindLabel: 'Permanence « aide numérique »',
      summary: 'Une personne vous aide pour vos démarches en ligne. Gratuit, sans rendez-vous.',
      address: { street: 'Avenue Eugène Mascaux 100', postcode: '6001', locality: 'Marcinelle', commune: 'charleroi', communeName: 'Charleroi' },
      geo: { lat: 50.3889, lng: 4.4335 },
      distanceKm: 1.2,
      openNow: true,
      todayHours: TUESDAY_HOURS,
      url: '/annuaire/permanence-marcinelle',
      demo: true,
    });
  });

  it('says closed when not among the open ones, and unknown (null) for a place without hours', () => {
    expect(toSearchHit(hitOf(), new Set(), undefined, monday)).toMatchObject({ openNow: false, todayHours: "Fermé aujourd'hui" });
    const noHours = toSearchHit(hitOf({ hasHours: false, weekHours: [] }), new Set(['permanence-marcinelle']), undefined, tuesday);
    expect(noHours).toMatchObject({ openNow: null, todayHours: null });
  });

  it('rounds the distance to 100 m, and gives one only when searching near a point', () => {
    expect(toSearchHit(hitOf({ _geoDistance: 49 }), new Set(), near, tuesday).distanceKm).toBe(0);
    expect(toSearchHit(hitOf({ _geoDistance: 1250 }), new Set(), near, tuesday).distanceKm).toBe(1.3);
    expect(toSearchHit(hitOf({ _geoDistance: 1250 }), new Set(), undefined, tuesday)).not.toHaveProperty('distanceKm');
    expect(toSearchHit(hitOf(), new Set(), near, tuesday)).not.toHaveProperty('distanceKm');
  });
});

describe('facetValues', () => {
  it('puts the most frequent first, then sorts in French (accents where they belong)', () => {
    const labels: Record<string, string> = { a: 'Zèbre', b: 'Écrivain', c: 'Avion', d: 'Ordinateur' };
    expect(facetValues({ a: 2, b: 2, c: 2, d: 5 }, (s) => labels[s]!)).toEqual([
      { value: 'd', label: 'Ordinateur', count: 5 },
      { value: 'c', label: 'Avion', count: 2 },
      { value: 'b', label: 'Écrivain', count: 2 },
      { value: 'a', label: 'Zèbre', count: 2 },
    ]);
    expect(facetValues(undefined, (s) => s)).toEqual([]);
  });
});

describe('toSearchResult', () => {
  const found: Found = {
    hits: [hitOf()],
    total: 41,
    facets: {
      kind: { permanence: 1, wifi: 3 },
      services: { 'aide-demarches-administratives': 1 },
      publics: { 'tout-public': 1 },
      commune: { chatelet: 1, inconnue: 1 },
    },
    openIds: new Set(['permanence-marcinelle']),
  };

  it('labels the facets from the vocabularies and the territory (the slug when unknown), keeps page and limit', () => {
    const result = toSearchResult(found, { page: 3, limit: 1, near: undefined, now: tuesday, model });
    expect(result.total).toBe(41);
    expect(result.page).toBe(3);
    expect(result.limit).toBe(1);
    expect(result.hits.map((h) => h.openNow)).toEqual([true]);
    expect(result.facets).toEqual({
      kind: [
        { value: 'wifi', label: 'WiFi gratuit', count: 3 },
        { value: 'permanence', label: 'Permanence « aide numérique »', count: 1 },
      ],
      service: [{ value: 'aide-demarches-administratives', label: 'Aide aux démarches administratives', count: 1 }],
      public: [{ value: 'tout-public', label: 'Tout public', count: 1 }],
      commune: [
        { value: 'chatelet', label: 'Châtelet', count: 1 },
        { value: 'inconnue', label: 'inconnue', count: 1 },
      ],
    });
    expect(result).not.toHaveProperty('near');
    expect(result).not.toHaveProperty('docs');
  });

  it('gives the point searched around, and guide sections when they were searched', () => {
    const sections = [{ title: 'itsme', section: 'Activer', url: '/guides/itsme#activer', source: 'guides' as const, _formatted: { text: '…activer itsme…' } }];
    const result = toSearchResult({ ...found, sections }, { page: 1, limit: 20, near, now: tuesday, model });
    expect(result.near).toEqual(near);
    expect(result.docs).toEqual([{ title: 'itsme', section: 'Activer', url: '/guides/itsme#activer', excerpt: '…activer itsme…', source: 'guides' }]);
    expect(toSearchResult({ ...found, sections: [] }, { page: 1, limit: 20, near, now: tuesday, model }).docs).toEqual([]);
  });

  it('gives an empty excerpt when Meilisearch sent none', () => {
    expect(toDocHit({ title: 'T', section: 'S', url: '/u', source: 'formation' }).excerpt).toBe('');
  });
});
