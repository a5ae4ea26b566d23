// Which list pages the directory has and which ones a listing appears on. /annuaire is the
// entry (communes and their counts); each commune has its list, and each section of a
// commune with several (Charleroi's fifteen) has its own, PAGE_SIZE listings a page:
// /annuaire/<commune>, /annuaire/<commune>/2, /annuaire/<commune>/<section>/2… So no page
// grows with the number of listings, every listing is at most three clicks from /annuaire
// (entry → area → its page of the list → the listing), and a change re-renders only the
// pages of the areas it is in.
import path from 'node:path';
import type { ContentModel, Initiative, Section } from '../../core/model/index.ts';
import { slugify } from '../../core/model/slug.ts';
import { normalizeName } from '../../core/text.ts';
import { DIRECTORY_PATH } from '../../core/urls.ts';

export const PAGE_SIZE = 50;

export interface Area {
  /** `charleroi` or `charleroi/marcinelle`. */
  key: string;
  communeSlug: string;
  communeName: string;
  /** For a section's list: its name and postcode. */
  section?: { slug: string; name: string; postcode: string };
  /** Place name for titles: « Marcinelle », « Fleurus ». */
  name: string;
}

/** Sections by commune, worked out once a model: every listing asks on each rendering. */
const sectionsCache = new WeakMap<ContentModel, Map<string, readonly Area[]>>();

/** The sections of a commune as the directory splits it: only communes with several postcodes (Charleroi). */
export function sectionAreas(model: ContentModel, communeSlug: string): readonly Area[] {
  let byCommune = sectionsCache.get(model);
  if (!byCommune) {
    byCommune = new Map();
    sectionsCache.set(model, byCommune);
  }
  let areas = byCommune.get(communeSlug);
  if (!areas) {
    areas = splitInSections(model, communeSlug);
    byCommune.set(communeSlug, areas);
  }
  return areas;
}

function splitInSections(model: ContentModel, communeSlug: string): Area[] {
  const commune = model.territory.commune(communeSlug);
  if (!commune || new Set(commune.sections.map((s) => s.postcode)).size < 2) return [];
  return commune.sections.map((s) => ({
    key: `${commune.slug}/${slugify(s.name)}`,
    communeSlug: commune.slug,
    communeName: commune.name,
    section: { slug: slugify(s.name), name: s.name, postcode: s.postcode },
    name: s.name,
  }));
}

export function communeArea(model: ContentModel, communeSlug: string): Area | undefined {
  const commune = model.territory.commune(communeSlug);
  return commune ? { key: commune.slug, communeSlug: commune.slug, communeName: commune.name, name: commune.name } : undefined;
}

/** The section of an address: by postcode, and by locality when a postcode covers several (6030). */
export function sectionOf(model: ContentModel, address: Initiative['address']): Section | undefined {
  const candidates = model.territory.sectionsByPostcode(address.postcode).filter((s) => s.commune === address.commune);
  if (candidates.length <= 1) return candidates[0];
  const locality = normalizeName(address.locality);
  return candidates.find((s) => normalizeName(s.name) === locality) ?? candidates.find((s) => locality.includes(normalizeName(s.name))) ?? candidates[0];
}

/** The list areas a listing appears on: its commune, and its section when the commune is split. */
export function areasOf(model: ContentModel, i: Initiative): Area[] {
  const commune = communeArea(model, i.address.commune);
  if (!commune) return [];
  const sections = sectionAreas(model, i.address.commune);
  if (!sections.length) return [commune];
  const section = sectionOf(model, i.address);
  const area = section && sections.find((a) => a.section?.name === section.name);
  return area ? [commune, area] : [commune];
}

/** Active listings by area key, each listing under its commune and its section. */
export function groupByArea(model: ContentModel, initiatives: Iterable<Initiative>): Map<string, Initiative[]> {
  const groups = new Map<string, Initiative[]>();
  // Listings at one address share their areas: worked out once per commune, postcode and locality.
  const known = new Map<string, Area[]>();
  for (const i of initiatives) {
    if (i.status !== 'active') continue;
    const where = `${i.address.commune}\n${i.address.postcode}\n${i.address.locality}`;
    let areas = known.get(where);
    if (!areas) {
      areas = areasOf(model, i);
      known.set(where, areas);
    }
    for (const area of areas) {
      const list = groups.get(area.key);
      if (list) list.push(i);
      else groups.set(area.key, [i]);
    }
  }
  return groups;
}

/** `/annuaire/charleroi`, `/annuaire/charleroi/2`, `/annuaire/charleroi/marcinelle/3`. */
export function areaPath(area: Area, page = 1): string {
  return `${DIRECTORY_PATH}/${area.key}${page > 1 ? `/${page}` : ''}`;
}

/** The file of a directory path in the build: `/annuaire/x/2` → build/annuaire/x/2.html. */
export function directoryFile(buildDir: string, urlPath: string): string {
  if (urlPath === DIRECTORY_PATH) return path.join(buildDir, DIRECTORY_PATH.slice(1), 'index.html');
  if (!urlPath.startsWith(`${DIRECTORY_PATH}/`) || urlPath.includes('..')) throw new Error(`Not a directory path: ${urlPath}`);
  return path.join(buildDir, `${urlPath.slice(1)}.html`);
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Listings of an area, by kind (in the vocabulary's order) then name. */
export function sortForList(model: ContentModel, initiatives: Initiative[]): Initiative[] {
  const kindOrder = new Map(model.vocabularies.kinds.map((k, i) => [k.slug, i]));
  return [...initiatives].sort((a, b) => (kindOrder.get(a.kind) ?? 99) - (kindOrder.get(b.kind) ?? 99) || collator.compare(a.name, b.name));
}

export function pageCount(entries: number): number {
  return Math.max(1, Math.ceil(entries / PAGE_SIZE));
}
