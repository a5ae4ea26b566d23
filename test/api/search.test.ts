// /api/search on a real Meilisearch started by the test: typo-tolerant names, postcodes
// ranked by distance, facet counts, exact "open now" at a fixed clock, whitelisted filters,
// content sync by hash, atomic rebuild, and a clear 503 when Meilisearch is gone. Each test
// leaves the shared index and content as it found them (the outage has its own stack), so
// any one of them can run alone or in another order.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeiliClient, createMeiliPost } from '../../api/search/meili-client.ts';
import { indexNames, SearchStore } from '../../api/search/search-store.ts';
import { createSearchService, type SearchResult } from '../../api/search/service.ts';
import { isOpenAt, loadContentModel, loadInitiatives, readInitiativeFile, resolvePaths, writeInitiativeFile } from '../../core/model/index.ts';
import { tempContent } from '../helpers/content.ts';
import { type SearchStack, startSearchStack } from '../helpers/search-stack.ts';
import { getJson } from '../helpers/server.ts';

let env: ReturnType<typeof tempContent>;
let stack: SearchStack;

type Answer = SearchResult & { error?: { code: string; message: string; fields?: Record<string, string> } };

const searchOn = async (url: string, query: string) => {
  const { status, body, headers } = await getJson(`${url}/api/search?${query}`);
  return { status, body: body as Answer, headers };
};
const search = (query: string) => searchOn(stack.url, query);

beforeAll(async () => {
  env = tempContent(resolvePaths({}).content);
  stack = await startSearchStack(env.paths);
});

afterAll(async () => {
  await stack?.close();
  env?.cleanup();
});

describe('finding places', () => {
  it('forgives a typo in a section name: "marcinele" finds Marcinelle places first', async () => {
    const { status, body, headers } = await search('q=marcinele');
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
    expect(body.hits.length).toBeGreaterThanOrEqual(3);
    for (const hit of body.hits.slice(0, 3)) expect(hit.address.locality).toBe('Marcinelle');
  });

  it('ranks places by distance from a postcode: 6043 starts with Ransart', async () => {
    const { body } = await search('near=6043&limit=10');
    expect(body.near?.label).toContain('Ransart');
    expect(body.hits[0]!.address.postcode).toBe('6043');
    const distances = body.hits.map((h) => h.distanceKm!);
    expect(distances.every((d) => typeof d === 'number')).toBe(true);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
  });

  it('accepts a commune name with accents, case and a typo forgiven', async () => {
    for (const near of ['chatelet', 'CHÂTELET', 'chatelett']) {
      const { status, body } = await search(`near=${encodeURIComponent(near)}&limit=1`);
      expect(status, near).toBe(200);
      expect(body.near?.label).toBe('Châtelet');
    }
  });

  it('bounds results with radiusKm', async () => {
    const { body } = await search('near=6001&radiusKm=2&limit=50');
    expect(body.hits.length).toBeGreaterThan(0);
    expect(body.hits.length).toBe(body.total);
    for (const h of body.hits) expect(h.distanceKm).toBeLessThanOrEqual(2);
    const unbounded = await search('near=6001&limit=50');
    expect(unbounded.body.total).toBeGreaterThan(body.total);
    expect(unbounded.body.hits.some((h) => h.distanceKm !== undefined && h.distanceKm > 2)).toBe(true);
  });

  it('counts facets exactly as the content says', async () => {
    const model = loadContentModel(env.paths);
    const active = loadInitiatives(model, env.paths.initiatives).initiatives.filter((i) => i.status === 'active');
    const { body } = await search('limit=1');
    expect(body.total).toBe(active.length);
    const expected = new Map<string, number>();
    for (const i of active) expected.set(i.kind, (expected.get(i.kind) ?? 0) + 1);
    expect(Object.fromEntries(body.facets.kind.map((f) => [f.value, f.count]))).toEqual(Object.fromEntries(expected));
    const wifi = await search('kind=wifi&commune=charleroi&limit=50');
    expect(wifi.body.total).toBe(active.filter((i) => i.kind === 'wifi' && i.address.commune === 'charleroi').length);
  });

  it('lands an aidant on the itsme guide: "its me activer" with scope=all', async () => {
    const { body } = await search('q=its%20me%20activer&scope=all');
    expect(body.docs?.[0]?.url).toContain('/guides/identite-securite/itsme-installer-activer');
  });
});

describe('refusing what is not a known value', () => {
  it.each([
    ['an unknown service', 'service=cuisine', 'service'],
    ['a filter injection', `service=${encodeURIComponent('x" OR kind = "wifi')}`, 'service'],
    ['an injection in kind', `kind=${encodeURIComponent('wifi" OR status = "archived')}`, 'kind'],
    ['an unknown commune', 'commune=paris', 'commune'],
    ['a non-numeric latitude', 'lat=abc&lng=4.4', 'lat'],
    ['lat without lng', 'lat=50.4', 'lng'],
    ['an unknown parameter', 'foo=bar', 'foo'],
    ['a limit too high', 'limit=500', 'limit'],
  ])('rejects %s with 400 and the field', async (_what, query, field) => {
    const { status, body } = await search(query);
    expect(status).toBe(400);
    expect(body.error?.code).toBe('invalid_query');
    expect(body.error?.fields?.[field]).toBeTruthy();
  });

  it('rejects an unknown place and suggests close ones', async () => {
    const { status, body } = await search('near=mont');
    expect(status).toBe(400);
    expect(body.error?.code).toBe('unknown_place');
    expect(body.error?.message).toContain('Mont-sur-Marchienne');
    expect(body.error?.fields?.near).toBeTruthy();
    const far = await search('near=Bruxelles');
    expect(far.status).toBe(400);
    expect(far.body.error?.message).toMatch(/code postal/);
    expect((await search('near=6999')).status).toBe(400);
  });
});

describe('keeping the index in line with content/', () => {
  it('sends nothing for an unchanged tree, then reflects a change and a deletion', async () => {
    const runtime = stack.server.search!;
    const again = await runtime.sync();
    expect(again?.sent).toBe(0);

    const model = loadContentModel(env.paths);
    const file = path.join(env.paths.initiatives, 'epn-de-la-bibliotheque-de-marcinelle.yml');
    const current = readInitiativeFile(model, file);
    try {
      writeInitiativeFile(env.paths.initiatives, { ...current, name: 'Espace Zéphyrin de Marcinelle' });
      const changed = await runtime.sync();
      expect(changed?.initiatives).toMatchObject({ updated: 1, added: 0, deleted: 0 });
      expect((await search('q=zephyrin')).body.hits[0]?.id).toBe(current.id);

      fs.rmSync(file);
      const removed = await runtime.sync();
      expect(removed?.initiatives.deleted).toBe(1);
      expect((await search('q=zephyrin')).body.hits).toEqual([]);
    } finally {
      writeInitiativeFile(env.paths.initiatives, current);
      await runtime.sync();
    }
    expect((await search('q=zephyrin')).body.hits).toEqual([]);
    expect((await runtime.sync())?.sent).toBe(0);
  });

  it('rebuilds atomically: queries during a rebuild never see a partial index', async () => {
    const model = loadContentModel(env.paths);
    const expected = (await search('limit=1')).body.total;
    let rebuilding = true;
    const seen: number[] = [];
    const watcher = (async () => {
      while (rebuilding) seen.push((await search('limit=1')).body.total);
    })();
    await stack.server.search!.store.rebuild(model);
    rebuilding = false;
    await watcher;
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set([expected]));
    expect((await stack.server.search!.sync())?.sent).toBe(0);
  });
});

describe('after an approval', () => {
  it('an upserted initiative becomes searchable, and leaves the results once archived', async () => {
    const model = loadContentModel(env.paths);
    const base = readInitiativeFile(model, path.join(env.paths.initiatives, 'permanence-aide-numerique-de-marcinelle.yml'));
    const store = stack.server.search!.store;
    const quokka = { ...base, id: 'atelier-quokka', name: 'Atelier Quokka de Marcinelle' };
    const firstId = async () => (await search('q=quokka')).body.hits[0]?.id;
    // How fast is for the benchmark (scripts/bench/); here only "it gets there".
    try {
      expect(await firstId()).toBeUndefined();
      await store.upsertInitiative(model, quokka);
      await expect.poll(firstId, { timeout: 15_000 }).toBe('atelier-quokka');
      await store.upsertInitiative(model, { ...quokka, status: 'archived' });
      await expect.poll(firstId, { timeout: 15_000 }).toBeUndefined();
    } finally {
      await store.upsertInitiative(model, { ...quokka, status: 'archived' });
    }
  });
});

describe('open now, at a fixed clock', () => {
  it('returns exactly the places open at that time, holidays and exceptions included', async () => {
    const fixture = tempContent();
    try {
      const model = loadContentModel(fixture.paths);
      const base = readInitiativeFile(model, path.join(fixture.paths.initiatives, 'permanence-marcinelle.yml'));
      const variants = [
        ['matins-semaine', 'Mo-Fr 09:00-12:00'],
        ['matins-sauf-feries', 'Mo-Fr 09:00-12:00; PH off'],
        ['apres-midi', 'Mo-Fr 13:30-16:00'],
        ['ferme-le-24', 'Mo-Fr 09:00-12:00; 2026 Dec 24 off'],
        ['tous-les-jours', '24/7'],
      ] as const;
      for (const [id, hours] of variants) writeInitiativeFile(fixture.paths.initiatives, { ...base, id, name: `Lieu ${id}`, hours });
      const client = createMeiliClient(stack.meili.host, stack.meili.apiKey);
      const names = indexNames('horloge_');
      const store = new SearchStore(client, names);
      const syncedAt = new Date('2026-12-21T08:00:00+01:00');
      await store.sync(model, syncedAt);
      const service = createSearchService(createMeiliPost(stack.meili.host, stack.meili.apiKey), names, model);
      const all = loadInitiatives(model, fixture.paths.initiatives).initiatives;
      const openCounts = new Set<number>();
      for (const at of [
        '2026-12-21T10:00:00+01:00',
        '2026-12-21T12:00:00+01:00',
        '2026-12-21T14:30:00+01:00',
        '2026-12-24T10:00:00+01:00',
        '2026-12-25T10:00:00+01:00',
        '2026-12-22T14:00:00+01:00',
        '2026-12-22T12:00:00+01:00',
        '2026-12-22T11:59:00+01:00',
      ]) {
        const now = new Date(at);
        const expected = all
          .filter((i) => i.hours && isOpenAt(i.hours, now))
          .map((i) => i.id)
          .sort();
        openCounts.add(expected.length);
        const page1 = await service.search({ openNow: 'true', limit: '2' }, now);
        expect(page1.total, at).toBe(expected.length);
        expect(page1.hits.length, at).toBe(Math.min(2, expected.length));
        const everything = await service.search({ openNow: 'true', limit: '50' }, now);
        expect(everything.hits.map((h) => h.id).sort(), at).toEqual(expected);
        expect(
          everything.hits.map((h) => h.openNow),
          at,
        ).toEqual(expected.map(() => true));
        const unfiltered = await service.search({ limit: '50' }, now);
        expect(
          unfiltered.hits
            .filter((h) => h.openNow)
            .map((h) => h.id)
            .sort(),
          at,
        ).toEqual(expected);
      }
      // The clock decides: the times above open different numbers of places, none of them zero.
      expect(openCounts.size).toBeGreaterThan(2);
      expect(openCounts.has(0)).toBe(false);
      // The same answer through `at` (the benchmark's « open now » time); none past the days the index knows.
      const tuesday = new Date('2026-12-22T10:00:00+01:00');
      const viaAt = await service.search({ openNow: 'true', limit: '50', at: '2026-12-22T10:00:00+01:00' }, syncedAt);
      expect(viaAt.hits.map((h) => h.id).sort()).toEqual(
        all
          .filter((i) => i.hours && isOpenAt(i.hours, tuesday))
          .map((i) => i.id)
          .sort(),
      );
      await expect(service.search({ openNow: 'true', at: '2027-01-10T10:00:00+01:00' }, syncedAt)).rejects.toMatchObject({
        status: 400,
        fields: { at: expect.stringContaining('at doit tomber') },
      });
    } finally {
      fixture.cleanup();
    }
  });
});

describe('when Meilisearch is gone', () => {
  // Its own Meilisearch and server (on the small fixture content): stopping it leaves the
  // other tests' stack alone.
  let fixture: ReturnType<typeof tempContent>;
  let own: SearchStack;

  beforeAll(async () => {
    fixture = tempContent();
    own = await startSearchStack(fixture.paths);
  });

  afterAll(async () => {
    await own?.close();
    fixture?.cleanup();
  });

  it('answers 503 with a clear JSON error, and health says so', async () => {
    expect((await searchOn(own.url, 'q=permanence')).status).toBe(200);
    await own.meili.stop();
    const { status, body } = await searchOn(own.url, 'q=permanence');
    expect(status).toBe(503);
    expect(body.error?.code).toBe('search_unavailable');
    expect(body.error?.message).toMatch(/recherche/i);
    const health = await getJson(`${own.url}/api/health`);
    expect(health.body).toMatchObject({ status: 'degraded', search: 'unavailable' });
  });
});
