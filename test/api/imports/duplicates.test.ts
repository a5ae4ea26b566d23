// Duplicate detection of imports: same name and address, or within 50 m with a similar name.
import { describe, expect, it } from 'vitest';
import { findDuplicate, similarNames } from '../../../api/imports/duplicates.ts';
import { metresBetween } from '../../../core/geo.ts';

const known = { ref: "l'initiative publiée epn-jumet", name: 'EPN de Jumet', street: 'Rue de Gosselies 5', postcode: '6040', lat: 50.443, lng: 4.43 };

describe('findDuplicate', () => {
  it.each([
    [
      'the same name and address, written differently',
      { name: 'epn de JUMET', street: 'rue de Gosselies, 5', postcode: '6040', lat: 50.45, lng: 4.44 },
      'same_name_and_address',
    ],
    [
      'a similar name within 50 m',
      { name: 'Espace EPN de Jumet', street: 'Place du Ballon 1', postcode: '6040', lat: 50.4432, lng: 4.4302 },
      'near_with_similar_name',
    ],
    ['a name with a typo within 50 m', { name: 'EPN de Jumett', street: 'x', postcode: '6040', lat: 50.443, lng: 4.43 }, 'near_with_similar_name'],
  ])('finds %s', (_case, candidate, why) => {
    expect(findDuplicate(candidate, [known])).toMatchObject({ of: known, why });
  });

  it.each([
    ['a similar name 200 m away', { name: 'EPN de Jumet', street: 'Rue Neuve 1', postcode: '6040', lat: 50.4448, lng: 4.43 }],
    ['another name at the same place', { name: 'Permanence du CPAS', street: 'Rue de Gosselies 5', postcode: '6040', lat: 50.443, lng: 4.43 }],
    ['the same name at another address far away', { name: 'EPN de Jumet', street: 'Rue de Gosselies 5', postcode: '6041', lat: 50.47, lng: 4.43 }],
  ])('does not flag %s', (_case, candidate) => {
    expect(findDuplicate(candidate, [known])).toBeUndefined();
  });
});

describe('helpers', () => {
  it('measures metres on the ground', () => {
    expect(Math.round(metresBetween({ lat: 50.443, lng: 4.43 }, { lat: 50.4448, lng: 4.43 }))).toBe(200);
  });
  it('compares names without accents, case or small words', () => {
    expect(similarNames('Café numérique de Gilly', 'cafe numerique Gilly')).toBe(true);
    expect(similarNames('Café numérique de Gilly', 'Repair café de Gilly')).toBe(false);
  });
});
