// The light pages' shell and the pages site/directory renders besides the directory's: the
// template's Docusaurus scripts and stylesheet replaced by the light stylesheet inline
// (kept linked when that is not built), the header's link to the page's part marked, the
// home page with its « Site en démonstration » notice only while sample listings are
// published, and the 404 page; the notice component itself, with no props.

import fs from 'node:fs';
import path from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContentModel, resolvePaths } from '../../core/model/index.ts';
import { readInitiativeFile, writeInitiativeFile } from '../../core/model/initiative-files.ts';
import { renderHomeHtml, siteFactsOf } from '../../site/directory/light-pages.tsx';
import { renderDirectory } from '../../site/directory/render-directory.tsx';
import { LIGHT_CSS, loadShell, SITE_SCRIPT } from '../../site/directory/shell.ts';
import DemoSiteNotice from '../../site/theme/Directory/DemoSiteNotice.tsx';
import { SiteFactsContext } from '../../site/theme/Directory/SiteFacts.tsx';
import { tempContent } from '../helpers/content.ts';

const repoBuild = resolvePaths({}).build;
let env: ReturnType<typeof tempContent>;

beforeAll(() => {
  env = tempContent();
  fs.mkdirSync(path.join(env.paths.build, 'passerelle'), { recursive: true });
  fs.copyFileSync(path.join(repoBuild, 'gabarit-annuaire.html'), path.join(env.paths.build, 'gabarit-annuaire.html'));
});

afterAll(() => env.cleanup());

const page = (file: string) => fs.readFileSync(path.join(env.paths.build, file), 'utf8');

describe('the light shell', () => {
  it('keeps the template’s stylesheet linked until the light one is built, then puts that inline with site.js', () => {
    fs.rmSync(path.join(env.paths.build, LIGHT_CSS), { force: true });
    const linked = loadShell(env.paths.build).fill({ title: 'T', description: 'D', path: '/annuaire', head: '', body: '<p>corps</p>' });
    expect(linked).toMatch(/<link[^>]*rel="stylesheet"[^>]*href="\/assets\/css\//);
    expect(linked).not.toContain('<style>');
    expect(linked).not.toMatch(/<script\b(?![^>]*type="module" src="\/passerelle\/)/);

    fs.copyFileSync(path.join(repoBuild, LIGHT_CSS), path.join(env.paths.build, LIGHT_CSS));
    fs.copyFileSync(path.join(repoBuild, SITE_SCRIPT.slice(1)), path.join(env.paths.build, SITE_SCRIPT.slice(1)));
    const light = loadShell(env.paths.build).fill({ title: 'T', description: 'D', path: '/annuaire/charleroi', head: '', body: '<p>corps</p>' });
    expect(light).not.toMatch(/<link[^>]*rel="stylesheet"/);
    expect(light.match(/<style>/g)).toHaveLength(1);
    expect(light).toContain('.entete__menu');
    expect(light).toContain(`<script type="module" src="${SITE_SCRIPT}"></script></head>`);
    // Only our own module: no Docusaurus runtime.
    expect(light.match(/<script\b/g)).toHaveLength(1);
    // The header says which part of the site the page is in.
    expect(light).toContain('<a class="entete__lien" href="/annuaire" aria-current="true">');
    expect(light).toMatch(/<a class="entete__lien" href="\/guides">/);
    expect(light).toContain('<details class="entete__menu">');
    expect(light).toContain('<p>corps</p>');
  });
});

describe('the home and 404 pages', () => {
  it('renders them light after the directory, with the notice while sample listings are published', () => {
    const model = loadContentModel(env.paths);
    renderDirectory({ buildDir: env.paths.build, model });
    const home = page('index.html');
    expect(home).toContain('<h1>L&#x27;aide numérique près de chez vous</h1>');
    expect(home).toContain('Site en démonstration');
    expect(home).toContain('href="/annuaire"');
    expect(home).toMatch(/<link[^>]*rel="canonical"[^>]*href="http:\/\/localhost:3000\/"/);
    expect(home).not.toContain('/assets/js/');
    const notFound = page('404.html');
    expect(notFound).toContain('<h1>Cette page n&#x27;existe pas</h1>');
    expect(notFound).toContain('action="/recherche"');
    for (const href of ['/annuaire', '/guides', '/formation', '/']) expect(notFound).toContain(`href="${href}"`);
    expect(notFound).toContain('<meta name="robots" content="noindex">');

    // Once no listing is sample data, the notice goes.
    const file = path.join(env.paths.initiatives, 'permanence-marcinelle.yml');
    writeInitiativeFile(env.paths.initiatives, { ...readInitiativeFile(model, file), source: { origin: 'team' } });
    renderDirectory({ buildDir: env.paths.build, model });
    expect(page('index.html')).not.toContain('Site en démonstration');
  });

  it('counts the sample listings among the published ones', () => {
    const model = loadContentModel(env.paths);
    const base = readInitiativeFile(model, path.join(env.paths.initiatives, 'permanence-marcinelle.yml'));
    const verified = { ...base, source: { origin: 'team' as const } };
    const demo = { ...base, source: { origin: 'demo' as const } };
    expect(siteFactsOf([verified, demo, demo])).toEqual({ listings: 3, demoListings: 2 });
    const html = renderHomeHtml(loadShell(env.paths.build), siteFactsOf([verified, demo]));
    expect(html).toContain('1 des 2 lieux de l&#x27;annuaire sont des exemples');
  });
});

describe('DemoSiteNotice', () => {
  it('takes no props: it says what the renderer’s facts say, and nothing without them', () => {
    const render = (facts?: { listings: number; demoListings: number }) =>
      renderToStaticMarkup(
        <SiteFactsContext.Provider value={facts}>
          <DemoSiteNotice />
        </SiteFactsContext.Provider>,
      );
    expect(render()).toBe('');
    expect(render({ listings: 10, demoListings: 0 })).toBe('');
    expect(render({ listings: 10, demoListings: 10 })).toContain('les lieux de l&#x27;annuaire sont des exemples');
    expect(render({ listings: 10, demoListings: 3 })).toContain('3 des 10 lieux');
  });
});
