// `npm run check` (checkContent): the fixture passes, and each kind of mistake gives one
// message that names the file, the field and the fix. Table-driven: one mutation per row.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../core/content/check-content.ts';
import { loadContentModel, loadInitiatives } from '../../core/model/index.ts';
import { ROOT_DIR, resolvePaths } from '../../core/model/paths.ts';
import { tempContent } from '../helpers/content.ts';

const TODAY = '2026-11-23';
const FILE = 'initiatives/permanence-marcinelle.yml';
let env: ReturnType<typeof tempContent> | undefined;

afterEach(() => {
  env?.cleanup();
  env = undefined;
});

function edit(relative: string, change: (text: string) => string): void {
  const file = path.join(env!.paths.content, relative);
  const before = fs.readFileSync(file, 'utf8');
  const after = change(before);
  expect(after, 'the mutation must change the file').not.toBe(before);
  fs.writeFileSync(file, after);
}

function write(relative: string, text: string): void {
  const file = path.join(env!.paths.content, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

const GUIDE = `---
title: Un guide
description: Ce que fait le guide.
theme: bases
audience: Tout le monde.
service: aide-demarches-administratives
verified: 2026-11-20
sources:
  - title: "Belgium.be — Une page lue"
    url: https://www.belgium.be/fr
---

## Étapes

Texte.
`;

describe('npm run check', () => {
  it('passes on the fixture content with no error', async () => {
    env = tempContent();
    const report = await checkContent(env.paths, TODAY);
    expect(report.errors).toEqual([]);
    expect(report.initiativeCount).toBe(1);
  });

  it('passes on the repository content, checked on the real date as `npm run check` does', async () => {
    // Not TODAY: the repository's dates move on with its content (a guide verified today).
    const report = await checkContent(resolvePaths({}));
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.initiativeCount).toBeGreaterThanOrEqual(40);
  });

  it('keeps the demo listings honest: public buildings say « à confirmer », no invented languages or access, no « Téléphoner » without a number', async () => {
    const paths = resolvePaths({});
    const model = loadContentModel(paths);
    const { initiatives } = loadInitiatives(model, paths.initiatives);
    const atPublicBuildings = initiatives.filter(
      (i) => i.source.origin === 'demo' && /^(Ville de|Commune de|CPAS de|Bibliothèques de la Ville|Le Forem)/.test(i.organisation.name),
    );
    expect(atPublicBuildings.length).toBeGreaterThanOrEqual(30);
    for (const i of atPublicBuildings) {
      expect(i.summary, i.id).toMatch(/à confirmer/);
      expect(i.languages, i.id).toEqual(['fr']);
      expect(i.access.accessibility, i.id).toBeUndefined();
      expect(i.support, i.id).toBeUndefined();
      // Hours stay only where the model still requires them (EPN, permanence).
      if (i.kind !== 'epn' && i.kind !== 'permanence') expect(i.hours, i.id).toBeUndefined();
    }
    for (const i of initiatives) if (i.access.modes.includes('telephoner')) expect(i.contact?.phone, i.id).toBeTruthy();
    // The salon: the news post gives no date yet, so no listing gives one either.
    const salon = initiatives.find((i) => i.id === 'salon-de-l-inclusion-numerique-2027');
    expect(salon?.status).toBe('archived');
    expect(fs.readFileSync(path.join(paths.content, 'news/2026-10-15-salon-inclusion-numerique.md'), 'utf8')).toMatch(/Date et lieu à confirmer/);
    expect(initiatives.filter((i) => i.status === 'active' && /salon/i.test(i.name))).toEqual([]);
  });

  it.each([
    [
      'a file name that is not a slug',
      () => fs.renameSync(path.join(env!.paths.content, FILE), path.join(env!.paths.content, 'initiatives/Permanence_Marcinelle.yml')),
      /Permanence_Marcinelle\.yml/,
      /n'est pas un identifiant .* renommez le fichier en permanence-marcinelle\.yml/,
    ],
    [
      'an unknown service',
      () => edit(FILE, (t) => t.replace('aide-demarches-administratives', 'cuisine-du-monde')),
      /`services\.0`/,
      /« cuisine-du-monde » n'est pas un service connu\. Valeurs possibles : aide-demarches-administratives/,
    ],
    [
      'hours that do not parse',
      () => edit(FILE, (t) => t.replace('Tu 09:00-12:00', 'Mardi matin')),
      /`hours`/,
      /n'est pas un horaire opening_hours valide[\s\S]*Exemple : /,
    ],
    [
      'hours the library would silently "correct"',
      () => edit(FILE, (t) => t.replace('Tu 09:00-12:00', 'mardi 9h-12h')),
      /`hours`/,
      /écrivez plutôt « Tu 09:00-12:00; Th 13:30-16:00; PH off »/,
    ],
    [
      'coordinates outside the territory',
      () => edit(FILE, (t) => t.replace('lat: 50.3889, lng: 4.4335', 'lat: 50.8503, lng: 4.3517')),
      /`geo`/,
      /est hors du territoire .* Vérifiez que latitude et longitude ne sont pas inversées/,
    ],
    ['a missing required field', () => edit(FILE, (t) => t.replace(/^summary: .*\n/m, '')), /`summary`/, /obligatoire : ajoutez ce champ/],
    ['an unknown field', () => edit(FILE, (t) => `${t}couleur: bleu\n`), /champ inconnu : `couleur`/, /Retirez-le ou vérifiez l'orthographe/],
    [
      'an id that differs from the file name',
      () => edit(FILE, (t) => t.replace('id: permanence-marcinelle', 'id: autre-nom')),
      /`id`: « autre-nom »/,
      /renommez le fichier en autre-nom\.yml ou mettez `id: permanence-marcinelle`/,
    ],
    ['a date in the future', () => edit(FILE, (t) => t.replace('updated: 2026-11-20', 'updated: 2027-01-01')), /`updated`: 2027-01-01/, /est dans le futur/],
  ])('refuses %s, naming file, field and fix', async (_what, mutate, field, fix) => {
    env = tempContent();
    mutate();
    const report = await checkContent(env.paths, TODAY);
    expect(report.errors.length, report.errors.join('\n')).toBeGreaterThanOrEqual(1);
    const message = report.errors.join('\n');
    expect(message).toMatch(/content\/initiatives\/|initiatives\//);
    expect(message).toMatch(field);
    expect(message).toMatch(fix);
  });

  it('refuses front matter that is not plain YAML (---js would run as code)', async () => {
    env = tempContent();
    write('guides/bases/piege.md', GUIDE.replace(/^---\n/, '---js\n'));
    const report = await checkContent(env.paths, TODAY);
    expect(report.errors.join('\n')).toMatch(/guides\/bases\/piege\.md[\s\S]*YAML simple/);
  });

  it('refuses a guide with a sentence too long to read easily, naming file and line', async () => {
    env = tempContent();
    const sentence = Array.from({ length: 30 }, () => 'mot').join(' ');
    write('guides/bases/trop-long.md', `${GUIDE}\n${sentence}.\n`);
    const errors = (await checkContent(env.paths, TODAY)).errors.join('\n');
    expect(errors).toMatch(/guides\/bases\/trop-long\.md:17: phrase de 30 mots \(20 au plus\) : coupez-la en deux/);
  });

  it('checks links to the directory: filters from the vocabularies, pages that exist', async () => {
    env = tempContent();
    write(
      'guides/bases/liens.md',
      `${GUIDE}\n[Bon](pathname:///annuaire?service=aide-demarches-administratives) et [fiche](pathname:///annuaire/permanence-marcinelle).\n\n[Mauvais](pathname:///annuaire?service=cuisine&couleur=bleu) [absent](pathname:///annuaire/nexiste-pas)\n`,
    );
    const errors = (await checkContent(env.paths, TODAY)).errors;
    expect(errors).toHaveLength(3);
    expect(errors.join('\n')).toMatch(/liens\.md:19: lien \/annuaire\?service=cuisine&couleur=bleu : « cuisine » n'est pas une valeur connue pour « service »/);
    expect(errors.join('\n')).toMatch(/le filtre « couleur » n'existe pas/);
    expect(errors.join('\n')).toMatch(/aucune initiative active « nexiste-pas »/);
  });

  it('accepts a complete guide and names each missing front-matter field', async () => {
    env = tempContent();
    write('guides/bases/bon-guide.md', GUIDE);
    expect((await checkContent(env.paths, TODAY)).errors).toEqual([]);
    write('guides/bases/guide-incomplet.md', GUIDE.replace(/^audience: .*\n/m, '').replace('service: aide-demarches-administratives', 'service: inconnu'));
    const errors = (await checkContent(env.paths, TODAY)).errors.join('\n');
    expect(errors).toMatch(/guide-incomplet\.md: `audience`/);
    expect(errors).toMatch(/guide-incomplet\.md: `service`: « inconnu » n'est pas un service connu/);
  });
});

describe('`npm run check` itself, on a copy of the repository content', () => {
  const LAUNCHER = path.join(ROOT_DIR, 'scripts/launch.mjs');
  const GUIDE_FILE = 'guides/identite-securite/itsme-installer-activer.md';

  /** `node scripts/launch.mjs check` (what `npm run check` runs) on the copy: exit code and output. */
  function runCheck(): { status: number | null; output: string } {
    const result = spawnSync(process.execPath, [LAUNCHER, 'check'], {
      cwd: ROOT_DIR,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PASSERELLE_CONTENT_DIR: env!.paths.content },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  }

  it('passes on the unmodified copy', () => {
    env = tempContent(resolvePaths({}).content);
    const { status, output } = runCheck();
    expect(output).toMatch(/Contenu valide : \d+ initiatives, \d+ guides\./);
    expect(status).toBe(0);
  });

  it.each([
    [
      'a guide without `sources`',
      () => edit(GUIDE_FILE, (t) => t.replace(/^sources:\n(?: {2}.*\n)+/m, '')),
      /itsme-installer-activer\.md: `sources`: `sources` \(les pages officielles lues pour vérifier les faits\) est obligatoire/,
    ],
    [
      'a guide without `verified`',
      () => edit(GUIDE_FILE, (t) => t.replace(/^verified: .*\n/m, '')),
      /itsme-installer-activer\.md: `verified`: `verified` \(date de la dernière vérification\) est obligatoire/,
    ],
    [
      'a step with two actions',
      () =>
        edit(GUIDE_FILE, (t) =>
          t.replace("2. **Ouvrez itsme.** L'application demande d'abord votre langue.", '2. **Ouvrez itsme et choisissez votre langue.**'),
        ),
      /itsme-installer-activer\.md:\d+: l'étape 2 demande 2 actions \(« Ouvrez », « choisissez »\) : une seule action par étape/,
    ],
    [
      'jargon missing from the glossary',
      () => edit('glossary.yml', (t) => t.replace(/^ {2}- term: organisme de paiement\n(?: {4}.*\n)+/m, '')),
      /onem-services-en-ligne\.md:\d+: « organisme de paiement » est un mot difficile \(content\/jargon\.yml\) que le glossaire n'explique pas/,
    ],
  ])('fails (exit 1) on %s, naming the file and the fix', (_what, mutate, message) => {
    env = tempContent(resolvePaths({}).content);
    mutate();
    const { status, output } = runCheck();
    expect(output).toMatch(message);
    expect(output).toMatch(/\d+ erreur\(s\) dans le contenu\./);
    expect(status).toBe(1);
  });
});
