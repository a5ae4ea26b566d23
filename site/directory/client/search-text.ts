// What the directory search says, in plain French, computed without the DOM: the status
// line after a search, a result's facts and today's hours, the options of a filter with
// their counts, the pages. Pure functions, tested in node; the page only puts them on screen.
import type { FacetValue, SearchHit, SearchResult } from '../../../core/wire/search.ts';
import type { MapPoint } from './search-map.ts';
import { isFiltered, type View } from './search-state.ts';

/** What a search answers that the page shows. */
export type Result = Pick<SearchResult, 'hits' | 'total' | 'page' | 'limit' | 'facets' | 'near' | 'partial'>;

export const SEARCHING = 'Recherche en cours…';
export const UNAVAILABLE = 'La recherche ne répond pas pour le moment. La liste complète des lieux reste disponible plus bas.';
export const CLEARED = 'La recherche est effacée. La liste complète des lieux est affichée plus bas.';

/** The label the API gives a position sent as lat+lng. */
const OWN_POSITION = 'Votre position';

const km = new Intl.NumberFormat('fr-BE', { maximumFractionDigits: 1 });

/** « Aujourd'hui : 9 h à 12 h », or the API's own « Fermé aujourd'hui ». */
export function todayText(hours: string): string {
  return /aujourd/i.test(hours) ? hours : `Aujourd'hui : ${hours}`;
}

/**
 * A hit's state in one line, said once: « Ouvert maintenant · Aujourd'hui : 9 h à 12 h »,
 * « Fermé aujourd'hui » (not « Fermé maintenant » beside it), « Fermé temporairement ».
 */
export function hitState(hit: SearchHit): { badge?: { text: string; className: 'badge-ouvert' | 'badge-ferme' }; today?: string } {
  if (hit.closure) return { badge: { text: 'Fermé temporairement', className: 'badge-ferme' } };
  const today = hit.todayHours ? todayText(hit.todayHours) : undefined;
  if (hit.openNow === true) return { badge: { text: 'Ouvert maintenant', className: 'badge-ouvert' }, ...(today ? { today } : {}) };
  if (hit.openNow === false && today && /^Fermé aujourd/i.test(today)) return { badge: { text: today, className: 'badge-ferme' } };
  if (hit.openNow === false) return { badge: { text: 'Fermé maintenant', className: 'badge-ferme' }, ...(today ? { today } : {}) };
  return today ? { today } : {};
}

/** Kind, place and distance: « Espace public numérique (EPN) · 6001 Marcinelle · à 1,2 km ». */
export function hitFacts(hit: SearchHit): string {
  const facts = [hit.kindLabel, `${hit.address.postcode} ${hit.address.locality}`];
  if (hit.distanceKm !== undefined) facts.push(`à ${km.format(hit.distanceKm)} km`);
  return facts.join(' · ');
}

/** The status line after a search: how many, near what, in which order, what the map shows. */
export function summary(result: Result, state: URLSearchParams, view: View): string {
  const label = result.near?.label;
  const where = label ? ` près de ${label === OWN_POSITION ? 'votre position' : label}` : '';
  if (result.total === 0) return `Aucun lieu ne correspond${where}. Essayez sans filtre ou avec une autre commune.`;
  const plural = result.total > 1;
  let message = `${result.total} lieu${plural ? 'x' : ''} trouvé${plural ? 's' : ''}${where}${label ? ', du plus proche au plus loin' : ''}.`;
  if (state.get('openNow') === 'true') message += plural ? ' Ils sont ouverts maintenant.' : ' Il est ouvert maintenant.';
  if (view === 'map' && result.total > result.hits.length) message += ` La carte montre les ${result.hits.length} lieux de cette page.`;
  if (result.partial) message += ' Aucun lieu ne contient tous vos mots : voici ceux qui en contiennent le plus.';
  return message;
}

/** For a postcode shared by several sections: « Ou vouliez-vous dire : Goutroux ? » ('' otherwise). */
export function alternativesText(result: Pick<Result, 'near'>): string {
  const others = result.near?.alternatives ?? [];
  return others.length ? ` Ou vouliez-vous dire : ${others.join(', ')} ? Tapez-le dans « Où ? ».` : '';
}

/** Whether to offer "see without filters": nothing found, and filters are on. */
export function offersWithoutFilters(result: Result, state: URLSearchParams): boolean {
  return result.total === 0 && isFiltered(state);
}

export interface Choice {
  value: string;
  label: string;
}

/**
 * The options of a filter after a search: with counts, only the values the results have;
 * every value, without counts, when one is chosen (so another can be picked) or when
 * there are no counts yet.
 */
export function facetOptions(all: readonly Choice[], facet: readonly FacetValue[] | null, selected: string): Choice[] {
  if (!facet || selected) return all.slice();
  const counts = new Map(facet.map((f) => [f.value, f.count]));
  const options: Choice[] = [];
  for (const c of all) {
    const count = counts.get(c.value) ?? 0;
    if (count > 0) options.push({ value: c.value, label: `${c.label} (${count})` });
  }
  return options;
}

export interface Pages {
  /** 1 when everything fits on one page (no page buttons then). */
  last: number;
  previous?: number;
  next?: number;
  label: string;
}

export function pagesOf(result: Pick<Result, 'total' | 'limit' | 'page'>): Pages {
  const last = Math.max(1, Math.ceil(result.total / result.limit));
  return {
    last,
    ...(result.page > 1 ? { previous: result.page - 1 } : {}),
    ...(result.page < last ? { next: result.page + 1 } : {}),
    label: `Page ${result.page} sur ${last}`,
  };
}

/** A result as a point on the map, its hours worded as in the list. */
export function mapPoint(hit: SearchHit): MapPoint {
  return { name: hit.name, kindLabel: hit.kindLabel, url: hit.url, geo: hit.geo, hours: hit.todayHours ? todayText(hit.todayHours) : null };
}
