// The directory inside a partner's own site: a page on ANOTHER origin embeds both snippets
// (the iframe and the script); with JavaScript both show the filtered places, without it
// the iframe does; labels follow the partner page's language; the script stays small and
// sends no cookie; only the widget may be framed — the rest of Passerelle refuses to be.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvePaths } from '../../../core/model/paths.ts';
import { launchBrowser, seriousViolations } from '../../helpers/browser.ts';
import { tempContent } from '../../helpers/content.ts';
import { startTestServer } from '../../helpers/server.ts';

let env: ReturnType<typeof tempContent>;
let server: Awaited<ReturnType<typeof startTestServer>>;
let partner: http.Server;
let partnerUrl: string;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

/** The partner's own site, on another port (another origin), with the two snippets. */
function partnerPage(lang: string, passerelle: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>CPAS</title>
<style>li { color: red !important; font-size: 40px }</style></head><body>
<h1>Le site du partenaire</h1>
<iframe id="cadre" src="${passerelle}/widget?commune=charleroi&kind=epn&limit=3&lang=${lang}" title="Aide numérique près de chez vous" width="100%" height="480"></iframe>
<script src="${passerelle}/widget.js" defer></script>
<passerelle-annuaire kind="epn" near="6001" limit="3"></passerelle-annuaire>
</body></html>`;
}

beforeAll(async () => {
  env = tempContent(resolvePaths({}).content);
  server = await startTestServer({ ...env.paths, build: resolvePaths({}).build }, { config: { plugins: [] } });
  partner = http.createServer((req, res) => {
    const lang = new URL(req.url ?? '/', 'http://x').searchParams.get('lang') ?? 'fr-BE';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(partnerPage(lang, server.url));
  });
  await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
  partnerUrl = `http://localhost:${(partner.address() as AddressInfo).port}`; // localhost ≠ 127.0.0.1: another origin
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => partner?.close(() => resolve()));
  await server?.close();
  env?.cleanup();
});

describe('the embeddable directory', () => {
  it('shows the filtered places in a partner page on another origin, with both snippets', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: { url: string; cookie?: string }[] = [];
    page.on('request', (r) => {
      if (r.url().startsWith(server.url)) requests.push({ url: r.url(), cookie: r.headers().cookie });
    });
    await page.goto(`${partnerUrl}/?lang=fr-BE`);
    // The script's element: its list lives in a shadow root (the partner's red 40 px does not reach it).
    const items = page.locator('passerelle-annuaire li');
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(3);
    expect(await items.first().evaluate((li) => getComputedStyle(li).fontSize)).not.toBe('40px');
    const links = await page.locator('passerelle-annuaire a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.slice(0, 3).every((href) => href.startsWith(`${server.url}/annuaire/`))).toBe(true);
    // Nearest first: the distances read in ascending order.
    const metres = await page.locator('passerelle-annuaire li .petit').allTextContents();
    const distances = metres
      .map((t) => /· ([\d,]+)\u00a0(m|km)$/.exec(t))
      .filter((m) => m !== null)
      .map((m) => Number(m[1]?.replace(',', '.')) * (m[2] === 'km' ? 1000 : 1));
    expect(distances).toHaveLength(3);
    expect(distances.every((d, i) => i === 0 || d >= (distances[i - 1] ?? 0))).toBe(true);
    // The iframe: the commune's EPN.
    const frame = page.frameLocator('#cadre');
    await expect.poll(() => frame.locator('li').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await frame.locator('h1').textContent()).toBe('Aide numérique près de chez vous');
    // No cookie is ever sent to Passerelle from the partner's page.
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((r) => !r.cookie)).toBe(true);
    await context.close();
  });

  it('speaks the partner page’s language for its few words', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${partnerUrl}/?lang=nl`);
    await expect.poll(() => page.locator('passerelle-annuaire h2').textContent(), { timeout: 10_000 }).toBe('Digitale hulp in uw buurt');
    expect(await page.frameLocator('#cadre').locator('h1').textContent()).toBe('Digitale hulp in uw buurt');
    await context.close();
  });

  it('works without JavaScript through the iframe', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${partnerUrl}/?lang=fr-BE`);
    const frame = page.frameLocator('#cadre');
    await expect.poll(() => frame.locator('li').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.locator('passerelle-annuaire li').count()).toBe(0);
    await context.close();
  });

  it('keeps its script under 15 KB compressed, loadable by other sites', async () => {
    const res = await fetch(`${server.url}/widget.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const body = Buffer.from(await res.arrayBuffer());
    expect(zlib.gzipSync(body).length).toBeLessThanOrEqual(15 * 1024);
    expect(body.toString()).not.toMatch(/document\.cookie|localStorage|sendBeacon/);
  });

  it('lets other sites frame the widget only; the rest of the site refuses to be framed', async () => {
    const widget = await fetch(`${server.url}/widget?commune=charleroi`);
    expect(widget.headers.get('x-frame-options')).toBeNull();
    expect(widget.headers.get('content-security-policy')).toMatch(/frame-ancestors \*/);
    for (const pathName of ['/', '/annuaire', '/integrer', '/wifi']) {
      const res = await fetch(`${server.url}${pathName}`);
      expect(res.headers.get('x-frame-options'), pathName).toBe('SAMEORIGIN');
      expect(res.headers.get('content-security-policy'), pathName).toMatch(/frame-ancestors 'self'/);
    }
    // In the browser: a partner page framing the home page gets nothing.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setContent(`<iframe id="accueil" src="${server.url}/" title="x"></iframe>`);
    await page.waitForTimeout(500);
    const frame = page.frames().find((f) => f.url().startsWith(server.url));
    expect(
      await frame
        ?.locator('h1')
        .count()
        .catch(() => 0),
    ).toBeFalsy();
    await context.close();
  });

  it('follows a config that names the sites allowed to frame it', async () => {
    const other = await startTestServer(
      { ...env.paths, build: resolvePaths({}).build },
      {
        config: { plugins: [], reach: { widget: { frameAncestors: ['https://www.cpas-exemple.be'] } } },
      },
    );
    try {
      const res = await fetch(`${other.url}/widget`);
      expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors https:\/\/www\.cpas-exemple\.be/);
    } finally {
      await other.close();
    }
  });

  it('gives partners the two snippets and a live preview at /integrer, accessible at 360 and 1280 px', async () => {
    for (const width of [360, 1280]) {
      const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server.url}/integrer`);
      expect(await page.locator('h1').textContent()).toBe('Afficher l’annuaire sur votre site');
      await page.selectOption('#integrer-commune', 'fleurus');
      await expect.poll(() => page.locator('#code-iframe').textContent()).toContain('commune=fleurus');
      expect(await page.locator('#code-script').textContent()).toContain('commune="fleurus"');
      await expect.poll(() => page.locator('#integrer-apercu').getAttribute('src')).toContain('commune=fleurus');
      expect(await seriousViolations(page), `/integrer at ${width} px`).toEqual([]);
      await page.goto(`${server.url}/widget?commune=charleroi`);
      expect(await seriousViolations(page), `/widget at ${width} px`).toEqual([]);
      await context.close();
    }
  });

  it('builds the snippets on the server too (no JavaScript)', async () => {
    const html = await (await fetch(`${server.url}/integrer?commune=fleurus&kind=epn&openNow=1`)).text();
    expect(html).toContain('commune=fleurus&amp;kind=epn&amp;openNow=1');
    expect(html).toContain('open-now=&quot;1&quot;');
  });
});
