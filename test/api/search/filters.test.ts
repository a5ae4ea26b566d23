// Step 3 of a search, without Meilisearch: the exact filter string for each parameter, and
// the guard where the string is written: a value that is not an allowed slug, a server-made
// id or a finite number never gets in, even when a caller skipped the checks of step 1.
import { describe, expect, it } from 'vitest';
import { buildFilter, openAmongFilter, UnsafeFilterValue } from '../../../api/search/filters.ts';
import { allowedValues } from '../../../api/search/query.ts';
import { fixtureModel } from '../../helpers/content.ts';

const allowed = allowedValues(fixtureModel());
// 10:02 in Brussels: slot = floor(epoch ms / 5 min).
const now = new Date('2026-12-21T10:02:00+01:00');
const slot = Math.floor(now.getTime() / 300_000);
const marcinelle = { label: '6001 Marcinelle', lat: 50.396, lng: 4.437 };

describe('buildFilter', () => {
  it('keeps only active places when nothing is chosen', () => {
    expect(buildFilter({}, undefined, now, allowed)).toEqual(['status = "active"']);
  });

  it('writes each chosen value quoted, under its index field, in a fixed order', () => {
    expect(
      buildFilter(
        { commune: ['charleroi', 'chatelet'], public: ['seniors'], service: ['aide-demarches-administratives'], kind: ['epn', 'wifi'], openNow: true },
        undefined,
        now,
        allowed,
      ),
    ).toEqual([
      'status = "active"',
      'kind IN ["epn", "wifi"]',
      'services IN ["aide-demarches-administratives"]',
      'publics IN ["seniors"]',
      'commune IN ["charleroi", "chatelet"]',
      `openSlots = ${slot}`,
    ]);
  });

  it('bounds by a radius in whole metres around the point, and only around a point', () => {
    expect(buildFilter({ radiusKm: 2.5004 }, marcinelle, now, allowed)).toEqual(['status = "active"', '_geoRadius(50.396, 4.437, 2500)']);
    expect(buildFilter({ radiusKm: 2 }, undefined, now, allowed)).toEqual(['status = "active"']);
    expect(buildFilter({}, marcinelle, now, allowed)).toEqual(['status = "active"']);
  });

  it.each([
    ['an injection in a filter value', { service: ['x" OR kind = "wifi'] }, undefined],
    ['a good value with a bad one', { kind: ['epn', 'wifi" OR status = "archived'] }, undefined],
    ['a slug of another vocabulary', { public: ['epn'] }, undefined],
    ['an unknown commune', { commune: ['paris'] }, undefined],
    ['a radius that is not finite', { radiusKm: Number.POSITIVE_INFINITY }, marcinelle],
    ['a point that is not finite', { radiusKm: 2 }, { label: 'x', lat: Number.POSITIVE_INFINITY, lng: 4.4 }],
  ])('refuses %s (never writes it)', (_what, query, near) => {
    expect(() => buildFilter(query, near, now, allowed)).toThrow(UnsafeFilterValue);
  });
});

describe('openAmongFilter', () => {
  it('asks which of the given initiatives are open in the current slot', () => {
    expect(openAmongFilter(['permanence-marcinelle', 'epn-2'], now)).toEqual([`openSlots = ${slot}`, 'id IN ["permanence-marcinelle", "epn-2"]']);
  });

  it('refuses an id that is not an initiative identifier', () => {
    expect(() => openAmongFilter(['permanence-marcinelle', 'x" OR status = "archived'], now)).toThrow(UnsafeFilterValue);
    expect(() => openAmongFilter(['Majuscules'], now)).toThrow(UnsafeFilterValue);
  });
});
