// Step 4 of a search: the parameters sent to Meilisearch, which places of a page are open
// now when the hits can tell (and when the index must be asked instead), and the 503 when
// Meilisearch cannot be reached (a real client against a port where nothing listens).
// The queries themselves run against a real Meilisearch in test/api/search.test.ts.
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../api/http/errors.ts';
import { initiativeDocument } from '../../../api/search/documents.ts';
import { createMeiliPost } from '../../../api/search/meili-client.ts';
import { type IndexRequest, indexRequests, openFromHits, PLACE_FIELDS, type PlaceHit, placeParams, queryIndexes } from '../../../api/search/meili-query.ts';
import { indexNames } from '../../../api/search/search-store.ts';
import { readInitiativeFile } from '../../../core/model/index.ts';
import { FIXTURE_CONTENT, fixtureModel } from '../../helpers/content.ts';

const model = fixtureModel();
const initiative = readInitiativeFile(model, path.join(FIXTURE_CONTENT, 'initiatives/permanence-marcinelle.yml'));

/** A hit as Meilisearch returns it, from the fixture (« Tu 09:00-12:00; … ») indexed on `syncedAt`. */
function hitOf(id: string, syncedAt: Date, hours?: string | null): PlaceHit {
  const doc = initiativeDocument(model, { ...initiative, id, ...(hours === undefined ? {} : { hours: hours ?? undefined }) }, syncedAt);
  return Object.fromEntries(PLACE_FIELDS.map((f) => [f, doc[f]])) as PlaceHit;
}

const tuesdayMorning = new Date('2026-12-22T08:00:00+01:00');
const at = (time: string) => new Date(`2026-12-22T${time}:00+01:00`);

describe('openFromHits', () => {
  const hits = [hitOf('mardi-matin', tuesdayMorning), hitOf('jour-et-nuit', tuesdayMorning, '24/7'), hitOf('sans-horaire', tuesdayMorning, null)];

  it("reads today's open ranges sent with the hits when the index was synced today", () => {
    expect(hits[0]?.todayOpen.length).toBe(2); // 9 h–12 h: one range, two numbers (not 36 slots)
    expect(openFromHits(hits, at('10:00'), false)).toEqual(new Set(['mardi-matin', 'jour-et-nuit']));
    expect(openFromHits(hits, at('11:59'), false)).toEqual(new Set(['mardi-matin', 'jour-et-nuit']));
    expect(openFromHits(hits, at('12:00'), false)).toEqual(new Set(['jour-et-nuit']));
  });

  it('takes every place with hours when the filter already kept only open ones', () => {
    expect(openFromHits(hits, at('12:00'), true)).toEqual(new Set(['mardi-matin', 'jour-et-nuit']));
  });

  it('gives nothing to read when the slots are from another day (the index must be asked)', () => {
    expect(openFromHits(hits, new Date('2026-12-23T10:00:00+01:00'), false)).toBeUndefined();
    expect(openFromHits([hitOf('sans-horaire', new Date('2026-12-20T08:00:00+01:00'), null)], at('10:00'), false)).toEqual(new Set());
    expect(openFromHits([], at('10:00'), false)).toEqual(new Set());
  });
});

describe('placeParams', () => {
  const request: IndexRequest = { q: 'wifi', filter: ['status = "active"'], page: 2, limit: 10, openNow: false, withSections: false, matchingStrategy: 'all' };

  it('asks one page with the facets and only the fields the answer needs', () => {
    expect(placeParams(request)).toEqual({
      q: 'wifi',
      filter: ['status = "active"'],
      hitsPerPage: 10,
      page: 2,
      facets: ['kind', 'services', 'publics', 'commune'],
      attributesToRetrieve: [...PLACE_FIELDS],
      matchingStrategy: 'all',
    });
    expect(PLACE_FIELDS).not.toContain('openSlots');
    expect(PLACE_FIELDS).not.toContain('hours');
    expect(PLACE_FIELDS).not.toContain('formes');
  });

  it('sends places and guide sections in one multi-search for scope=all', () => {
    const names = indexNames('x_');
    expect(indexRequests(names, request).path).toBe('/indexes/x_initiatives/search');
    const both = indexRequests(names, { ...request, withSections: true, docsQ: 'install wifi' });
    expect(both.path).toBe('/multi-search');
    expect(both.body.queries).toMatchObject([
      { indexUid: 'x_initiatives', q: 'wifi' },
      { indexUid: 'x_docs', q: 'install wifi' },
    ]);
  });

  it('sorts nearest first around a point', () => {
    expect(placeParams({ ...request, near: { label: 'x', lat: 50.4, lng: 4.44 } }).sort).toEqual(['_geoPoint(50.4, 4.44):asc']);
  });
});

describe('queryIndexes', () => {
  it('answers 503 search_unavailable when Meilisearch cannot be reached', async () => {
    const port = await closedPort();
    const post = createMeiliPost(`http://127.0.0.1:${port}`, 'key', 2_000);
    const request: IndexRequest = { q: '', filter: ['status = "active"'], page: 1, limit: 20, openNow: false, withSections: true, matchingStrategy: 'all' };
    const error = await queryIndexes(post, indexNames('absent_'), request, new Date()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 503, code: 'search_unavailable', message: expect.stringMatching(/^La recherche ne répond pas/) });
  });
});

/** A port on 127.0.0.1 that was free a moment ago and where nothing listens now. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
