// /wifi, the page the City's free WiFi portal opens: light (≤ 30 KB on the wire, no
// script), with the place the portal names and its next opening, help nearby, the next
// activities, the news, the transport and agenda links, and a safety tip; accessible.
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvePaths } from '../../../core/model/paths.ts';
import { launchBrowser, seriousViolations } from '../../helpers/browser.ts';
import { tempContent } from '../../helpers/content.ts';
import { startTestServer } from '../../helpers/server.ts';

let env: ReturnType<typeof tempContent>;
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  env = tempContent(resolvePaths({}).content);
  server = await startTestServer(env.paths, {
    config: {
      plugins: [],
      reach: { wifi: { transportUrl: 'https://www.letec.be', agendaUrl: 'https://agenda.example/charleroi', agendaLabel: 'L’agenda culturel de la Ville' } },
    },
  });
});

afterAll(async () => {
  await server?.close();
  env?.cleanup();
});

async function page(query = ''): Promise<{ html: string; gzip: number; status: number }> {
  const res = await fetch(`${server.url}/wifi${query}`);
  const html = await res.text();
  return { html, gzip: zlib.gzipSync(html).length, status: res.status };
}

describe('/wifi', () => {
  it('is light: under 30 KB on the wire, and no script at all', async () => {
    const { html, gzip, status } = await page();
    expect(status).toBe(200);
    expect(gzip).toBeLessThanOrEqual(30 * 1024);
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(30 * 1024); // even uncompressed
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<html lang="fr-BE"');
  });

  it('welcomes without a place, with help, the safety tip, news and the configured links', async () => {
    const { html } = await page();
    expect(html).toContain('Bienvenue sur le WiFi gratuit de la Ville');
    expect(html).toContain('De l’aide près d’ici');
    expect(html).toContain('Sur un WiFi public');
    expect(html).toContain('href="/guides/bases/wifi-public-ville"');
    expect(html).toContain('href="https://www.letec.be">Horaires TEC');
    expect(html).toContain('href="https://agenda.example/charleroi">L’agenda culturel de la Ville');
    expect(html).toMatch(/<h2>Actualités<\/h2><ul><li><a href="\/actualites\/2026\/10\/15\/salon-inclusion-numerique">/);
  });

  it('names the place the portal passes, with its next opening, and help near it', async () => {
    const { html } = await page('?lieu=wifi-gratuit-a-la-maison-communale-annexe-de-marcinelle');
    expect(html).toMatch(/Vous êtes à <strong>[^<]+<\/strong>/);
    expect(html).toMatch(/<strong>Ici :<\/strong> (Ouvert maintenant, jusqu’à|Aujourd’hui à|[A-Z][a-z]+ à|Horaires : à confirmer|Pas d’ouverture)/);
    expect(html).toMatch(/· à \d/);
  });

  it('ignores an unknown or hostile place', async () => {
    const { html, status } = await page(`?lieu=${encodeURIComponent('../../etc/passwd')}`);
    expect(status).toBe(200);
    expect(html).not.toContain('Vous êtes à');
    expect(html).not.toContain('passwd');
  });

  it('has no serious accessibility problem at 360 and 1280 px', async () => {
    const browser = await launchBrowser();
    try {
      for (const width of [360, 1280]) {
        // bypassCSP lets axe be injected (the page itself allows no inline script).
        const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 800 } });
        const p = await context.newPage();
        await p.goto(`${server.url}/wifi?lieu=wifi-gratuit-a-la-maison-communale-annexe-de-marcinelle`);
        expect(await seriousViolations(p), `at ${width} px`).toEqual([]);
        expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await context.close();
      }
    } finally {
      await browser.close();
    }
  });
});
