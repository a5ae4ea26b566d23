// The knowledge base's generated pages, made once every plugin has loaded its content (the
// guides' addresses, titles and descriptions come from the docs plugin, so they are exactly
// the site's): one printable summary per guide (`/guides/<theme>/<slug>/resume`), « La
// personne veut… » (/la-personne-veut) and the key numbers card (/numeros-utiles).
import fs from 'node:fs';
import type { AllContent, PluginContentLoadedActions } from '@docusaurus/types';
import { type AidantData, loadAidantData } from '../../core/content/aidant.ts';
import { splitFrontMatter } from '../../core/content/front-matter.ts';
import { summarizeSteps } from '../../core/content/guide-summary.ts';
import { sitePaths } from '../../core/urls.ts';

/** What the pages need of a guide, as the docs plugin loaded it. */
export interface GuideDoc {
  /** `<theme>/<slug>`, the file under content/guides/ without .md. */
  id: string;
  title: string;
  description: string;
  permalink: string;
  /** The Markdown file. */
  file: string;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

/**
 * The guides of the default docs instance (the guides: `/guides`), index left out. `@site/`
 * in a doc's source is the site folder. Throws when the docs plugin's shape is not the one
 * this code was written for, rather than making no summary at all.
 */
export function guideDocs(allContent: AllContent, siteDir: string): GuideDoc[] {
  const docsPlugin = allContent['docusaurus-plugin-content-docs']?.default;
  const versions = isRecord(docsPlugin) ? docsPlugin.loadedVersions : undefined;
  const docs = Array.isArray(versions) && isRecord(versions[0]) ? versions[0].docs : undefined;
  if (!Array.isArray(docs))
    throw new Error('passerelle-content: the guides (docs plugin, default instance) were not found in allContent; no guide summary can be made.');
  return docs
    .filter(isRecord)
    .map((d) => ({
      id: String(d.id),
      title: String(d.title),
      description: String(d.description ?? ''),
      permalink: String(d.permalink),
      file: String(d.source).replace(/^@site\//, `${siteDir}/`),
    }))
    .filter((d) => d.id.includes('/') && fs.existsSync(d.file));
}

/** The data of /la-personne-veut, with each guide's title and address. */
export function requestsView(data: AidantData, guides: Map<string, GuideDoc>) {
  const numbers = new Map(data.numbers.map((n) => [n.id, n]));
  return {
    themes: data.themes.map((theme) => ({
      titre: theme.titre,
      demandes: theme.demandes.map((r) => {
        const guide = r.guide ? guides.get(r.guide) : undefined;
        const [key = 'service', value = ''] = Object.entries(r.lieu.filtre).find((e) => typeof e[1] === 'string') ?? [];
        return {
          demande: r.demande,
          ...(guide ? { guide: { title: guide.title, path: guide.permalink } } : {}),
          lieu: { texte: r.lieu.texte, href: `${sitePaths.directory}?${new URLSearchParams({ [key]: String(value) })}` },
          ...(r.aussi ? { aussi: r.aussi } : {}),
          appeler: (r.appeler ?? []).flatMap((id) => {
            const n = numbers.get(id);
            return n ? [{ id: n.id, nom: n.nom, numero: n.numero }] : [];
          }),
        };
      }),
    })),
  };
}

export async function addKnowledgePages(options: {
  allContent: AllContent;
  actions: PluginContentLoadedActions;
  siteDir: string;
  siteUrl: string;
  contentDir: string;
}): Promise<void> {
  const { actions, siteUrl } = options;
  const guides = guideDocs(options.allContent, options.siteDir);
  for (const guide of guides) {
    const fm = splitFrontMatter(fs.readFileSync(guide.file, 'utf8'), guide.file);
    const verified = fm?.data.verified;
    const summary = {
      title: guide.title,
      description: guide.description,
      guidePath: guide.permalink,
      ...(typeof verified === 'string' ? { verified } : {}),
      ...summarizeSteps(fm?.body ?? ''),
      siteUrl,
    };
    const module = await actions.createData(`resume-${guide.id.replace(/\//g, '--')}.json`, JSON.stringify(summary));
    actions.addRoute({ path: sitePaths.guideSummary(guide.permalink), component: '@theme/Knowledge/GuideSummary', modules: { summary: module }, exact: true });
  }

  // The content check has refused wrong data already; here only the loading is needed.
  const byId = new Map(guides.map((g) => [g.id, g]));
  const { data, errors } = loadAidantData(options.contentDir, {
    guideExists: (id) => byId.has(id),
    filterError: () => undefined,
  });
  if (errors.length) throw new Error(`passerelle-content: content/aidant/ :\n${errors.join('\n')}`);
  if (!data) return;
  const requests = await actions.createData('la-personne-veut.json', JSON.stringify(requestsView(data, byId)));
  actions.addRoute({ path: sitePaths.aidantRequests, component: '@theme/Knowledge/AidantRequests', modules: { data: requests }, exact: true });
  const numbers = await actions.createData('numeros-utiles.json', JSON.stringify({ numbers: data.numbers, siteUrl }));
  actions.addRoute({ path: sitePaths.keyNumbers, component: '@theme/Knowledge/KeyNumbers', modules: { data: numbers }, exact: true });
}
