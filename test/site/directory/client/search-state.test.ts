// The directory search's state in the URL, in node (no browser): what a query string keeps,
// what a submitted form becomes, where each click leads, and the /api/search query.
import { describe, expect, it } from 'vitest';
import {
  apiQuery,
  type FormValues,
  hasSearch,
  isFiltered,
  readState,
  stateFromForm,
  urlOf,
  viewOf,
  withoutFilters,
  withPage,
  withView,
} from '../../../../site/directory/client/search-state.ts';

const state = (search: string) => readState(search).toString();

function form(changes: { texts?: Partial<FormValues['texts']>; filters?: Partial<FormValues['filters']>; openNow?: boolean } = {}): FormValues {
  return {
    texts: { q: '', near: '', lat: '', lng: '', ...changes.texts },
    filters: { kind: '', service: '', public: '', commune: '', ...changes.filters },
    openNow: changes.openNow ?? false,
  };
}

describe('readState', () => {
  it('keeps the known, non-empty parameters in their order, repeated ones included', () => {
    expect(state('?near=6001&utm_source=x&kind=epn&q=&page=2&view=map&kind=wifi')).toBe('near=6001&kind=epn&page=2&view=map&kind=wifi');
    expect(state('')).toBe('');
    expect(state('?limit=50&scope=all')).toBe('');
  });

  it('decodes what the address encodes', () => {
    expect(readState('?q=aide%20num%C3%A9rique&near=Ch%C3%A2telet').get('q')).toBe('aide numérique');
    expect(readState('?near=Ch%C3%A2telet').get('near')).toBe('Châtelet');
  });
});

describe('hasSearch, viewOf, isFiltered', () => {
  it.each([
    ['', false],
    ['page=2', false],
    ['view=map', false],
    ['page=2&view=map', false],
    ['q=wifi', true],
    ['lat=50.4&lng=4.4', true],
    ['commune=charleroi', true],
    ['openNow=true', true],
  ])('says whether « %s » asks for a search: %s', (search, expected) => {
    expect(hasSearch(new URLSearchParams(search))).toBe(expected);
  });

  it('shows the map only when asked by name', () => {
    expect(viewOf(new URLSearchParams('view=map'))).toBe('map');
    expect(viewOf(new URLSearchParams('view=carte'))).toBe('list');
    expect(viewOf(new URLSearchParams(''))).toBe('list');
  });

  it('counts filters and "open now" as narrowing, not words, places or pages', () => {
    expect(isFiltered(new URLSearchParams('q=wifi&near=6000&page=2'))).toBe(false);
    expect(isFiltered(new URLSearchParams('public=seniors'))).toBe(true);
    expect(isFiltered(new URLSearchParams('openNow=true'))).toBe(true);
  });
});

describe('stateFromForm', () => {
  it('keeps what was typed (trimmed) and chosen, in a fixed order', () => {
    const values = form({ texts: { q: '  itsme ', near: ' 6001' }, filters: { commune: 'charleroi', kind: 'epn' }, openNow: true });
    expect(stateFromForm(values, null).toString()).toBe('q=itsme&near=6001&kind=epn&commune=charleroi&openNow=true');
  });

  it('lets a typed place replace the position found by "Autour de moi"', () => {
    expect(stateFromForm(form({ texts: { near: 'Gilly', lat: '50.41', lng: '4.44' } }), null).toString()).toBe('near=Gilly');
    expect(stateFromForm(form({ texts: { lat: '50.41', lng: '4.44' } }), null).toString()).toBe('lat=50.41&lng=4.44');
  });

  it('keeps the view shown when there is a search, not on an empty form', () => {
    expect(stateFromForm(form({ texts: { near: '6000' } }), 'map').toString()).toBe('near=6000&view=map');
    expect(stateFromForm(form({ texts: { q: '   ' } }), 'map').toString()).toBe('');
  });

  it('starts again from page 1', () => {
    expect(stateFromForm(form({ texts: { q: 'wifi' } }), null).has('page')).toBe(false);
  });
});

describe('the states a click leads to', () => {
  const current = new URLSearchParams('near=6001&kind=epn&openNow=true&page=3&view=map');

  it('switches the view without touching the search', () => {
    expect(withView(current, 'list').toString()).toBe('near=6001&kind=epn&openNow=true&page=3');
    expect(withView(new URLSearchParams('near=6001'), 'map').toString()).toBe('near=6001&view=map');
  });

  it('goes to a page, page 1 being no page at all', () => {
    expect(withPage(current, 4).get('page')).toBe('4');
    expect(withPage(current, 1).toString()).toBe('near=6001&kind=epn&openNow=true&view=map');
  });

  it('drops the filters, "open now" and the page, keeping the place and the view', () => {
    expect(withoutFilters(current).toString()).toBe('near=6001&view=map');
  });

  it('never changes the state it was given', () => {
    withView(current, 'list');
    withPage(current, 1);
    withoutFilters(current);
    expect(current.toString()).toBe('near=6001&kind=epn&openNow=true&page=3&view=map');
  });
});

describe('apiQuery and urlOf', () => {
  it('asks the API for 20 results, without the view', () => {
    expect(apiQuery(new URLSearchParams('near=6001&view=map&page=2'))).toBe('near=6001&page=2&limit=20');
  });

  it('writes the address of a state, bare when there is none', () => {
    expect(urlOf('/annuaire', new URLSearchParams('q=aide num\u00e9rique'))).toBe('/annuaire?q=aide+num%C3%A9rique');
    expect(urlOf('/annuaire', new URLSearchParams())).toBe('/annuaire');
  });
});
