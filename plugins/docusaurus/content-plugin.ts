// The Docusaurus plugin of the content model: validates every content file when the site
// builds (a bad file stops the build with the file, field and fix), and watches the
// initiatives in development; once the guides are loaded, adds their one-page summaries and
// the aidant's pages (knowledge-pages.ts). Initiative pages are not Docusaurus routes: see
// site/directory/render-directory.tsx, run after the build by scripts/build.ts.
import type { LoadContext, Plugin } from '@docusaurus/types';
import { pino } from 'pino';
import { checkContent } from '../../core/content/check-content.ts';
import { loadGlossary } from '../../core/model/glossary.ts';
import { loadContentModel } from '../../core/model/index.ts';
import { resolvePaths } from '../../core/model/paths.ts';
import { proposalVocabularies } from '../../core/proposal-form.ts';
import { sitePaths } from '../../core/urls.ts';
import { createPluginHost } from '../api/host.ts';
import type { SiteData } from '../api/types.ts';
import { addKnowledgePages } from './knowledge-pages.ts';

export interface PasserelleGlobalData {
  directoryPath: string;
  /** A plugin's banner (siteData hook), shown on every page. */
  banner?: SiteData['banner'];
}

interface LoadedContent {
  global: PasserelleGlobalData;
  openData: { licence: { name: string; url: string }; formats: { format: string; label: string; description: string; fileName: string }[] };
}

export default function contentPlugin(context: LoadContext): Plugin {
  const paths = resolvePaths();
  return {
    name: 'passerelle-content',
    async loadContent() {
      const report = await checkContent(paths);
      if (report.errors.length) {
        throw new Error(
          `Le contenu n'est pas valide (${report.errors.length} problème(s)) :\n${report.errors.join('\n')}\nCorrigez puis relancez ; \`npm run check\` donne la même liste.`,
        );
      }
      // The plugins of passerelle.config.ts: a banner, and the open-data formats to list.
      const model = loadContentModel(paths);
      const plugins = await createPluginHost({ paths, model, logger: pino({ level: process.env.LOG_LEVEL ?? 'warn' }), runtime: 'build' });
      const banner = plugins.siteData({}).banner;
      // Nothing that grows or changes with the initiatives goes to the client.
      const global: PasserelleGlobalData = { directoryPath: sitePaths.directory, ...(banner ? { banner } : {}) };
      const openData = {
        licence: plugins.licence,
        formats: plugins.exporters().map((e) => ({ format: e.format, label: e.label, description: e.description, fileName: e.fileName })),
      };
      const content: LoadedContent = { global, openData };
      return content;
    },
    async contentLoaded({ content, actions }) {
      const { global, openData } = content as LoadedContent;
      actions.setGlobalData(global);
      const openDataModule = await actions.createData('open-data.json', JSON.stringify(openData));
      actions.addRoute({ path: sitePaths.openData, component: '@theme/OpenData', modules: { data: openDataModule }, exact: true });
      // /glossaire: every term of content/glossary.yml, on its own page (its data is loaded
      // by that page only, not by every page).
      const terms = loadGlossary(paths.content).sort((a, b) => a.term.localeCompare(b.term, 'fr', { sensitivity: 'base' }));
      const data = await actions.createData('glossary.json', JSON.stringify(terms));
      actions.addRoute({ path: sitePaths.glossary, component: '@theme/Glossary', modules: { terms: data }, exact: true });
      // /proposer: the proposal form, with its choices taken from the vocabularies and territory.
      const vocab = await actions.createData('proposal-vocabularies.json', JSON.stringify(proposalVocabularies(loadContentModel(paths))));
      actions.addRoute({ path: sitePaths.proposal, component: '@theme/ProposalForm', modules: { vocab }, exact: true });
    },
    // Once the guides are loaded: a printable summary per guide, « La personne veut… » and
    // the key numbers (plugins/docusaurus/knowledge-pages.ts).
    async allContentLoaded({ allContent, actions }) {
      await addKnowledgePages({ allContent, actions, siteDir: context.siteDir, siteUrl: context.siteConfig.url, contentDir: paths.content });
    },
    getPathsToWatch: () => [
      paths.config,
      `${paths.content}/initiatives/*.yml`,
      `${paths.content}/territory/*.yml`,
      `${paths.content}/glossary.yml`,
      `${paths.content}/jargon.yml`,
      `${paths.content}/aidant/*.yml`,
    ],
  };
}
