// The directory's search, progressively enhanced: reveals the form rendered on the server,
// asks /api/search, shows results as a list (or a map, loaded only when asked), and keeps
// the whole state in the URL so back, reload and a shared link give the same page.
// Without JavaScript, or when search fails, the list by commune stays available.
// Written for old phones: no DOM API younger than about 2017 (no replaceChildren, no
// requestSubmit), and one request per state (switching list/map reuses the last answer).
import type { SearchHit, SearchResult } from '../../../core/wire/search.ts';
import type { MapView } from './search-map.ts';

type Result = Pick<SearchResult, 'hits' | 'total' | 'page' | 'limit' | 'facets' | 'near'>;
type View = 'list' | 'map';

interface ApiError {
  code: string;
  message: string;
  fields?: Record<string, string>;
}

type Outcome = { ok: true; result: Result } | { ok: false; status: number; error: ApiError | null };

const TEXTS = ['q', 'near', 'lat', 'lng'] as const;
const FILTERS = ['kind', 'service', 'public', 'commune'] as const;
type Filter = (typeof FILTERS)[number];
const STATE_KEYS: readonly string[] = [...TEXTS, ...FILTERS, 'openNow', 'page', 'view'];
const LIMIT = 20;
const UNAVAILABLE = 'La recherche ne répond pas pour le moment. La liste complète des lieux reste disponible plus bas.';
const CLEARED = 'La recherche est effacée. La liste complète des lieux est affichée plus bas.';

const km = new Intl.NumberFormat('fr-BE', { maximumFractionDigits: 1 });

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

function clear(el: HTMLElement): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

function text(tag: string, content: string, className?: string): HTMLElement {
  const el = document.createElement(tag);
  el.textContent = content;
  if (className) el.className = className;
  return el;
}

/** « Aujourd'hui : 9 h à 12 h », or the API's own « Fermé aujourd'hui ». */
function todayText(hours: string): string {
  return /aujourd/i.test(hours) ? hours : `Aujourd'hui : ${hours}`;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

function isResult(x: unknown): x is Result {
  return isObject(x) && Array.isArray(x.hits) && typeof x.total === 'number' && isObject(x.facets);
}

function apiError(x: unknown): ApiError | null {
  if (!isObject(x) || !isObject(x.error) || typeof x.error.message !== 'string') return null;
  return x.error as unknown as ApiError;
}

function start(root: HTMLElement): void {
  const form = byId<HTMLFormElement>('recherche-form');
  const status = byId('recherche-etat');
  const results = byId('recherche-resultats');
  const heading = byId('recherche-resultats-titre');
  const list = byId<HTMLOListElement>('recherche-liste');
  const pages = byId('recherche-pages');
  const mapBox = byId('recherche-carte');
  const viewSwitch = byId('recherche-vue');
  const listButton = byId<HTMLButtonElement>('vue-liste');
  const mapButton = byId<HTMLButtonElement>('vue-carte');
  const around = byId<HTMLButtonElement>('recherche-autour');
  const more = byId<HTMLDetailsElement>('recherche-plus');
  const staticList = byId('annuaire-statique');
  const openNow = byId<HTMLInputElement>('recherche-ouvert');

  // Shown under an empty result when filters are on: one tap removes them.
  const emptyHelp = document.createElement('p');
  emptyHelp.className = 'recherche__vide';
  emptyHelp.hidden = true;
  const withoutFilters = text('button', 'Voir sans les filtres', 'button button--secondary') as HTMLButtonElement;
  withoutFilters.type = 'button';
  emptyHelp.appendChild(withoutFilters);
  list.parentNode?.insertBefore(emptyHelp, mapBox);

  const input = (name: string) => form.elements.namedItem(name) as HTMLInputElement | null;
  const select = (name: Filter) => form.elements.namedItem(name) as HTMLSelectElement | null;
  const near = input('near') as HTMLInputElement;

  // The full choice of each filter, as rendered on the server (vocabulary order).
  const choices = new Map<Filter, { value: string; label: string }[]>();
  for (const name of FILTERS) {
    const el = select(name);
    if (!el) continue;
    choices.set(
      name,
      Array.from(el.options)
        .filter((o) => o.value)
        .map((o) => ({ value: o.value, label: o.textContent ?? o.value })),
    );
  }

  let mapView: MapView | undefined;
  let mapLoading: Promise<MapView> | undefined;
  let last: { key: string; result: Result } | undefined;
  let requestId = 0;

  const say = (message: string) => {
    status.textContent = message;
  };

  /** Rebuilds a filter's options: with counts, only values the results have; all of them when one is chosen. */
  function setOptions(name: Filter, counts: Map<string, number> | null, selected: string): void {
    const el = select(name);
    const all = choices.get(name);
    if (!el || !all) return;
    const allLabel = el.options[0]?.value === '' ? (el.options[0].textContent ?? 'Tous') : 'Tous';
    clear(el);
    el.appendChild(new Option(allLabel, ''));
    for (const c of all) {
      const count = counts?.get(c.value) ?? 0;
      if (!counts || selected) el.appendChild(new Option(c.label, c.value));
      else if (count > 0) el.appendChild(new Option(`${c.label} (${count})`, c.value));
    }
    el.value = selected;
  }

  /** The state of the page, from the URL (unknown parameters are ignored). */
  function readUrl(): URLSearchParams {
    const params = new URLSearchParams(location.search);
    const kept = new URLSearchParams();
    params.forEach((value, key) => {
      if (STATE_KEYS.indexOf(key) !== -1 && value) kept.append(key, value);
    });
    return kept;
  }

  function fillForm(params: URLSearchParams): void {
    for (const key of TEXTS) {
      const el = input(key);
      if (el) el.value = params.get(key) ?? '';
    }
    let filtered = false;
    for (const name of FILTERS) {
      const el = select(name);
      if (!el) continue;
      const value = params.get(name) ?? '';
      if (value) filtered = true;
      if (el.value !== value) {
        el.value = value;
        if (el.value !== value) setOptions(name, null, value);
      }
    }
    if (filtered) more.open = true;
    openNow.checked = params.get('openNow') === 'true';
  }

  function formState(): URLSearchParams {
    const params = new URLSearchParams();
    for (const key of TEXTS) {
      const value = input(key)?.value.trim();
      if (value) params.set(key, value);
    }
    // A typed place replaces the position found by "Autour de moi".
    if (params.has('near')) {
      params.delete('lat');
      params.delete('lng');
    }
    for (const name of FILTERS) {
      const value = select(name)?.value;
      if (value) params.set(name, value);
    }
    if (openNow.checked) params.set('openNow', 'true');
    return params;
  }

  const hasSearch = (params: URLSearchParams) => STATE_KEYS.some((k) => k !== 'page' && k !== 'view' && params.has(k));
  const currentView = (params: URLSearchParams): View => (params.get('view') === 'map' ? 'map' : 'list');
  const urlOf = (params: URLSearchParams) => `${location.pathname}${params.toString() ? `?${params}` : ''}`;

  function renderHit(hit: SearchHit): HTMLLIElement {
    const li = document.createElement('li');
    li.className = 'annuaire__resultat';
    const title = document.createElement('h3');
    const link = document.createElement('a');
    link.href = hit.url;
    link.textContent = hit.name;
    title.appendChild(link);
    li.appendChild(title);
    const facts = [hit.kindLabel, `${hit.address.postcode} ${hit.address.locality}`];
    if (hit.distanceKm !== undefined) facts.push(`à ${km.format(hit.distanceKm)} km`);
    li.appendChild(text('p', facts.join(' · ')));
    if (hit.openNow !== null || hit.todayHours) {
      const hours = document.createElement('p');
      if (hit.openNow) hours.append(text('span', 'Ouvert maintenant', 'badge-ouvert'), ' ');
      else if (hit.openNow === false) hours.append(text('span', 'Fermé maintenant', 'badge-ferme'), ' ');
      if (hit.todayHours) hours.append(todayText(hit.todayHours));
      li.appendChild(hours);
    }
    li.appendChild(text('p', hit.summary));
    if (hit.demo) li.appendChild(text('p', 'Données de démonstration : informations non vérifiées.', 'recherche__demo'));
    return li;
  }

  function renderPages(result: Result, params: URLSearchParams): void {
    clear(pages);
    const lastPage = Math.max(1, Math.ceil(result.total / result.limit));
    pages.hidden = lastPage === 1;
    if (lastPage === 1) return;
    const go = (page: number, label: string) => {
      const button = text('button', label, 'button button--secondary') as HTMLButtonElement;
      button.type = 'button';
      button.addEventListener('click', () => {
        const next = new URLSearchParams(params);
        if (page > 1) next.set('page', String(page));
        else next.delete('page');
        navigate(next, true);
      });
      pages.appendChild(button);
    };
    if (result.page > 1) go(result.page - 1, 'Résultats précédents');
    pages.appendChild(text('span', `Page ${result.page} sur ${lastPage}`));
    if (result.page < lastPage) go(result.page + 1, 'Résultats suivants');
  }

  function summary(result: Result, params: URLSearchParams, view: View): string {
    const label = result.near?.label;
    const where = label ? ` près de ${label === 'Votre position' ? 'votre position' : label}` : '';
    if (result.total === 0) return `Aucun lieu ne correspond${where}. Essayez sans filtre ou avec une autre commune.`;
    const plural = result.total > 1;
    let message = `${result.total} lieu${plural ? 'x' : ''} trouvé${plural ? 's' : ''}${where}${label ? ', du plus proche au plus loin' : ''}.`;
    if (params.get('openNow') === 'true') message += plural ? ' Ils sont ouverts maintenant.' : ' Il est ouvert maintenant.';
    if (view === 'map' && result.total > result.hits.length) message += ` La carte montre les ${result.hits.length} lieux de cette page.`;
    return message;
  }

  function showStaticList(): void {
    results.hidden = true;
    viewSwitch.hidden = true;
    staticList.hidden = false;
  }

  async function showView(view: View, result: Result, id: number): Promise<View> {
    const map = view === 'map' && result.hits.length > 0;
    listButton.setAttribute('aria-pressed', String(!map));
    mapButton.setAttribute('aria-pressed', String(map));
    list.hidden = map;
    mapBox.hidden = !map;
    if (!map) return 'list';
    if (!mapView) {
      say('Chargement de la carte…');
      try {
        // One map, even when the view is switched again while Leaflet is still loading.
        mapLoading = mapLoading ?? import('./search-map.ts').then((m) => m.createMapView(mapBox, root.getAttribute('data-tiles') ?? ''));
        mapView = await mapLoading;
      } catch {
        mapLoading = undefined;
        if (id === requestId) {
          say("La carte ne s'affiche pas pour le moment. Voici la liste.");
          void showView('list', result, id);
        }
        return 'list';
      }
      if (id !== requestId) return 'map';
    }
    mapView.show(result.hits);
    return 'map';
  }

  async function load(key: string): Promise<Outcome> {
    try {
      const response = await fetch(`/api/search?${key}`, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
      const body: unknown = await response.json().catch(() => null);
      if (response.ok && isResult(body)) return { ok: true, result: body };
      return { ok: false, status: response.status, error: apiError(body) };
    } catch {
      return { ok: false, status: 0, error: null };
    }
  }

  /** Shows the state in `params`: fetches unless it is the last search, then renders it. */
  async function run(params: URLSearchParams, focusResults: boolean): Promise<void> {
    const id = ++requestId;
    fillForm(params);
    near.removeAttribute('aria-invalid');
    if (!hasSearch(params)) {
      showStaticList();
      say('');
      return;
    }
    const query = new URLSearchParams(params);
    query.delete('view');
    query.set('limit', String(LIMIT));
    const key = query.toString();
    let result: Result;
    if (last && last.key === key) result = last.result;
    else {
      say('Recherche en cours…');
      results.setAttribute('aria-busy', 'true');
      const outcome = await load(key);
      if (id !== requestId) return;
      results.removeAttribute('aria-busy');
      if (!outcome.ok) {
        showStaticList();
        if (outcome.status === 400 && outcome.error) {
          say(outcome.error.message);
          if (outcome.error.fields?.near) {
            near.setAttribute('aria-invalid', 'true');
            if (focusResults) near.focus();
          }
        } else say(UNAVAILABLE);
        return;
      }
      result = outcome.result;
      last = { key, result };
    }

    for (const name of FILTERS) setOptions(name, new Map((result.facets[name] ?? []).map((f) => [f.value, f.count])), params.get(name) ?? '');
    clear(list);
    for (const hit of result.hits) list.appendChild(renderHit(hit));
    renderPages(result, params);
    const filtered = FILTERS.some((f) => params.has(f)) || params.has('openNow');
    emptyHelp.hidden = !(result.total === 0 && filtered);
    staticList.hidden = true;
    results.hidden = false;
    viewSwitch.hidden = result.hits.length === 0;
    const view = await showView(currentView(params), result, id);
    if (id !== requestId) return;
    say(summary(result, params, view));
    if (focusResults) heading.focus();
  }

  function navigate(params: URLSearchParams, focusResults: boolean): void {
    const url = urlOf(params);
    if (url === `${location.pathname}${location.search}`) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    void run(params, focusResults);
  }

  /** A search from the form: keeps the current view (list or map). */
  function search(focusResults: boolean): void {
    const params = formState();
    const view = readUrl().get('view');
    if (view && hasSearch(params)) params.set('view', view);
    navigate(params, focusResults);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    search(true);
  });

  form.addEventListener('reset', () => {
    // After the browser has emptied the fields.
    window.setTimeout(() => {
      navigate(new URLSearchParams(), false);
      say(CLEARED);
    }, 0);
  });

  // Filters apply at once, without moving the focus away from them.
  for (const name of FILTERS) select(name)?.addEventListener('change', () => search(false));
  openNow.addEventListener('change', () => search(false));

  withoutFilters.addEventListener('click', () => {
    const params = readUrl();
    for (const name of FILTERS) params.delete(name);
    params.delete('openNow');
    params.delete('page');
    navigate(params, true);
  });

  around.addEventListener('click', () => {
    if (!('geolocation' in navigator)) {
      say('Votre appareil ne donne pas sa position. Tapez votre code postal dans « Où ? ».');
      near.focus();
      return;
    }
    say('Recherche de votre position…');
    around.disabled = true;
    navigator.geolocation.getCurrentPosition(
      (position) => {
        around.disabled = false;
        near.value = '';
        (input('lat') as HTMLInputElement).value = position.coords.latitude.toFixed(5);
        (input('lng') as HTMLInputElement).value = position.coords.longitude.toFixed(5);
        search(true);
      },
      () => {
        around.disabled = false;
        say("Nous n'avons pas pu trouver votre position. Tapez votre code postal dans « Où ? », par exemple 6000.");
        near.focus();
      },
      { timeout: 10_000, maximumAge: 300_000 },
    );
  });

  for (const [button, view] of [
    [listButton, 'list'],
    [mapButton, 'map'],
  ] as const) {
    button.addEventListener('click', () => {
      const params = readUrl();
      if (view === 'map') params.set('view', 'map');
      else params.delete('view');
      navigate(params, false);
    });
  }

  window.addEventListener('popstate', () => void run(readUrl(), false));

  root.hidden = false;
  void run(readUrl(), false);
}

const root = document.getElementById('recherche');
// Browsers too old for what the search needs keep the list by commune.
if (root && typeof fetch === 'function' && typeof history.pushState === 'function') start(root);
