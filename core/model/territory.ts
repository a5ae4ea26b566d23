// The territory: communes of Charleroi Métropole, their sections and postcodes, with
// approximate centroids, read from content/territory/communes.yml. Used to check
// addresses and coordinates and to turn a postcode or a place name into a point.
import path from 'node:path';
import * as z from 'zod';
import { toProblems } from '../field-errors.ts';
import { ContentError, displayPath, readYamlFile } from './yaml-file.ts';

const sectionSchema = z
  .object({
    postcode: z.string().regex(/^\d{4}$/, 'un code postal belge a 4 chiffres, entre guillemets'),
    name: z.string().min(1),
    lat: z.number(),
    lng: z.number(),
    approximate: z.boolean(),
  })
  .strict();

/** Where a commune's name points when typed alone (Charleroi: its centre, not the mean of 15 sections). */
const centreSchema = z.object({ lat: z.number(), lng: z.number(), approximate: z.boolean() }).strict();

const fileSchema = z
  .object({
    bbox: z.object({ south: z.number(), west: z.number(), north: z.number(), east: z.number() }).strict(),
    communes: z
      .array(
        z
          .object({ slug: z.string().regex(/^[a-z0-9-]+$/), name: z.string().min(1), centre: centreSchema.optional(), sections: z.array(sectionSchema).min(1) })
          .strict(),
      )
      .min(1),
  })
  .strict();

export type BBox = z.infer<typeof fileSchema>['bbox'];
export interface Section extends z.infer<typeof sectionSchema> {
  commune: string;
  communeName: string;
}
export interface Commune {
  slug: string;
  name: string;
  sections: Section[];
  /** Mean of the sections' centroids (approximate). */
  lat: number;
  lng: number;
  /** The commune's centre when the file gives one (approximate). */
  centre?: { lat: number; lng: number; approximate: boolean };
}

export interface Territory {
  bbox: BBox;
  communes: Commune[];
  sections: Section[];
  commune(slug: string): Commune | undefined;
  contains(lat: number, lng: number): boolean;
  sectionsByPostcode(postcode: string): Section[];
}

export { normalizeName } from '../text.ts';

export function loadTerritory(territoryDir: string): Territory {
  const file = path.join(territoryDir, 'communes.yml');
  const parsed = fileSchema.safeParse(readYamlFile(file));
  if (!parsed.success) {
    throw new ContentError(displayPath(file), toProblems(parsed.error.issues));
  }
  const { bbox } = parsed.data;
  const contains = (lat: number, lng: number) => lat >= bbox.south && lat <= bbox.north && lng >= bbox.west && lng <= bbox.east;
  const problems: { path: string; message: string }[] = [];
  const communes: Commune[] = parsed.data.communes.map((c, ci) => {
    const sections = c.sections.map((s, si) => {
      if (!contains(s.lat, s.lng)) problems.push({ path: `communes.${ci}.sections.${si}`, message: `${s.name} est hors du cadre \`bbox\`.` });
      return { ...s, commune: c.slug, communeName: c.name };
    });
    const mean = (k: 'lat' | 'lng') => Number((sections.reduce((a, s) => a + s[k], 0) / sections.length).toFixed(4));
    if (c.centre && !contains(c.centre.lat, c.centre.lng))
      problems.push({ path: `communes.${ci}.centre`, message: `le centre de ${c.name} est hors du cadre \`bbox\`.` });
    return { slug: c.slug, name: c.name, sections, lat: mean('lat'), lng: mean('lng'), ...(c.centre ? { centre: c.centre } : {}) };
  });
  const bySlug = new Map(communes.map((c) => [c.slug, c]));
  if (bySlug.size !== communes.length) problems.push({ path: 'communes', message: 'un slug de commune est en double.' });
  if (problems.length) throw new ContentError(displayPath(file), problems);
  const sections = communes.flatMap((c) => c.sections);
  return {
    bbox,
    communes,
    sections,
    commune: (slug) => bySlug.get(slug),
    contains,
    sectionsByPostcode: (postcode) => sections.filter((s) => s.postcode === postcode),
  };
}
