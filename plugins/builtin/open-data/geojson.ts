// Open-data export: the directory as GeoJSON (RFC 7946), so a map tool (uMap, QGIS,
// Leaflet, a city's GIS) can show every place without knowing our model. One Point
// Feature per initiative; properties are flat where possible so GIS tools read them as
// columns. Only public fields are written: nothing from `source` (the submission
// reference), nor anything about the person who submitted an initiative.

import { initiativeUrl } from '../../../core/urls.ts';
import type { ExportContext, Exporter, PublishedInitiative } from '../../api/types.ts';

/** RFC 7946 §3.1.2: [longitude, latitude]; 6 decimals (about 10 cm) is what §11.2 suggests. */
export type Position = [number, number];

export interface PointFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: Position };
  properties: InitiativeProperties;
}

export interface InitiativeProperties {
  name: string;
  kind: string;
  kind_label: string;
  summary: string;
  organisation: string;
  street: string;
  postcode: string;
  locality: string;
  commune: string;
  commune_name: string;
  address: string;
  hours: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  services: string[];
  cost: string;
  period_start: string | null;
  period_end: string | null;
  url: string;
  updated: string;
}

export interface InitiativeCollection {
  type: 'FeatureCollection';
  /** Foreign members (RFC 7946 §6.1): where the data comes from and under which licence. */
  source: string;
  licence: { name: string; url: string };
  generated_at: string;
  features: PointFeature[];
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

function feature(i: PublishedInitiative, context: ExportContext): PointFeature {
  const { vocabularies, territory } = context.model;
  const communeName = territory.commune(i.address.commune)?.name ?? i.address.commune;
  return {
    type: 'Feature',
    id: i.id,
    geometry: { type: 'Point', coordinates: [round6(i.geo.lng), round6(i.geo.lat)] },
    properties: {
      name: i.name,
      kind: i.kind,
      kind_label: vocabularies.label('kinds', i.kind),
      summary: i.summary,
      organisation: i.organisation.name,
      street: i.address.street,
      postcode: i.address.postcode,
      locality: i.address.locality,
      commune: i.address.commune,
      commune_name: communeName,
      address: `${i.address.street}, ${i.address.postcode} ${i.address.locality}`,
      hours: i.hours ?? null,
      phone: i.contact?.phone ?? null,
      email: i.contact?.email ?? null,
      website: i.contact?.website ?? null,
      services: i.services.map((s) => vocabularies.label('services', s)),
      cost: vocabularies.label('costs', i.access.cost),
      period_start: i.period?.start ?? null,
      period_end: i.period?.end ?? i.period?.start ?? null,
      url: initiativeUrl(context.siteUrl, i.id),
      updated: i.updated,
    },
  };
}

export function toGeoJson(initiatives: PublishedInitiative[], context: ExportContext): InitiativeCollection {
  return {
    type: 'FeatureCollection',
    source: context.siteUrl,
    licence: { name: context.licence.name, url: context.licence.url },
    generated_at: context.generatedAt.toISOString(),
    features: initiatives
      .filter((i) => i.status === 'active')
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((i) => feature(i, context)),
  };
}

export const geojsonExporter: Exporter = {
  format: 'geojson',
  label: 'GeoJSON (carte)',
  description: 'Tous les lieux et services sur une carte : un point par initiative, à ouvrir dans uMap, QGIS ou tout outil cartographique.',
  fileName: 'initiatives.geojson',
  contentType: 'application/geo+json; charset=utf-8',
  export: (initiatives, context) => {
    // One feature per line: compact, yet readable and diffable line by line.
    const { features, ...collection } = toGeoJson(initiatives, context);
    const head = JSON.stringify(collection).slice(0, -1);
    return `${head},"features":[${features.length ? `\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n` : ''}]}\n`;
  },
};
