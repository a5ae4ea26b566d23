// GET /api/search: what the API answers, shared by the API, the site's scripts and pages.

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export interface SearchHit {
  id: string;
  name: string;
  kind: string;
  kindLabel: string;
  summary: string;
  address: { street: string; postcode: string; locality: string; commune: string; communeName: string };
  geo: { lat: number; lng: number };
  distanceKm?: number;
  openNow: boolean | null;
  /** Today's hours in words (« 9 h à 12 h »), « Fermé aujourd'hui », or null without hours. */
  todayHours: string | null;
  /** Temporarily closed: the sentence to show (« Fermé temporairement jusqu'au … inclus : travaux. »). */
  closure?: string;
  url: string;
  demo: boolean;
}

export interface DocHit {
  title: string;
  section: string;
  url: string;
  excerpt: string;
  source: 'guides' | 'formation';
}

export type FacetName = 'kind' | 'service' | 'public' | 'commune';

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  page: number;
  limit: number;
  facets: Record<FacetName, FacetValue[]>;
  /** The place understood; `alternatives`: the other sections a shared postcode could mean. */
  near?: { label: string; lat: number; lng: number; alternatives?: string[] };
  docs?: DocHit[];
  /** No place had every word: these have most of them (the page says so). */
  partial?: boolean;
}
