// The directory search's DOM: finds the form and the result areas rendered on the server,
// reads and fills the form, and builds what a search changes (the results, the filters'
// options with counts, the pages, the status line, which of list, map or list by commune
// shows). No decisions here beyond where things go: the words and the choices come from
// search-text.ts, the state from search-state.ts. Written for old phones: no DOM API
// younger than about 2017 (no replaceChildren, no requestSubmit).
import type { FacetValue, SearchHit } from '../../../core/wire/search.ts';
import { FILTERS, type Filter, type FormValues, TEXTS, type Text } from './search-state.ts';
import { type Choice, facetOptions, hitFacts, hitState, offersWithoutFilters, pagesOf, type Result } from './search-text.ts';

export interface SearchPage {
  root: HTMLElement;
  form: HTMLFormElement;
  status: HTMLElement;
  results: HTMLElement;
  heading: HTMLElement;
  list: HTMLOListElement;
  pages: HTMLElement;
  mapBox: HTMLElement;
  viewSwitch: HTMLElement;
  listButton: HTMLButtonElement;
  mapButton: HTMLButtonElement;
  around: HTMLButtonElement;
  more: HTMLDetailsElement;
  /** The list by commune: on /annuaire only (not on the server's results page). */
  staticList: HTMLElement | null;
  openNow: HTMLInputElement;
  near: HTMLInputElement;
  /** Shown under an empty result when filters are on: one tap removes them. */
  emptyHelp: HTMLElement;
  withoutFilters: HTMLButtonElement;
  input(name: Text): HTMLInputElement | null;
  select(name: Filter): HTMLSelectElement | null;
  /** The full choice of each filter, as rendered on the server (vocabulary order). */
  choices: Map<Filter, Choice[]>;
}

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

function button(label: string): HTMLButtonElement {
  const el = text('button', label, 'button button--secondary') as HTMLButtonElement;
  el.type = 'button';
  return el;
}

/** The search's elements on /annuaire or /annuaire/recherche (and the "see without filters" help, added once). */
export function findPage(root: HTMLElement): SearchPage {
  const form = byId<HTMLFormElement>('recherche-form');
  const list = byId<HTMLOListElement>('recherche-liste');
  const mapBox = byId('recherche-carte');
  const input = (name: Text) => form.elements.namedItem(name) as HTMLInputElement | null;
  const select = (name: Filter) => form.elements.namedItem(name) as HTMLSelectElement | null;

  const emptyHelp = document.createElement('p');
  emptyHelp.className = 'recherche__vide';
  emptyHelp.hidden = true;
  const withoutFilters = button('Voir sans les filtres');
  emptyHelp.appendChild(withoutFilters);
  list.parentNode?.insertBefore(emptyHelp, mapBox);

  const choices = new Map<Filter, Choice[]>();
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

  return {
    root,
    form,
    status: byId('recherche-etat'),
    results: byId('recherche-resultats'),
    heading: byId('recherche-resultats-titre'),
    list,
    pages: byId('recherche-pages'),
    mapBox,
    viewSwitch: byId('recherche-vue'),
    listButton: byId<HTMLButtonElement>('vue-liste'),
    mapButton: byId<HTMLButtonElement>('vue-carte'),
    around: byId<HTMLButtonElement>('recherche-autour'),
    more: byId<HTMLDetailsElement>('recherche-plus'),
    staticList: document.getElementById('annuaire-statique'),
    openNow: byId<HTMLInputElement>('recherche-ouvert'),
    near: input('near') as HTMLInputElement,
    emptyHelp,
    withoutFilters,
    input,
    select,
    choices,
  };
}

/** The status line (a polite live region): what happened, in words. */
export function say(page: SearchPage, message: string): void {
  page.status.textContent = message;
}

/** Rebuilds a filter's options (see facetOptions), keeping its "all" option first. */
function setOptions(page: SearchPage, name: Filter, facet: readonly FacetValue[] | null, selected: string): void {
  const el = page.select(name);
  const all = page.choices.get(name);
  if (!el || !all) return;
  const allLabel = el.options[0]?.value === '' ? (el.options[0].textContent ?? 'Tous') : 'Tous';
  clear(el);
  el.appendChild(new Option(allLabel, ''));
  for (const option of facetOptions(all, facet, selected)) el.appendChild(new Option(option.label, option.value));
  el.value = selected;
}

export function readForm(page: SearchPage): FormValues {
  const texts = { q: '', near: '', lat: '', lng: '' };
  for (const key of TEXTS) texts[key] = page.input(key)?.value ?? '';
  const filters = { kind: '', service: '', public: '', commune: '' };
  for (const name of FILTERS) filters[name] = page.select(name)?.value ?? '';
  return { texts, filters, openNow: page.openNow.checked };
}

/** The form as the state says (a value missing from a filter's options brings them all back). */
export function fillForm(page: SearchPage, state: URLSearchParams): void {
  for (const key of TEXTS) {
    const el = page.input(key);
    if (el) el.value = state.get(key) ?? '';
  }
  let filtered = false;
  for (const name of FILTERS) {
    const el = page.select(name);
    if (!el) continue;
    const value = state.get(name) ?? '';
    if (value) filtered = true;
    if (el.value !== value) {
      el.value = value;
      if (el.value !== value) setOptions(page, name, null, value);
    }
  }
  if (filtered) page.more.open = true;
  page.openNow.checked = state.get('openNow') === 'true';
}

/** The position found by "Autour de moi", in place of a typed place. */
export function setPosition(page: SearchPage, lat: string, lng: string): void {
  page.near.value = '';
  const latInput = page.input('lat');
  const lngInput = page.input('lng');
  if (latInput) latInput.value = lat;
  if (lngInput) lngInput.value = lng;
}

/** Marks the place box as wrong (an unknown place), or not. */
export function markNear(page: SearchPage, invalid: boolean): void {
  if (invalid) page.near.setAttribute('aria-invalid', 'true');
  else page.near.removeAttribute('aria-invalid');
}

export function setBusy(page: SearchPage, busy: boolean): void {
  if (busy) page.results.setAttribute('aria-busy', 'true');
  else page.results.removeAttribute('aria-busy');
}

function renderHit(hit: SearchHit): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'annuaire__resultat';
  const title = document.createElement('h3');
  const link = document.createElement('a');
  link.href = hit.url;
  link.textContent = hit.name;
  title.appendChild(link);
  li.appendChild(title);
  li.appendChild(text('p', hitFacts(hit)));
  const state = hitState(hit);
  if (state.badge || state.today) {
    const hours = document.createElement('p');
    if (state.badge) hours.append(text('span', state.badge.text, state.badge.className));
    if (state.badge && state.today) hours.append(' ');
    if (state.today) hours.append(state.today);
    li.appendChild(hours);
  }
  if (hit.closure) li.appendChild(text('p', hit.closure));
  li.appendChild(text('p', hit.summary));
  if (hit.demo) li.appendChild(text('p', 'Données de démonstration : informations non vérifiées.', 'recherche__demo'));
  return li;
}

function renderPages(page: SearchPage, result: Result, goTo: (page: number) => void): void {
  clear(page.pages);
  const pages = pagesOf(result);
  page.pages.hidden = pages.last === 1;
  if (pages.last === 1) return;
  const go = (target: number, label: string) => {
    const el = button(label);
    el.addEventListener('click', () => goTo(target));
    page.pages.appendChild(el);
  };
  if (pages.previous) go(pages.previous, 'Résultats précédents');
  page.pages.appendChild(text('span', pages.label));
  if (pages.next) go(pages.next, 'Résultats suivants');
}

/** The list by commune (rendered on the server) in place of the results. */
export function showStaticList(page: SearchPage): void {
  page.results.hidden = true;
  page.viewSwitch.hidden = true;
  if (page.staticList) page.staticList.hidden = false;
}

/** A search's results: filters with counts, the list, the pages, the help when nothing is found. */
export function showResults(page: SearchPage, result: Result, state: URLSearchParams, goTo: (page: number) => void): void {
  for (const name of FILTERS) setOptions(page, name, result.facets[name] ?? [], state.get(name) ?? '');
  clear(page.list);
  for (const hit of result.hits) page.list.appendChild(renderHit(hit));
  renderPages(page, result, goTo);
  page.emptyHelp.hidden = !offersWithoutFilters(result, state);
  if (page.staticList) page.staticList.hidden = true;
  page.results.hidden = false;
  page.viewSwitch.hidden = result.hits.length === 0;
}

/** The list or the map box, and the pressed state of their buttons. */
export function showMapBox(page: SearchPage, map: boolean): void {
  page.listButton.setAttribute('aria-pressed', String(!map));
  page.mapButton.setAttribute('aria-pressed', String(map));
  page.list.hidden = map;
  page.mapBox.hidden = !map;
}
