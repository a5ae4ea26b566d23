// The directory search's state, kept whole in the URL (so back, reload and a shared link
// give the same page): reading it from a query string, writing it back, the next states a
// click leads to, and the /api/search query of a state. Pure functions on URLSearchParams,
// no DOM and no `location`, so they are tested in node. Old phones run this too: nothing
// younger than URLSearchParams (no `size`, no Object.fromEntries).

export const TEXTS = ['q', 'near', 'lat', 'lng'] as const;
export type Text = (typeof TEXTS)[number];
export const FILTERS = ['kind', 'service', 'public', 'commune'] as const;
export type Filter = (typeof FILTERS)[number];
export type View = 'list' | 'map';

/** Results per page asked of the API. */
export const LIMIT = 20;

const STATE_KEYS: readonly string[] = [...TEXTS, ...FILTERS, 'openNow', 'page', 'view'];

/** What the form holds, read by the page (texts as typed, '' for "all"). */
export interface FormValues {
  texts: Record<Text, string>;
  filters: Record<Filter, string>;
  openNow: boolean;
}

/** The state in a query string (`location.search`): known, non-empty parameters only. */
export function readState(search: string): URLSearchParams {
  const kept = new URLSearchParams();
  new URLSearchParams(search).forEach((value, key) => {
    if (STATE_KEYS.indexOf(key) !== -1 && value) kept.append(key, value);
  });
  return kept;
}

/** Whether the state asks for a search (the page and the view alone do not). */
export function hasSearch(state: URLSearchParams): boolean {
  return STATE_KEYS.some((k) => k !== 'page' && k !== 'view' && state.has(k));
}

export function viewOf(state: URLSearchParams): View {
  return state.get('view') === 'map' ? 'map' : 'list';
}

/** Whether a filter or "open now" narrows the results (so "see without filters" can help). */
export function isFiltered(state: URLSearchParams): boolean {
  return FILTERS.some((f) => state.has(f)) || state.has('openNow');
}

/** The state of a form submitted while `view` was shown (kept when there is a search). */
export function stateFromForm(values: FormValues, view: string | null): URLSearchParams {
  const state = new URLSearchParams();
  for (const key of TEXTS) {
    const value = values.texts[key].trim();
    if (value) state.set(key, value);
  }
  // A typed place replaces the position found by "Autour de moi".
  if (state.has('near')) {
    state.delete('lat');
    state.delete('lng');
  }
  for (const name of FILTERS) {
    const value = values.filters[name];
    if (value) state.set(name, value);
  }
  if (values.openNow) state.set('openNow', 'true');
  if (view && hasSearch(state)) state.set('view', view);
  return state;
}

export function withView(state: URLSearchParams, view: View): URLSearchParams {
  const next = new URLSearchParams(state);
  if (view === 'map') next.set('view', 'map');
  else next.delete('view');
  return next;
}

export function withPage(state: URLSearchParams, page: number): URLSearchParams {
  const next = new URLSearchParams(state);
  if (page > 1) next.set('page', String(page));
  else next.delete('page');
  return next;
}

/** The same search without filters, "open now" or page. */
export function withoutFilters(state: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(state);
  for (const name of FILTERS) next.delete(name);
  next.delete('openNow');
  next.delete('page');
  return next;
}

/** The query string of /api/search for a state (the view is the page's business). */
export function apiQuery(state: URLSearchParams): string {
  const query = new URLSearchParams(state);
  query.delete('view');
  query.set('limit', String(LIMIT));
  return query.toString();
}

/** The address of a state on the page at `pathname`. */
export function urlOf(pathname: string, state: URLSearchParams): string {
  const search = state.toString();
  return search ? `${pathname}?${search}` : pathname;
}
