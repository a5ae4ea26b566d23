// Step 5 of a search: Meilisearch's answer in the shape of core/wire/search.ts, the one the
// site's scripts and pages read. Labels come from the vocabularies and the territory,
// distances are rounded to 100 m, facet values go most frequent first.
import { temporaryClosureText } from '../../core/hours/format.ts';
import type { ContentModel } from '../../core/model/index.ts';
import { sitePaths } from '../../core/urls.ts';
import type { DocHit, FacetValue, SearchHit, SearchResult } from '../../core/wire/search.ts';
import type { Found, PlaceHit, SectionHit } from './meili-query.ts';
import type { Near } from './place.ts';

/** Today's hours in words, « Fermé aujourd'hui », or null for a place without hours. */
export function todayHours(weekHours: readonly (string | null)[] | undefined, now: Date): string | null {
  if (!weekHours?.length) return null;
  return weekHours[(now.getDay() + 6) % 7] ?? "Fermé aujourd'hui";
}

export function toSearchHit(h: PlaceHit, openIds: ReadonlySet<string>, near: Near | undefined, now: Date): SearchHit {
  return {
    id: h.id,
    name: h.name,
    kind: h.kind,
    kindLabel: h.kindLabel,
    summary: h.summary,
    address: { street: h.street, postcode: h.postcode, locality: h.locality, commune: h.commune, communeName: h.communeName },
    geo: h._geo,
    ...(near && typeof h._geoDistance === 'number' ? { distanceKm: Math.round(h._geoDistance / 100) / 10 } : {}),
    openNow: h.hasHours ? openIds.has(h.id) : null,
    todayHours: todayHours(h.weekHours, now),
    ...(h.closure ? { closure: temporaryClosureText(h.closure.reason, h.closure.until ?? undefined) } : {}),
    url: sitePaths.initiative(h.id),
    demo: h.demo,
  };
}

export function toDocHit(h: SectionHit): DocHit {
  return { title: h.title, section: h.section, url: h.url, excerpt: h._formatted?.text ?? '', source: h.source };
}

/** A facet's values with their labels, most frequent first, then in French alphabetical order. */
export function facetValues(distribution: Record<string, number> | undefined, label: (slug: string) => string): FacetValue[] {
  return Object.entries(distribution ?? {})
    .map(([value, count]) => ({ value, label: label(value), count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'fr'));
}

export interface ResultContext {
  page: number;
  limit: number;
  near: Near | undefined;
  now: Date;
  model: ContentModel;
}

export function toSearchResult(found: Found, { page, limit, near, now, model }: ResultContext): SearchResult {
  const v = model.vocabularies;
  return {
    hits: found.hits.map((h) => toSearchHit(h, found.openIds, near, now)),
    total: found.total,
    page,
    limit,
    facets: {
      kind: facetValues(found.facets.kind, (s) => v.label('kinds', s)),
      service: facetValues(found.facets.services, (s) => v.label('services', s)),
      public: facetValues(found.facets.publics, (s) => v.label('publics', s)),
      commune: facetValues(found.facets.commune, (s) => model.territory.commune(s)?.name ?? s),
    },
    ...(near ? { near } : {}),
    ...(found.sections ? { docs: found.sections.map(toDocHit) } : {}),
  };
}
