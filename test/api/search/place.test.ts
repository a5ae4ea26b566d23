// Step 2 of a search, without Meilisearch: a postcode, a section or a commune typed by a
// citizen becomes a point of the (fixture) territory; what is not found gets a plain-French
// 400 with close matches to try; a position is used as given.
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../api/http/errors.ts';
import { OWN_POSITION, resolvePlace } from '../../../api/search/place.ts';
import { fixtureModel } from '../../helpers/content.ts';

const territory = fixtureModel().territory;
const POSTCODE_HINT = 'Vous pouvez aussi taper un code postal de Charleroi Métropole, par exemple 6000.';

function refusal(near: string): HttpError {
  try {
    resolvePlace({ near }, territory);
  } catch (e) {
    if (e instanceof HttpError) return e;
    throw e;
  }
  throw new Error(`« ${near} » was found`);
}

describe('resolvePlace', () => {
  it.each([
    ['a postcode', '6001', { label: '6001 Marcinelle', lat: 50.396, lng: 4.437 }],
    ['a section with a typo', 'marcinele', { label: 'Marcinelle (Charleroi)', lat: 50.396, lng: 4.437 }],
    ['a commune in capitals with an accent', 'CHÂTELET', { label: 'Châtelet', lat: 50.405, lng: 4.526 }],
  ])('finds %s', (_what, near, point) => {
    expect(resolvePlace({ near }, territory)).toEqual(point);
  });

  it('uses a position as given, under its own label', () => {
    expect(resolvePlace({ lat: 50.41, lng: 4.44 }, territory)).toEqual({ label: OWN_POSITION, lat: 50.41, lng: 4.44 });
    expect(resolvePlace({ lat: 0, lng: 0 }, territory)).toEqual({ label: OWN_POSITION, lat: 0, lng: 0 });
  });

  it('has no point without near or a whole position', () => {
    expect(resolvePlace({}, territory)).toBeUndefined();
    expect(resolvePlace({ lat: 50.41 }, territory)).toBeUndefined();
  });

  it('refuses an unknown postcode and suggests the close ones', () => {
    const e = refusal('6002');
    expect({ status: e.status, code: e.code, message: e.message, fields: e.fields }).toEqual({
      status: 400,
      code: 'unknown_place',
      message: `Nous ne trouvons pas « 6002 ». Vouliez-vous dire : 6000, 6001 ? ${POSTCODE_HINT}`,
      fields: { near: `Lieu inconnu. Vouliez-vous dire : 6000, 6001 ? ${POSTCODE_HINT}` },
    });
  });

  it('refuses a place outside the territory with the postcode hint only', () => {
    const e = refusal('Bruxelles');
    expect(e.message).toBe(`Nous ne trouvons pas « Bruxelles ». ${POSTCODE_HINT}`);
    expect(e.fields).toEqual({ near: `Lieu inconnu. ${POSTCODE_HINT}` });
  });

  it('quotes at most 60 characters of what was typed', () => {
    expect(refusal(`${'z'.repeat(60)}TAIL`).message).toBe(`Nous ne trouvons pas « ${'z'.repeat(60)} ». ${POSTCODE_HINT}`);
  });
});
