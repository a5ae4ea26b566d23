// Directory pages as static HTML, rendered with React on the server inside the site's
// shell: /annuaire (the entry), each commune's and section's list (pages.ts), and one page
// per listing; with them the other light pages (light-pages.tsx: home and 404). `renderDirectory` renders everything after a build; `createDirectoryRenderer`
// re-renders what one change touches (the listing's page, the lists it is or was on, the
// entry's counts), yielding between pages so the server keeps answering. Files are written
// beside and renamed into place; a page whose text did not change is not rewritten.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { writeFileAtomic } from '../../core/atomic-file.ts';
import { escapeHtml, scriptJson } from '../../core/html.ts';
import type { ContentModel, Initiative } from '../../core/model/index.ts';
import { isSlug, loadInitiatives } from '../../core/model/index.ts';
import { tileUrl } from '../../core/tiles.ts';
import { DIRECTORY_PATH, initiativeUrl, normalizeSiteUrl, type SiteUrl, sitePaths } from '../../core/urls.ts';
import type { SiteData, SiteScope } from '../../plugins/api/types.ts';
import AreaList from '../theme/Directory/AreaList.tsx';
import DirectoryEntry, { type AreaLink, type KindLink } from '../theme/Directory/DirectoryEntry.tsx';
import InitiativeDetails from '../theme/Directory/InitiativeDetails.tsx';
import type { ListEntryView } from '../theme/Directory/ListEntry.tsx';
import type { SearchFormProps } from '../theme/Directory/SearchForm.tsx';
import { SiteFactsContext } from '../theme/Directory/SiteFacts.tsx';
import { jsonLd } from './json-ld.ts';
import { homePageFile, notFoundPageFile, renderHomeHtml, renderNotFoundHtml, siteFactsOf } from './light-pages.tsx';
import { type Area, areaPath, areasOf, communeArea, directoryFile, groupByArea, PAGE_SIZE, pageCount, sectionAreas, sortForList } from './pages.ts';
import { qrSvg } from './qr-code.ts';
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
  return directoryFile(buildDir, DIRECTORY_PATH);
}

export function renderInitiativeHtml(shell: Shell, model: ContentModel, i: Initiative, siteUrl: SiteUrl, now: Date, extra: SiteData = {}): string {
  const view = toView(model, i, now);
  const pageUrl = initiativeUrl(siteUrl, view.id);
  const body = renderToStaticMarkup(<InitiativeDetails view={view} extra={extra} sheet={{ pageUrl, qr: qrSvg(pageUrl) }} />);
  // While temporarily closed, no « Ouvert maintenant » from the page's script.
  const hoursData =
    view.hours && !view.closure
      ? `<script type="application/json" id="horaires-data">${scriptJson({ upcoming: view.hours.upcoming, until: view.hours.upcomingUntil })}</script>`
      : '';
  return shell.fill({
    title: escapeHtml(`${i.name} — ${view.address.locality}`),
    description: escapeHtml(i.summary),
    path: view.url,
    head: `<script type="application/ld+json">${scriptJson(jsonLd(i, view, siteUrl))}</script>`,
    body: `${body}${hoursData}<script type="module" src="${CLIENT_SCRIPT}"></script>`,
  });
}

const entryOf = (model: ContentModel, i: Initiative): ListEntryView => ({
  id: i.id,
  url: sitePaths.initiative(i.id),
  name: i.name,
  kindLabel: model.vocabularies.label('kinds', i.kind),
  locality: i.address.locality,
  summary: i.summary,
  demo: i.source.origin === 'demo',
});

/** /annuaire: the communes (and sections) with their counts. */
export function renderEntryHtml(
  shell: Shell,
  model: ContentModel,
  byArea: Map<string, Initiative[]>,
  total: number,
  facts = { listings: total, demoListings: 0 },
): string {
  const countOf = (area: Area) => byArea.get(area.key)?.length ?? 0;
  const communes: AreaLink[] = model.territory.communes.flatMap((c) => {
    const area = communeArea(model, c.slug);
    if (!area || !countOf(area)) return [];
    const sections = sectionAreas(model, c.slug)
      .map((s) => ({ name: s.name, url: areaPath(s), count: countOf(s) }))
      .filter((s) => s.count > 0);
    return [{ name: c.name, url: areaPath(area), count: countOf(area), ...(sections.length ? { sections } : {}) }];
  });
  // Each listing is in exactly one commune's list: count the kinds there.
  const kindCounts = new Map<string, number>();
  for (const c of model.territory.communes) for (const i of byArea.get(c.slug) ?? []) kindCounts.set(i.kind, (kindCounts.get(i.kind) ?? 0) + 1);
  const kinds: KindLink[] = model.vocabularies.kinds
    .filter((k) => kindCounts.get(k.slug))
    .map((k) => ({
      label: k.label,
      description: k.description ?? '',
      url: `${sitePaths.directorySearch}?${new URLSearchParams({ kind: k.slug })}`,
      count: kindCounts.get(k.slug) ?? 0,
    }));
  return shell.fill({
    title: escapeHtml("Trouver de l'aide près de chez moi"),
    description: escapeHtml(
      "Les lieux et activités d'aide au numérique à Charleroi Métropole, par commune : espaces publics numériques, permanences, WiFi gratuit, formations.",
    ),
    path: sitePaths.directory,
    head: '',
    body: `${renderToStaticMarkup(
      <SiteFactsContext.Provider value={facts}>
        <DirectoryEntry communes={communes} total={total} search={searchFormProps(model)} kinds={kinds} />
      </SiteFactsContext.Provider>,
    )}<script type="module" src="${SEARCH_SCRIPT}"></script>`,
  });
}

/** Every page of one area's list, as [path, html], rendered one at a time as they are read. */
export function* renderAreaPages(shell: Shell, model: ContentModel, area: Area, byArea: Map<string, Initiative[]>): Generator<[string, string]> {
  const entries = sortForList(model, byArea.get(area.key) ?? []);
  const count = pageCount(entries.length);
  const pages = Array.from({ length: count }, (_, n) => ({ number: n + 1, url: areaPath(area, n + 1) }));
  const commune = communeArea(model, area.communeSlug);
  const sections = area.section
    ? undefined
    : sectionAreas(model, area.communeSlug)
        .map((s) => ({ name: s.name, url: areaPath(s), count: byArea.get(s.key)?.length ?? 0 }))
        .filter((s) => s.count > 0);
  for (let n = 1; n <= count; n++) {
    const slice = entries.slice((n - 1) * PAGE_SIZE, n * PAGE_SIZE);
    const groups: { kindLabel: string; entries: ListEntryView[] }[] = [];
    for (const i of slice) {
      const label = model.vocabularies.label('kinds', i.kind);
      const last = groups[groups.length - 1];
      if (last?.kindLabel === label) last.entries.push(entryOf(model, i));
      else groups.push({ kindLabel: label, entries: [entryOf(model, i)] });
    }
    const url = areaPath(area, n);
    const body = renderToStaticMarkup(
      <AreaList
        title={area.name}
        {...(area.section && commune ? { parent: { name: commune.name, url: areaPath(commune) } } : {})}
        total={entries.length}
        page={n}
        pages={pages}
        groups={groups}
        {...(sections?.length ? { sections } : {})}
      />,
    );
    yield [
      url,
      shell.fill({
        title: escapeHtml(`Aide numérique : ${area.name}${n > 1 ? ` (page ${n})` : ''}`),
        description: escapeHtml(`Les lieux et activités d'aide au numérique à ${area.name} : adresses, horaires, contacts.`),
        path: url,
        head: '',
        body,
      }),
    ];
  }
}

/** Every area that has a list page: each commune, and the sections of split communes. */
function allAreas(model: ContentModel): Area[] {
  return model.territory.communes.flatMap((c) => {
    const commune = communeArea(model, c.slug);
    return commune ? [commune, ...sectionAreas(model, c.slug)] : [];
  });
}

/** Renders every page and removes the directory's pages that are no longer reachable. */
export function renderDirectory({ buildDir, model, siteUrl = normalizeSiteUrl(undefined), now = new Date(), siteData }: RenderOptions): { pages: number } {
  const shell = loadShell(buildDir);
  const { initiatives, errors } = loadInitiatives(model, model.paths.initiatives);
  if (errors.length) throw new Error(errors.map((e) => e.message).join('\n'));
  const active = initiatives.filter((i) => i.status === 'active');
  const dir = path.join(buildDir, DIRECTORY_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const keep = new Set<string>();
  const write = (file: string, html: string) => {
    writeFileAtomic(file, html);
    keep.add(file);
  };
  for (const i of active) write(initiativePageFile(buildDir, i.id), renderInitiativeHtml(shell, model, i, siteUrl, now, siteData?.({ initiative: i })));
  const byArea = groupByArea(model, active);
  for (const area of allAreas(model)) {
    if (!byArea.has(area.key)) continue;
    for (const [url, html] of renderAreaPages(shell, model, area, byArea)) write(directoryFile(buildDir, url), html);
  }
  const facts = siteFactsOf(active);
  write(listPageFile(buildDir), renderEntryHtml(shell, model, byArea, active.length, facts));
  writeFileAtomic(homePageFile(buildDir), renderHomeHtml(shell, facts));
  writeFileAtomic(notFoundPageFile(buildDir), renderNotFoundHtml(shell));
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isFile() && (entry.name.endsWith('.html') || entry.name.endsWith('.tmp')) && !keep.has(file)) fs.rmSync(file);
  }
  return { pages: keep.size };
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
const hashOf = (text: string) => crypto.createHash('sha1').update(text).digest('base64url');

/** A listing before and after a change (either may be absent). */
export interface ListingChange {
  before?: Initiative;
  after?: Initiative;
}

/** What the publish pipeline uses: re-renders what changes touch (see api/publish/ports.ts). */
export interface DirectoryRenderer {
  renderChanges(changes: ListingChange[], all: ReadonlyMap<string, Initiative>): Promise<void>;
}

/** The incremental renderer, or undefined when the site is not built (API-only use). */
export function createDirectoryRenderer({
  buildDir,
  model,
  siteUrl = normalizeSiteUrl(undefined),
  siteData,
}: Omit<RenderOptions, 'now'>): DirectoryRenderer | undefined {
  let shell: Shell;
  try {
    shell = loadShell(buildDir);
  } catch {
    return undefined;
  }
  const written = new Map<string, string>();
  /** Writes unless this process already wrote the same text there. */
  const put = (file: string, html: string) => {
    const hash = hashOf(html);
    if (written.get(file) === hash && fs.existsSync(file)) return;
    writeFileAtomic(file, html);
    written.set(file, hash);
  };
  // One rendering at a time, whoever asks (the pipeline's render lane, the ended-closures
  // refresh): a list page is never written from a snapshot older than the one before it.
  let queue: Promise<void> = Promise.resolve();
  return {
    renderChanges(changes, all) {
      const run = queue.then(() => render(changes, all));
      queue = run.catch(() => {});
      return run;
    },
  };

  async function render(changes: ListingChange[], all: ReadonlyMap<string, Initiative>): Promise<void> {
    const areas = new Map<string, Area>();
    for (const { before, after } of changes) {
      const id = after?.id ?? before?.id;
      if (!id) continue;
      const file = initiativePageFile(buildDir, id);
      // The listing's page from the catalogue's current version (a later change may have come since).
      const current = all.get(id);
      if (current?.status === 'active') put(file, renderInitiativeHtml(shell, model, current, siteUrl, new Date(), siteData?.({ initiative: current })));
      else {
        fs.rmSync(file, { force: true });
        written.delete(file);
      }
      for (const i of [before, after, current]) if (i) for (const a of areasOf(model, i)) areas.set(a.key, a);
      await yieldToLoop();
    }
    const byArea = groupByArea(model, all.values());
    const facts = siteFactsOf([...all.values()].filter((i) => i.status === 'active'));
    const total = facts.listings;
    for (const area of areas.values()) {
      await yieldToLoop();
      let pages = 0;
      for (const [url, html] of byArea.has(area.key) ? renderAreaPages(shell, model, area, byArea) : []) {
        put(directoryFile(buildDir, url), html);
        pages++;
        await yieldToLoop();
      }
      // Pages past the new end of the list (it got shorter), or the whole list when empty.
      for (let n = pages + 1; ; n++) {
        const extra = directoryFile(buildDir, areaPath(area, n));
        if (!fs.existsSync(extra)) break;
        fs.rmSync(extra);
        written.delete(extra);
      }
    }
    await yieldToLoop();
    put(listPageFile(buildDir), renderEntryHtml(shell, model, byArea, total, facts));
    // The home page says whether sample data is published.
    put(homePageFile(buildDir), renderHomeHtml(shell, facts));
  }
}

/** Re-renders one initiative's page (or removes it) and its lists, from the files (tests, CLIs). */
export async function renderOne(options: RenderOptions, id: string): Promise<void> {
  const { initiatives } = loadInitiatives(options.model, options.model.paths.initiatives);
  const renderer = createDirectoryRenderer(options);
  const after = initiatives.find((i) => i.id === id);
  await renderer?.renderChanges([after ? { after } : {}], new Map(initiatives.map((i) => [i.id, i])));
}
