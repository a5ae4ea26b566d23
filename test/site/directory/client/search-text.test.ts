// What the directory search says, in node (no browser): the status line after a search,
// a result's facts and hours, a filter's options with counts, the pages, a map point.
import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../../core/wire/search.ts';
import {
  alternativesText,
  facetOptions,
  hitFacts,
  mapPoint,
  offersWithoutFilters,
  pagesOf,
  type Result,
  summary,
  todayText,
} from '../../../../site/directory/client/search-text.ts';

const hit: SearchHit = {
  id: 'epn-gilly',
  name: 'EPN de Gilly',
  kind: 'epn',
  kindLabel: 'Espace public numérique (EPN)',
  summary: 'Des ordinateurs et une animatrice.',
  address: { street: 'Rue X 1', postcode: '6060', locality: 'Gilly', commune: 'charleroi', communeName: 'Charleroi' },
  geo: { lat: 50.42, lng: 4.48 },
  openNow: true,
  todayHours: '9 h à 12 h',
  url: '/annuaire/epn-gilly',
  demo: false,
};

const facets = { kind: [], service: [], public: [], commune: [] };
const result = (total: number, changes: Partial<Result> = {}): Result => ({ hits: total ? [hit] : [], total, page: 1, limit: 20, facets, ...changes });
const state = (search = '') => new URLSearchParams(search);

describe('summary', () => {
  it.each([
    ['nothing found', result(0), '', 'list', 'Aucun lieu ne correspond. Essayez sans filtre ou avec une autre commune.'],
    [
      'nothing found near a place',
      result(0, { near: { label: '6001 Marcinelle', lat: 0, lng: 0 } }),
      'near=6001',
      'list',
      'Aucun lieu ne correspond près de 6001 Marcinelle. Essayez sans filtre ou avec une autre commune.',
    ],
    ['one place', result(1), 'q=gilly', 'list', '1 lieu trouvé.'],
    ['several places', result(12), 'q=epn', 'list', '12 lieux trouvés.'],
    [
      'places near a place, nearest first',
      result(12, { near: { label: 'Gosselies', lat: 0, lng: 0 } }),
      'near=Gosselies',
      'list',
      '12 lieux trouvés près de Gosselies, du plus proche au plus loin.',
    ],
    [
      'places around the person',
      result(3, { near: { label: 'Votre position', lat: 0, lng: 0 } }),
      'lat=50.4&lng=4.4',
      'list',
      '3 lieux trouvés près de votre position, du plus proche au plus loin.',
    ],
    ['one place open now', result(1), 'openNow=true', 'list', '1 lieu trouvé. Il est ouvert maintenant.'],
    ['places open now', result(2, { hits: [hit, hit] }), 'openNow=true', 'list', '2 lieux trouvés. Ils sont ouverts maintenant.'],
    [
      'more places than the map shows',
      result(41, { hits: Array(20).fill(hit) }),
      'q=epn',
      'map',
      '41 lieux trouvés. La carte montre les 20 lieux de cette page.',
    ],
    ['all places on the map', result(1), 'q=epn', 'map', '1 lieu trouvé.'],
  ] as const)('says %s', (_what, answer, search, view, expected) => {
    expect(summary(answer, state(search), view)).toBe(expected);
  });
});

describe('what else the answer says', () => {
  it('says when no place had every word', () => {
    expect(summary(result(2, { partial: true }), new URLSearchParams('q=imprimer+un+document'), 'list')).toBe(
      '2 lieux trouvés. Aucun lieu ne contient tous vos mots : voici ceux qui en contiennent le plus.',
    );
  });

  it('offers the other sections of a shared postcode', () => {
    const near = { label: '6030 Marchienne-au-Pont', lat: 50.4, lng: 4.39, alternatives: ['Goutroux'] };
    expect(summary(result(3, { near }), new URLSearchParams('near=6030'), 'list')).toBe(
      '3 lieux trouvés près de 6030 Marchienne-au-Pont, du plus proche au plus loin.',
    );
    expect(alternativesText(result(3, { near }))).toBe(' Ou vouliez-vous dire : Goutroux ? Tapez-le dans « Où ? ».');
    expect(alternativesText(result(3))).toBe('');
  });
});

describe('a result', () => {
  it('gives kind, place and the distance in Belgian French', () => {
    expect(hitFacts(hit)).toBe('Espace public numérique (EPN) · 6060 Gilly');
    expect(hitFacts({ ...hit, distanceKm: 1.25 })).toBe('Espace public numérique (EPN) · 6060 Gilly · à 1,3 km');
    expect(hitFacts({ ...hit, distanceKm: 0 })).toBe('Espace public numérique (EPN) · 6060 Gilly · à 0 km');
  });

  it("says today's hours, or the API's own « Fermé aujourd'hui »", () => {
    expect(todayText('9 h à 12 h')).toBe("Aujourd'hui : 9 h à 12 h");
    expect(todayText("Fermé aujourd'hui")).toBe("Fermé aujourd'hui");
  });

  it('becomes a map point with its hours worded as in the list', () => {
    expect(mapPoint(hit)).toEqual({
      name: 'EPN de Gilly',
      kindLabel: 'Espace public numérique (EPN)',
      url: '/annuaire/epn-gilly',
      geo: hit.geo,
      hours: "Aujourd'hui : 9 h à 12 h",
    });
    expect(mapPoint({ ...hit, todayHours: null }).hours).toBeNull();
  });
});

describe('facetOptions', () => {
  const all = [
    { value: 'epn', label: 'EPN' },
    { value: 'wifi', label: 'WiFi' },
    { value: 'formation', label: 'Formation' },
  ];
  const counts = [
    { value: 'wifi', label: 'WiFi', count: 7 },
    { value: 'epn', label: 'EPN', count: 2 },
    { value: 'formation', label: 'Formation', count: 0 },
  ];

  it('offers only the values found, with their counts, in vocabulary order', () => {
    expect(facetOptions(all, counts, '')).toEqual([
      { value: 'epn', label: 'EPN (2)' },
      { value: 'wifi', label: 'WiFi (7)' },
    ]);
    expect(facetOptions(all, [], '')).toEqual([]);
  });

  it('offers every value, without counts, once one is chosen or before any search', () => {
    expect(facetOptions(all, counts, 'wifi')).toEqual(all);
    expect(facetOptions(all, null, '')).toEqual(all);
  });
});

describe('pagesOf', () => {
  it.each([
    [
      { total: 0, limit: 20, page: 1 },
      { last: 1, label: 'Page 1 sur 1' },
    ],
    [
      { total: 20, limit: 20, page: 1 },
      { last: 1, label: 'Page 1 sur 1' },
    ],
    [
      { total: 21, limit: 20, page: 1 },
      { last: 2, next: 2, label: 'Page 1 sur 2' },
    ],
    [
      { total: 61, limit: 20, page: 2 },
      { last: 4, previous: 1, next: 3, label: 'Page 2 sur 4' },
    ],
    [
      { total: 61, limit: 20, page: 4 },
      { last: 4, previous: 3, label: 'Page 4 sur 4' },
    ],
  ])('pages %o as %o', (answer, expected) => {
    expect(pagesOf(answer)).toEqual(expected);
  });
});

describe('offersWithoutFilters', () => {
  it('offers to drop the filters only when they left nothing', () => {
    expect(offersWithoutFilters(result(0), state('q=zz&openNow=true'))).toBe(true);
    expect(offersWithoutFilters(result(0), state('q=zz'))).toBe(false);
    expect(offersWithoutFilters(result(3), state('kind=epn'))).toBe(false);
  });
});
