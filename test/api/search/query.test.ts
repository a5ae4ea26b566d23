// Step 1 of a search, without Meilisearch: what a query string becomes, and the 400
// answers (code, message and every field) for what is malformed or unknown. The texts are
// pinned: they are what a person reads.
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../api/http/errors.ts';
import { allowedValues, parseSearchQuery } from '../../../api/search/query.ts';
import { fixtureModel } from '../../helpers/content.ts';

const allowed = allowedValues(fixtureModel());

/** The HttpError a query raises (fails when it raises nothing, or something else). */
function refusal(raw: unknown): Pick<HttpError, 'status' | 'code' | 'message' | 'fields'> {
  try {
    parseSearchQuery(raw, allowed);
  } catch (e) {
    if (!(e instanceof HttpError)) throw e;
    return { status: e.status, code: e.code, message: e.message, fields: e.fields };
  }
  throw new Error(`${JSON.stringify(raw)} was accepted`);
}

describe('parseSearchQuery', () => {
  it('reads strings and repeated parameters into typed values', () => {
    expect(
      parseSearchQuery(
        {
          q: 'itsme',
          near: ' 6001 ',
          radiusKm: '2.5',
          kind: 'epn',
          service: ['aide-demarches-administratives'],
          commune: ['charleroi', 'chatelet'],
          openNow: '1',
          page: '2',
          limit: '10',
          scope: 'all',
        },
        allowed,
      ),
    ).toEqual({
      q: 'itsme',
      near: '6001',
      radiusKm: 2.5,
      kind: ['epn'],
      service: ['aide-demarches-administratives'],
      commune: ['charleroi', 'chatelet'],
      openNow: true,
      page: 2,
      limit: 10,
      scope: 'all',
    });
    expect(parseSearchQuery({ lat: '50.41', lng: '-4.4', openNow: 'false' }, allowed)).toEqual({ lat: 50.41, lng: -4.4, openNow: false });
    expect(parseSearchQuery({}, allowed)).toEqual({});
  });

  const PARAMETERS = 'q, near, lat, lng, radiusKm, kind, service, public, commune, openNow, page, limit, scope, at';
  const KINDS = 'epn, permanence, formation, wifi, materiel, accompagnement, evenement';
  const SERVICES = 'aide-demarches-administratives, acces-internet-materiel, formation-aidants';

  it.each([
    ['a word as a number', { lat: 'abc', lng: '4.4' }, { lat: 'lat doit être un nombre.' }],
    ['a number out of bounds', { limit: '500', page: '0' }, { limit: 'limit doit valoir au plus 50.', page: 'page doit valoir au moins 1.' }],
    ['a number in exponent form', { radiusKm: '1e3' }, { radiusKm: 'radiusKm doit être un nombre.' }],
    ['a fractional page', { page: '1.5' }, { page: 'page doit être un nombre entier.' }],
    ['an unknown parameter', { foo: 'bar', kind: 'epn' }, { foo: `Paramètre inconnu. Paramètres possibles : ${PARAMETERS}.` }],
    ['a scope that does not exist', { scope: 'everything' }, { scope: 'scope vaut « places » ou « all ».' }],
    ['a boolean written otherwise', { openNow: 'yes' }, { openNow: 'openNow vaut true ou false.' }],
    ['a parameter given twice', { q: ['a', 'b'], limit: ['1', '2'] }, { q: 'q se donne une seule fois.', limit: 'limit se donne une seule fois.' }],
    ['an empty place', { near: '  ' }, { near: 'Le lieu est vide : tapez un code postal ou une commune.' }],
    ['a filter that is not text', { kind: { a: 'b' } }, { kind: 'kind attend un texte.' }],
    ['a text too long', { q: 'x'.repeat(201) }, { q: 'La recherche est trop longue (200 caractères au plus).' }],
    [
      'a time without its offset',
      { at: '2026-12-21T10:00:00' },
      { at: 'at est une date et une heure ISO 8601 avec son fuseau, par exemple 2026-12-21T10:00:00+01:00.' },
    ],
  ])('refuses %s as an invalid parameter', (_what, raw, fields) => {
    expect(refusal(raw)).toEqual({ status: 400, code: 'invalid_query', message: 'La recherche contient un paramètre invalide.', fields });
  });

  it.each([
    ['an unknown service', { service: 'cuisine' }, { service: `Valeur inconnue : « cuisine ». Valeurs possibles : ${SERVICES}.` }],
    ['a filter injection', { service: 'x" OR kind = "wifi' }, { service: `Valeur inconnue : « x" OR kind = "wifi ». Valeurs possibles : ${SERVICES}.` }],
    [
      'an injection among good values',
      { kind: ['epn', 'wifi" OR status = "archived'] },
      { kind: `Valeur inconnue : « wifi" OR status = "archived ». Valeurs possibles : ${KINDS}.` },
    ],
    ['an unknown commune', { commune: ['charleroi', 'paris'] }, { commune: 'Commune inconnue : « paris ».' }],
    [
      'a very long unknown value, cut',
      { public: 'p'.repeat(100) },
      { public: `Valeur inconnue : « ${'p'.repeat(40)} ». Valeurs possibles : seniors, tout-public.` },
    ],
    ['lat without lng', { lat: '50.4' }, { lng: 'lat et lng vont ensemble : donnez les deux.' }],
    ['lng without lat', { lng: '4.4' }, { lat: 'lat et lng vont ensemble : donnez les deux.' }],
    ['a place and a position', { near: '6000', lat: '50.4', lng: '4.4' }, { near: 'Donnez soit near, soit lat et lng, pas les deux.' }],
    [
      'several wrong values at once',
      { kind: 'bus', public: 'martiens', commune: 'paris', lng: '4.4' },
      {
        kind: `Valeur inconnue : « bus ». Valeurs possibles : ${KINDS}.`,
        public: 'Valeur inconnue : « martiens ». Valeurs possibles : seniors, tout-public.',
        commune: 'Commune inconnue : « paris ».',
        lat: 'lat et lng vont ensemble : donnez les deux.',
      },
    ],
  ])('refuses %s as an unknown value', (_what, raw, fields) => {
    expect(refusal(raw)).toEqual({ status: 400, code: 'invalid_query', message: 'La recherche contient une valeur inconnue.', fields });
  });

  it('checks the shape before the values: a malformed query says only what is malformed', () => {
    expect(refusal({ service: 'cuisine', limit: 'beaucoup' }).fields).toEqual({ limit: 'limit doit être un nombre.' });
  });
});
