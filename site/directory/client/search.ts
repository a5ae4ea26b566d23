// The directory's search, progressively enhanced: the form rendered on the server works
// alone (a GET to /annuaire/recherche, answered by the server); this script asks
// /api/search instead, shows results as a list (or a map, loaded only when asked) without
// reloading, and keeps the whole state in the URL (/annuaire/recherche?…, the address that
// also works without JavaScript) so back, reload and a shared link give the same page. On
// the server's results page it fetches nothing until something changes.
// When search fails, the list by commune stays available.
// Written for old phones: no DOM API younger than about 2017 (no replaceChildren, no
// requestSubmit), and one request per state (switching list/map reuses the last answer).
// This file only wires events to the parts: search-state.ts (the state in the URL, pure),
// search-text.ts (the words, pure), search-api.ts (the call), search-view.ts (the DOM),
// search-map.ts (the map, its own chunk).
import { sitePaths } from '../../../core/urls.ts';
import { load } from './search-api.ts';
import type { MapView } from './search-map.ts';
import { apiQuery, FILTERS, hasSearch, readState, stateFromForm, urlOf, type View, viewOf, withoutFilters, withPage, withView } from './search-state.ts';
import { alternativesText, CLEARED, mapPoint, type Result, SEARCHING, summary, UNAVAILABLE } from './search-text.ts';
import { fillForm, findPage, markNear, readForm, type SearchPage, say, setBusy, setPosition, showMapBox, showResults, showStaticList } from './search-view.ts';

function start(page: SearchPage): void {
  let mapView: MapView | undefined;
  let mapLoading: Promise<MapView> | undefined;
  let last: { key: string; result: Result } | undefined;
  let requestId = 0;

  const current = () => readState(location.search);
  /** Where a state lives: a search at /annuaire/recherche (answered by the server too), none at /annuaire. */
  const pathOf = (state: URLSearchParams) => (hasSearch(state) ? sitePaths.directorySearch : sitePaths.directory);

  /** Shows the list, or the map (loading Leaflet the first time); answers the view shown. */
  async function showView(view: View, result: Result, id: number): Promise<View> {
    const map = view === 'map' && result.hits.length > 0;
    showMapBox(page, map);
    if (!map) return 'list';
    if (!mapView) {
      say(page, 'Chargement de la carte…');
      try {
        // One map, even when the view is switched again while Leaflet is still loading.
        mapLoading = mapLoading ?? import('./search-map.ts').then((m) => m.createMapView(page.mapBox, page.root.getAttribute('data-tiles') ?? ''));
        mapView = await mapLoading;
      } catch {
        mapLoading = undefined;
        if (id === requestId) {
          say(page, "La carte ne s'affiche pas pour le moment. Voici la liste.");
          void showView('list', result, id);
        }
        return 'list';
      }
      if (id !== requestId) return 'map';
    }
    mapView.show(result.hits.map(mapPoint));
    return 'map';
  }

  /** Shows `state`: fetches unless it is the last search, then renders it. */
  async function run(state: URLSearchParams, focusResults: boolean): Promise<void> {
    const id = ++requestId;
    if (!hasSearch(state) && !page.staticList) {
      // The server's results page has no list by commune: that is /annuaire.
      location.assign(sitePaths.directory);
      return;
    }
    fillForm(page, state);
    markNear(page, false);
    if (!hasSearch(state)) {
      showStaticList(page);
      say(page, '');
      return;
    }
    const key = apiQuery(state);
    let result: Result;
    if (last && last.key === key) result = last.result;
    else {
      say(page, SEARCHING);
      setBusy(page, true);
      const outcome = await load(key);
      if (id !== requestId) return;
      setBusy(page, false);
      if (!outcome.ok) {
        showStaticList(page);
        if (outcome.status === 400 && outcome.error) {
          say(page, outcome.error.message);
          if (outcome.error.fields?.near) {
            markNear(page, true);
            if (focusResults) page.near.focus();
          }
        } else say(page, UNAVAILABLE);
        return;
      }
      result = outcome.result;
      last = { key, result };
    }
    showResults(page, result, state, (target) => navigate(withPage(state, target), true));
    const view = await showView(viewOf(state), result, id);
    if (id !== requestId) return;
    say(page, summary(result, state, view) + alternativesText(result));
    if (focusResults) page.heading.focus();
  }

  function navigate(state: URLSearchParams, focusResults: boolean): void {
    const url = urlOf(pathOf(state), state);
    if (url === `${location.pathname}${location.search}`) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    void run(state, focusResults);
  }

  /** A search from the form: keeps the current view (list or map). */
  const search = (focusResults: boolean) => navigate(stateFromForm(readForm(page), current().get('view')), focusResults);

  page.form.addEventListener('submit', (event) => {
    event.preventDefault();
    search(true);
  });

  page.form.addEventListener('reset', () => {
    // After the browser has emptied the fields.
    window.setTimeout(() => {
      navigate(new URLSearchParams(), false);
      say(page, CLEARED);
    }, 0);
  });

  // Filters apply at once, without moving the focus away from them.
  for (const name of FILTERS) page.select(name)?.addEventListener('change', () => search(false));
  page.openNow.addEventListener('change', () => search(false));

  page.withoutFilters.addEventListener('click', () => navigate(withoutFilters(current()), true));

  page.around.addEventListener('click', () => {
    if (!('geolocation' in navigator)) {
      say(page, 'Votre appareil ne donne pas sa position. Tapez votre code postal dans « Où ? ».');
      page.near.focus();
      return;
    }
    say(page, 'Recherche de votre position…');
    page.around.disabled = true;
    navigator.geolocation.getCurrentPosition(
      (position) => {
        page.around.disabled = false;
        setPosition(page, position.coords.latitude.toFixed(5), position.coords.longitude.toFixed(5));
        search(true);
      },
      () => {
        page.around.disabled = false;
        say(page, "Nous n'avons pas pu trouver votre position. Tapez votre code postal dans « Où ? », par exemple 6000.");
        page.near.focus();
      },
      { timeout: 10_000, maximumAge: 300_000 },
    );
  });

  page.listButton.addEventListener('click', () => navigate(withView(current(), 'list'), false));
  page.mapButton.addEventListener('click', () => navigate(withView(current(), 'map'), false));

  window.addEventListener('popstate', () => void run(current(), false));

  page.root.hidden = false;
  page.around.parentElement?.removeAttribute('hidden');
  // The server already answered this very search (its results are on the page): nothing to fetch.
  const state = current();
  if (page.root.getAttribute('data-requete') === apiQuery(state) && viewOf(state) === 'list') {
    page.viewSwitch.hidden = page.list.children.length === 0;
    return;
  }
  void run(state, false);
}

const root = document.getElementById('recherche');
// Browsers too old for what the search needs keep the list by commune.
if (root && typeof fetch === 'function' && typeof history.pushState === 'function') start(findPage(root));
