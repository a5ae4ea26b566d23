// Paper that stays true, in real Chromium's print (PDF, A4): a listing's « fiche
// d'orientation » is one page with the week's hours, the address, the phone, a QR code of
// the page and the date of printing, and never « maintenant » or « aujourd'hui »; the
// longest guide and the itsme guide print without a blank page.

import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvePaths } from '../../core/model/paths.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { lightSite } from '../helpers/light-site.ts';
import { pdfPages } from '../helpers/pdf.ts';
import { startTestServer } from '../helpers/server.ts';

const FULL = 'fiche-complete';
let site: Awaited<ReturnType<typeof lightSite>>;
let repo: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

beforeAll(async () => {
  site = await lightSite([
    // As much as a listing holds: a long name and description, every day's hours, many terms, phone, e-mail, two sites.
    (base) => ({
      ...base,
      id: FULL,
      name: 'Permanence « aide numérique » de la maison communale annexe de Marchienne-au-Pont',
      description: Array.from({ length: 12 }, (_, n) => `Paragraphe ${n + 1} : ${'on vous aide pas à pas avec vos démarches en ligne. '.repeat(6)}`).join(
        '\n\n',
      ),
      hours: 'Mo-Fr 09:00-12:00,13:30-16:30; Sa 09:00-12:00; Su 14:00-17:00; PH off',
      services: ['aide-demarches-administratives', 'acces-internet-materiel', 'formation-aidants'],
      publics: ['tout-public', 'seniors'],
      support: ['illettrisme'],
      languages: ['fr', 'ar'],
      access: { ...base.access, modes: ['se-presenter', 'telephoner'] },
      contact: { phone: '071 86 12 34', email: 'aide@example.be', website: 'https://www.example.be/permanence' },
    }),
  ]);
  repo = await startTestServer(resolvePaths({}));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await repo?.close();
});

/** Today in Brussels, as the sheet prints it (« 30 novembre 2026 »). */
const today = () => new Intl.DateTimeFormat('fr-BE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Brussels' }).format(new Date());

async function printed(page: Page): Promise<{ pages: ReturnType<typeof pdfPages>; text: string }> {
  const pdf = await page.pdf({ format: 'A4' });
  await page.emulateMedia({ media: 'print' });
  const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
  return { pages: pdfPages(pdf), text };
}

describe('the fiche d’orientation', () => {
  for (const [what, base, id] of [
    ['the fullest listing', () => site.url, FULL],
    ['a listing of the seed', () => repo.url, 'permanence-aide-numerique-de-marcinelle'],
  ] as const)
    it(`prints ${what} on one A4 page that stays true`, async () => {
      const page = await browser.newPage({ locale: 'fr-BE', timezoneId: 'Europe/Brussels' });
      await page.goto(`${base()}/annuaire/${id}`, { waitUntil: 'networkidle' });
      // On screen the page says whether the place is open now and marks today: not on paper.
      expect(await page.locator('#etat-ouverture-texte').textContent()).toMatch(/maintenant/);
      expect(await page.locator('tr.horaires__aujourdhui').count()).toBe(1);
      const { pages, text } = await printed(page);
      expect(pages).toHaveLength(1);
      expect(text).not.toMatch(/maintenant|aujourd.hui/i);
      expect(await page.locator('table.horaires tbody tr').count()).toBe(7);
      expect(await page.locator('table.horaires').isVisible()).toBe(true);
      expect(text).toContain('Mardi');
      expect(text).toContain('Avenue Eugène Mascaux 100');
      expect(text).toContain(`Imprimée le ${today()}`);
      expect(text).toMatch(new RegExp(`https?://[^ ]+/annuaire/${id}`));
      expect(await page.locator('svg.fiche-orientation__qr').isVisible()).toBe(true);
      expect(await page.locator('svg.fiche-orientation__qr path').getAttribute('d')).toMatch(/^M4 4h7/);
      for (const screenOnly of ['header.entete', 'footer.pied', '.actions-fiche', '#carte-lieu', '.lire-voix-haute'])
        expect(await page.locator(screenOnly).first().isVisible(), screenOnly).toBe(false);
      if (id === FULL) expect(text).toContain('Téléphone : 071 86 12 34');
      await page.close();
    });
});

/** The guide whose built page is the largest. */
function longestGuide(): string {
  const dir = path.join(resolvePaths({}).build, 'guides');
  const pages = fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.html'))
    .map((f) => ({ url: `/guides/${f.replace(/(\/index)?\.html$/, '')}`, size: fs.statSync(path.join(dir, f)).size }));
  pages.sort((a, b) => b.size - a.size);
  return pages[0]?.url ?? '';
}

describe('a guide on paper', () => {
  it.each([
    ['the longest guide', longestGuide],
    ['the itsme guide', () => '/guides/identite-securite/itsme-installer-activer'],
  ])('prints %s without a blank page', async (_what, url) => {
    const page = await browser.newPage();
    await page.goto(`${repo.url}${url()}`, { waitUntil: 'networkidle' });
    await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true');
    const { pages } = await printed(page);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((p, n) => {
      expect(p.textRuns + p.drawings, `page ${n + 1} of ${pages.length} of ${url()} is blank`).toBeGreaterThan(0);
    });
    await page.close();
  });
});
