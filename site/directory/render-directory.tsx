// Directory pages as static HTML: /annuaire (every active initiative by commune) and
// /annuaire/<id>, rendered with React on the server inside the site's shell. One function
// renders everything after a build; another re-renders one initiative (and the list) when
// it changes, without a rebuild. Files are written beside and renamed into place.
import fs from 'node:fs';
import path from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { writeFileAtomic } from '../../core/atomic-file.ts';
import { escapeHtml, scriptJson } from '../../core/html.ts';
import type { ContentModel, Initiative } from '../../core/model/index.ts';
import { isSlug, loadInitiatives } from '../../core/model/index.ts';
import { tileUrl } from '../../core/tiles.ts';
import { DIRECTORY_PATH, normalizeSiteUrl, type SiteUrl, sitePaths } from '../../core/urls.ts';
import type { SiteData, SiteScope } from '../../plugins/api/types.ts';
import DirectoryList, { type ListGroup } from '../theme/Directory/DirectoryList.tsx';
import InitiativeDetails from '../theme/Directory/InitiativeDetails.tsx';
import type { SearchFormProps } from '../theme/Directory/SearchForm.tsx';
import { jsonLd } from './json-ld.ts';
import { loadShell, type Shell } from './shell.ts';
import { toView } from './view-model.ts';

export const DIRECTORY_DIR = DIRECTORY_PATH.slice(1);
export const CLIENT_SCRIPT = '/passerelle/initiative.js';
export const SEARCH_SCRIPT = '/passerelle/search.js';

function searchFormProps(model: ContentModel): SearchFormProps {
  const v = model.vocabularies;
  const choices = (name: 'kinds' | 'services' | 'publics') => v[name].map((t) => ({ value: t.slug, label: t.label }));
  const communes = model.territory.communes.map((c) => ({ value: c.slug, label: c.name }));
  return { kinds: choices('kinds'), services: choices('services'), publics: choices('publics'), communes, tiles: tileUrl() };
}

export interface RenderOptions {
  buildDir: string;
  model: ContentModel;
  siteUrl?: SiteUrl;
  now?: Date;
  /** The plugins' site data (badges, extra lines) for each initiative page. */
  siteData?: (scope: SiteScope) => SiteData;
}

export function initiativePageFile(buildDir: string, id: string): string {
  if (!isSlug(id)) throw new Error(`Not a slug: ${JSON.stringify(id).slice(0, 100)}`);
  return path.join(buildDir, DIRECTORY_DIR, `${id}.html`);
}

export function listPageFile(buildDir: string): string {
  return path.join(buildDir, DIRECTORY_DIR, 'index.html');
}

export function renderInitiativeHtml(shell: Shell, model: ContentModel, i: Initiative, siteUrl: SiteUrl, now: Date, extra: SiteData = {}): string {
  const view = toView(model, i, now);
  const body = renderToStaticMarkup(<InitiativeDetails view={view} extra={extra} />);
  const hoursData = view.hours
    ? `<script type="application/json" id="horaires-data">${scriptJson({ upcoming: view.hours.upcoming, until: view.hours.upcomingUntil })}</script>`
    : '';
  return shell.fill({
    title: escapeHtml(`${i.name} — ${view.address.locality}`),
    description: escapeHtml(i.summary),
    path: view.url,
    head: `<script type="application/ld+json">${scriptJson(jsonLd(i, view, siteUrl))}</script>`,
    body: `${body}${hoursData}<script src="${CLIENT_SCRIPT}" defer></script>`,
  });
}

export function groupByCommune(model: ContentModel, initiatives: Initiative[]): ListGroup[] {
  const active = initiatives.filter((i) => i.status === 'active');
  const groups: ListGroup[] = [];
  for (const commune of model.territory.communes) {
    const inCommune = active.filter((i) => i.address.commune === commune.slug);
    if (!inCommune.length) continue;
    const seen = new Set<string>();
    const sections = commune.sections
      .filter((s) => !seen.has(`${s.postcode}`) && seen.add(`${s.postcode}`))
      .map((s) => ({
        name: commune.sections
          .filter((x) => x.postcode === s.postcode)
          .map((x) => x.name)
          .join(', '),
        postcode: s.postcode,
        entries: inCommune
          .filter((i) => i.address.postcode === s.postcode)
          .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
          .map((i) => ({
            id: i.id,
            url: sitePaths.initiative(i.id),
            name: i.name,
            kindLabel: model.vocabularies.label('kinds', i.kind),
            locality: i.address.locality,
            summary: i.summary,
            demo: i.source.origin === 'demo',
          })),
      }))
      .filter((s) => s.entries.length);
    groups.push({ slug: commune.slug, name: commune.name, sections, count: inCommune.length });
  }
  return groups;
}

export function renderListHtml(shell: Shell, model: ContentModel, initiatives: Initiative[]): string {
  const groups = groupByCommune(model, initiatives);
  const total = groups.reduce((a, g) => a + g.count, 0);
  return shell.fill({
    title: escapeHtml("Trouver de l'aide près de chez moi"),
    description: escapeHtml(
      "Les lieux et activités d'aide au numérique à Charleroi Métropole, par commune : espaces publics numériques, permanences, WiFi gratuit, formations.",
    ),
    path: sitePaths.directory,
    head: '',
    body: `${renderToStaticMarkup(<DirectoryList groups={groups} total={total} search={searchFormProps(model)} />)}<script type="module" src="${SEARCH_SCRIPT}"></script>`,
  });
}

/** Renders every page and removes pages of initiatives that are gone. */
export function renderDirectory({ buildDir, model, siteUrl = normalizeSiteUrl(undefined), now = new Date(), siteData }: RenderOptions): { pages: number } {
  const shell = loadShell(buildDir);
  const { initiatives, errors } = loadInitiatives(model, model.paths.initiatives);
  if (errors.length) throw new Error(errors.map((e) => e.message).join('\n'));
  const dir = path.join(buildDir, DIRECTORY_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const keep = new Set<string>(['index.html']);
  for (const i of initiatives) {
    if (i.status !== 'active') continue;
    writeFileAtomic(initiativePageFile(buildDir, i.id), renderInitiativeHtml(shell, model, i, siteUrl, now, siteData?.({ initiative: i })));
    keep.add(`${i.id}.html`);
  }
  for (const f of fs.readdirSync(dir)) if (f.endsWith('.html') && !keep.has(f)) fs.rmSync(path.join(dir, f));
  writeFileAtomic(listPageFile(buildDir), renderListHtml(shell, model, initiatives));
  return { pages: keep.size };
}

/** Re-renders one initiative's page (or removes it when archived or deleted) and the list. */
export function renderOne({ buildDir, model, siteUrl = normalizeSiteUrl(undefined), now = new Date(), siteData }: RenderOptions, id: string): void {
  const shell = loadShell(buildDir);
  const { initiatives } = loadInitiatives(model, model.paths.initiatives);
  const initiative = initiatives.find((i) => i.id === id);
  const file = initiativePageFile(buildDir, id);
  if (initiative && initiative.status === 'active')
    writeFileAtomic(file, renderInitiativeHtml(shell, model, initiative, siteUrl, now, siteData?.({ initiative })));
  else fs.rmSync(file, { force: true });
  writeFileAtomic(listPageFile(buildDir), renderListHtml(shell, model, initiatives));
}
