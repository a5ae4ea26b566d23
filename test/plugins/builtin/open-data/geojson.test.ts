import { describe, expect, it } from 'vitest';
import type { Initiative } from '../../../../core/model/index.ts';
import { geojsonExporter } from '../../../../plugins/builtin/open-data/geojson.ts';
import { exportContext, variantOfPermanence } from '../../../fixtures/open-data/initiatives.ts';
import { fixtureModel } from '../../../helpers/content.ts';

const model = fixtureModel();
const context = exportContext(model, '2027-01-05T10:00:00Z');
const permanence = variantOfPermanence(model, {});
const initiative = (changes: Partial<Initiative>): Initiative => variantOfPermanence(model, changes);

const training = initiative({
  id: 'formation-smartphone',
  name: 'Apprivoiser son smartphone',
  kind: 'formation',
  hours: 'Tu 09:00-12:00',
  period: { start: '2027-03-16', end: '2027-03-30' },
  address: { street: 'Place Saint-Fiacre 1', postcode: '6200', locality: 'Châtelet', commune: 'chatelet' },
  geo: { lat: 50.405, lng: 4.526 },
  contact: { phone: '071 12 34 56', email: 'contact@exemple.be' },
});
const archived = initiative({ id: 'ancienne-permanence', status: 'archived' });

interface GeoJsonDocument {
  type: string;
  features: { type: string; id: unknown; geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> | null }[];
  [member: string]: unknown;
}
const exportJson = (list: Initiative[]) => JSON.parse(geojsonExporter.export(list, context)) as GeoJsonDocument;

describe('GeoJSON export', () => {
  it('describes itself as the contract asks', () => {
    expect(geojsonExporter).toMatchObject({ format: 'geojson', fileName: 'initiatives.geojson', contentType: 'application/geo+json; charset=utf-8' });
  });

  it('is an RFC 7946 FeatureCollection of Points in [longitude, latitude] order', () => {
    const doc = exportJson([permanence, training]);
    expect(doc.type).toBe('FeatureCollection');
    expect(doc).not.toHaveProperty('crs'); // removed by RFC 7946 (§4): WGS 84 is implied
    expect(doc.features).toHaveLength(2);
    for (const f of doc.features) {
      expect(f.type).toBe('Feature');
      expect(['string', 'number']).toContain(typeof f.id);
      expect(f.geometry.type).toBe('Point');
      const coordinates = f.geometry.coordinates as number[];
      expect(coordinates).toHaveLength(2);
      const [lng, lat] = coordinates;
      expect(lng).toBeGreaterThanOrEqual(-180);
      expect(lng).toBeLessThanOrEqual(180);
      expect(lat).toBeGreaterThanOrEqual(-90);
      expect(lat).toBeLessThanOrEqual(90);
      expect(typeof f.properties).toBe('object');
    }
    const byId = new Map(doc.features.map((f) => [f.id, f]));
    expect(byId.get('permanence-marcinelle')?.geometry.coordinates).toEqual([4.4335, 50.3889]);
    expect(byId.get('formation-smartphone')?.geometry.coordinates).toEqual([4.526, 50.405]);
  });

  it('carries the public fields, with French labels and the page address', () => {
    const f = exportJson([training]).features[0]!;
    expect(f.id).toBe('formation-smartphone');
    expect(f.properties).toEqual({
      name: 'Apprivoiser son smartphone',
      kind: 'formation',
      kind_label: 'Formation',
      summary: permanence.summary,
      organisation: 'Ville de Charleroi',
      street: 'Place Saint-Fiacre 1',
      postcode: '6200',
      locality: 'Châtelet',
      commune: 'chatelet',
      commune_name: 'Châtelet',
      address: 'Place Saint-Fiacre 1, 6200 Châtelet',
      hours: 'Tu 09:00-12:00',
      phone: '071 12 34 56',
      email: 'contact@exemple.be',
      website: null,
      services: ['Aide aux démarches administratives'],
      cost: 'Gratuit',
      period_start: '2027-03-16',
      period_end: '2027-03-30',
      url: 'https://passerelle.example/annuaire/formation-smartphone',
      updated: '2026-11-20',
    });
  });

  it('says where the data comes from and under which licence', () => {
    const doc = exportJson([permanence]);
    expect(doc.licence).toEqual({ name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' });
    expect(doc.source).toBe('https://passerelle.example');
    expect(doc.generated_at).toBe('2027-01-05T10:00:00.000Z');
  });

  it('skips archived initiatives and an empty directory gives an empty collection', () => {
    expect(exportJson([permanence, archived]).features.map((f) => f.id)).toEqual(['permanence-marcinelle']);
    expect(exportJson([]).features).toEqual([]);
  });

  it('gives the same bytes for the same input, whatever its order', () => {
    const first = geojsonExporter.export([permanence, training], context);
    expect(geojsonExporter.export([training, permanence], context)).toBe(first);
    expect(geojsonExporter.export([permanence, training], context)).toBe(first);
  });

  it('never writes the submission reference nor anything of the submitter', () => {
    const submitted = initiative({ id: 'proposee-par-le-public', source: { origin: 'moderation', submission: 'sub_SECRET' } });
    const text = geojsonExporter.export([submitted, training], context);
    expect(text).not.toContain('sub_SECRET');
    expect(text).not.toContain('moderation');
  });
});
