// checkContent: one mistake in a valid initiative or guide gives exactly one error naming the file, the field and the fix.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../../core/content/check-content.ts';
import { displayPath } from '../../../core/model/yaml-file.ts';
import { tempContent } from '../../helpers/content.ts';

const TODAY = '2026-11-23';
const FIXTURE = 'initiatives/permanence-marcinelle.yml';
let env: ReturnType<typeof tempContent> | undefined;
afterEach(() => {
  env?.cleanup();
  env = undefined;
});

/** The temp copy's absolute path of a content file. */
const at = (relative: string) => path.join(env!.paths.content, relative);

function edit(change: (text: string) => string): void {
  const before = fs.readFileSync(at(FIXTURE), 'utf8');
  const after = change(before);
  expect(after, 'the mutation must change the file').not.toBe(before);
  fs.writeFileSync(at(FIXTURE), after);
}

function rename(to: string): void {
  fs.renameSync(at(FIXTURE), at(`initiatives/${to}`));
}

async function errorsAfter(mutate: () => void): Promise<string[]> {
  env = tempContent();
  mutate();
  return (await checkContent(env.paths, TODAY)).errors;
}

it('passes the unmodified fixture with no error and no warning', async () => {
  env = tempContent();
  const report = await checkContent(env.paths, TODAY);
  expect(report.errors).toEqual([]);
  expect(report.warnings).toEqual([]);
  expect(report.initiativeCount).toBe(1);
});

describe('an initiative with one mistake', () => {
  it.each([
    // [what, mutation, file named in the message, field, fix hint]
    [
      'a file name that is not a slug',
      () => rename('Permanence_Marcinelle.yml'),
      'initiatives/Permanence_Marcinelle.yml',
      /le nom du fichier « Permanence_Marcinelle\.yml » n'est pas un identifiant/,
      /renommez le fichier en permanence-marcinelle\.yml, avec `id: permanence-marcinelle`/,
    ],
    [
      'a file name too short to be a slug',
      () => rename('ab.yml'),
      'initiatives/ab.yml',
      /nom du fichier « ab\.yml »/,
      /renommez le fichier en permanence-marcinelle\.yml/,
    ],
    [
      'a file name that differs from the id',
      () => rename('autre-nom.yml'),
      'initiatives/autre-nom.yml',
      /`id`: « permanence-marcinelle » ne correspond pas au nom du fichier/,
      /renommez le fichier en permanence-marcinelle\.yml ou mettez `id: autre-nom`/,
    ],
    ['the .yaml extension', () => rename('permanence-marcinelle.yaml'), 'initiatives/permanence-marcinelle.yaml', /extension/, /utilisez l'extension \.yml/],
    [
      'an unknown service',
      () => edit((t) => t.replace('[ aide-demarches-administratives ]', '[ cuisine-du-monde ]')),
      FIXTURE,
      /`services\.0`: « cuisine-du-monde » n'est pas un service connu/,
      /Valeurs possibles : aide-demarches-administratives, acces-internet-materiel/,
    ],
    [
      'hours that do not parse',
      () => edit((t) => t.replace('hours: Tu 09:00-12:00;', 'hours: Mardi matin;')),
      FIXTURE,
      /`hours`: « Mardi matin; .* » n'est pas un horaire opening_hours valide/,
      /Exemple : "Mo-Fr 09:00-12:00; PH off"/,
    ],
    [
      'hours outside the day',
      () => edit((t) => t.replace('Th 13:30-16:00', 'Th 25:00-26:00')),
      FIXTURE,
      /`hours`: .*n'est pas un horaire opening_hours valide/,
      /Exemple : "Mo-Fr 09:00-12:00; PH off"/,
    ],
    [
      'hours in French that the library would "correct"',
      () => edit((t) => t.replace(/^hours: .*$/m, 'hours: mardi 9h-12h')),
      FIXTURE,
      /`hours`/,
      /écrivez plutôt « Tu 09:00-12:00 »/,
    ],
    [
      'coordinates in Brussels',
      () => edit((t) => t.replace('{ lat: 50.3889, lng: 4.4335 }', '{ lat: 50.8503, lng: 4.3517 }')),
      FIXTURE,
      /`geo`: \(50\.8503, 4\.3517\) est hors du territoire \(latitude 50\.3 à 50\.5, longitude 4\.3 à 4\.6\)/,
      /Vérifiez que latitude et longitude ne sont pas inversées/,
    ],
    [
      'latitude and longitude swapped',
      () => edit((t) => t.replace('{ lat: 50.3889, lng: 4.4335 }', '{ lat: 4.4335, lng: 50.3889 }')),
      FIXTURE,
      /`geo`: .*hors du territoire/,
      /inversées/,
    ],
    ['a missing summary', () => edit((t) => t.replace(/^summary: .*\n/m, '')), FIXTURE, /`summary`: Le résumé/, /est obligatoire : ajoutez ce champ/],
    [
      'a missing street',
      () => edit((t) => t.replace(/^ {2}street: .*\n/m, '')),
      FIXTURE,
      /`address\.street`: La rue et le numéro/,
      /obligatoire : ajoutez ce champ/,
    ],
    [
      'missing hours for a permanence',
      () => edit((t) => t.replace(/^hours: .*\n/m, '')),
      FIXTURE,
      /`hours`: sans horaires, un EPN ou une permanence a besoin d’un téléphone ou d’un e-mail/,
      /par exemple "Tu 09:00-12:00; PH off"/,
    ],
    [
      'an unknown field',
      () => edit((t) => `${t}couleur: bleu\n`),
      FIXTURE,
      /champ inconnu : `couleur`/,
      /Retirez-le ou vérifiez l'orthographe \(champs permis : id, name, kind/,
    ],
    [
      'an unknown field inside access',
      () => edit((t) => t.replace('  cost: gratuit\n', '  cost: gratuit\n  prix: 0\n')),
      FIXTURE,
      /`access`: champ inconnu : `prix`/,
      /Retirez-le ou vérifiez l'orthographe/,
    ],
    [
      'a postcode of another commune',
      () => edit((t) => t.replace('postcode: "6001"', 'postcode: "6200"')),
      FIXTURE,
      /`address\.postcode`: 6200 n'est pas un code postal de Charleroi/,
      /\(codes : 6000, 6001, 6043\)/,
    ],
    [
      'a postcode written as a number',
      () => edit((t) => t.replace('postcode: "6001"', 'postcode: 6001')),
      FIXTURE,
      /`address\.postcode`/,
      /entre guillemets \("6000"\)/,
    ],
  ])('%s', async (_what, mutate, shown, field, fix) => {
    const errors = await errorsAfter(mutate);
    expect(errors, errors.join('\n')).toHaveLength(1);
    const [message] = errors;
    expect(message!.startsWith(`${displayPath(at(shown))}: `), message).toBe(true);
    expect(message).toContain(`content/${shown}: `);
    expect(message).toMatch(field);
    expect(message).toMatch(fix);
  });
});

describe('honest listings', () => {
  it('warns (without refusing) about « Téléphoner » without a phone number', async () => {
    env = tempContent();
    edit((t) => t.replace('modes: [ se-presenter ]', 'modes: [ se-presenter, telephoner ]'));
    const report = await checkContent(env.paths, TODAY);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([
      `${displayPath(at(FIXTURE))}: \`access.modes\`: « Téléphoner » sans numéro : ajoutez \`contact.phone\`, ou retirez telephoner.`,
    ]);
  });
});

const GUIDE = `---
title: Créer une adresse e-mail
description: Pas à pas, avec un téléphone.
theme: bases
audience: Une personne qui n'a pas encore d'adresse.
service: aide-demarches-administratives
verified: 2026-11-20
sources:
  - title: "Belgium.be — Une page lue"
    url: https://www.belgium.be/fr
---

## Étapes

Ouvrez l'application.
`;

async function guideErrors(text: string, relative = 'guides/bases/adresse-email.md'): Promise<string[]> {
  return errorsAfter(() => {
    fs.mkdirSync(path.dirname(at(relative)), { recursive: true });
    fs.writeFileSync(at(relative), text);
  });
}

describe('guide front matter', () => {
  it('accepts a complete guide, also with Windows line endings', async () => {
    expect(await guideErrors(GUIDE)).toEqual([]);
    expect(await guideErrors(GUIDE.replace(/\n/g, '\r\n'))).toEqual([]);
  });

  it.each([
    ['---js', GUIDE.replace(/^---\n/, '---js\n')],
    ['---javascript after a byte-order mark', `\uFEFF${GUIDE.replace(/^---\n/, '---javascript\n')}`],
  ])('refuses front matter opened with %s (it would run as code)', async (_what, text) => {
    const errors = await guideErrors(text);
    expect(errors, errors.join('\n')).toHaveLength(1);
    expect(errors[0]).toMatch(
      /guides\/bases\/adresse-email\.md: ligne 1: l'en-tête doit commencer par « --- » seul .*seul le YAML simple est permis, jamais de code\.$/,
    );
  });

  it('refuses code front matter in a page outside a theme folder too', async () => {
    const errors = await guideErrors('\uFEFF---js\n({ title: "x" })\n---\n\n# Guides\n', 'guides/index.md');
    expect(errors).toEqual([expect.stringMatching(/guides\/index\.md: ligne 1: .*jamais de code/)]);
  });

  it.each([
    ['title', /`title`: `title` est obligatoire\./],
    ['description', /`description`: `description` est obligatoire\./],
    ['audience', /`audience`: `audience` \(pour qui est ce guide\) est obligatoire\./],
    ['service', /`service`: `service` est obligatoire \(le service de l’annuaire où renvoyer\)\./],
    ['theme', /`theme`: `theme` doit être le nom du dossier : bases\./],
    [
      'verified',
      /`verified`: `verified` \(date de la dernière vérification\) est obligatoire : une date AAAA-MM-JJ est attendue, par exemple verified: 2026-11-20\./,
    ],
    [
      'sources',
      /`sources`: `sources` \(les pages officielles lues pour vérifier les faits\) est obligatoire : chaque source est \{ title: "Nom du site — titre de la page", url: https:\/\/… \}/,
    ],
  ])('names a missing `%s`', async (field, message) => {
    const errors = await guideErrors(GUIDE.replace(new RegExp(`^${field}:(?: .*)?\\n(?: {2}.*\\n)*`, 'm'), ''));
    expect(errors, errors.join('\n')).toHaveLength(1);
    expect(errors[0]).toMatch(/guides\/bases\/adresse-email\.md: /);
    expect(errors[0]).toMatch(message);
  });

  it.each([
    ['a date that does not exist', GUIDE.replace('verified: 2026-11-20', 'verified: 2026-02-30'), /`verified`: 2026-02-30 n'existe pas dans le calendrier/],
    ['a title that is a number', GUIDE.replace(/^title: .*$/m, 'title: 2026'), /`title`: `title` : du texte est attendu \(mettez-le entre guillemets\)\./],
    [
      'an unknown service',
      GUIDE.replace('service: aide-demarches-administratives', 'service: cuisine'),
      /`service`: « cuisine » n'est pas un service connu\. Valeurs possibles : aide-demarches-administratives/,
    ],
    ['empty sources', GUIDE.replace(/^sources:\n(?: {2}.*\n)+/m, 'sources: []\n'), /`sources`: `sources` ne peut pas être vide/],
    ['sources that are not a list', GUIDE.replace(/^sources:\n(?: {2}.*\n)+/m, 'sources: belgium.be\n'), /`sources`: `sources` doit être une liste/],
    ['a source without its address', GUIDE.replace(/^ {4}url: .*\n/m, ''), /`sources\.0\.url`: l'adresse \(`url`\) de la source est obligatoire/],
    [
      'a source whose address is not a web address',
      GUIDE.replace('url: https://www.belgium.be/fr', 'url: belgium.be/fr'),
      /`sources\.0\.url`: « belgium\.be\/fr » n'est pas une adresse web complète \(http:\/\/ ou https:\/\/\)/,
    ],
    [
      'a source with an unknown field',
      GUIDE.replace('url: https://www.belgium.be/fr', 'url: https://www.belgium.be/fr\n    lu: oui'),
      /`sources\.0`: champ inconnu dans une source : lu\./,
    ],
    ['a source without a title', GUIDE.replace(/^ {2}- title: .*\n {4}url/m, '  - url'), /`sources\.0\.title`: `title` de la source est obligatoire\./],
    ['no front matter at all', '# Un guide\n\nTexte.\n', /l'en-tête \(front matter\) manque : ajoutez title, description, verified…/],
    ['front matter never closed', GUIDE.replace('---\n\n## Étapes', '\n## Étapes'), /l'en-tête \(front matter\) n'est pas fermé par une ligne « --- »\./],
  ])('reports %s', async (_what, text, message) => {
    const errors = await guideErrors(text);
    expect(errors, errors.join('\n')).toHaveLength(1);
    expect(errors[0]).toMatch(/guides\/bases\/adresse-email\.md: /);
    expect(errors[0]).toMatch(message);
  });

  it('warns (without refusing) when a guide was verified more than 12 months ago', async () => {
    const warningsOn = async (verified: string) => {
      env = tempContent();
      fs.mkdirSync(path.dirname(at('guides/bases/adresse-email.md')), { recursive: true });
      fs.writeFileSync(at('guides/bases/adresse-email.md'), GUIDE.replace('verified: 2026-11-20', `verified: ${verified}`));
      const report = await checkContent(env.paths, TODAY);
      env.cleanup();
      env = undefined;
      expect(report.errors).toEqual([]);
      return report.warnings;
    };
    // TODAY is 2026-11-23: a year ago to the day is still fresh, the day before is not.
    expect(await warningsOn('2025-11-23')).toEqual([]);
    expect(await warningsOn('2025-11-22')).toEqual([
      expect.stringMatching(
        /guides\/bases\/adresse-email\.md: `verified`: vérifié le 2025-11-22, il y a plus de 12 mois : relisez le guide avec ses sources, corrigez-le, puis mettez la date du jour\.$/,
      ),
    ]);
  });
});

describe('curriculum pages', () => {
  const SESSION = `---
title: Une séance
description: Ce que fait la séance.
duration: 30
objectives: [Un objectif.]
materials: [Du papier.]
verified: 2026-11-20
---

Texte.
`;
  it('may list sources, checked like a guide’s', async () => {
    const write = (text: string) => () => {
      fs.mkdirSync(path.dirname(at('curriculum/module-1/1-seance.md')), { recursive: true });
      fs.writeFileSync(at('curriculum/module-1/1-seance.md'), text);
    };
    expect(await errorsAfter(write(SESSION))).toEqual([]);
    env?.cleanup();
    const withSource = SESSION.replace('verified: 2026-11-20\n', 'verified: 2026-11-20\nsources:\n  - { title: "Onem", url: https://www.onem.be }\n');
    expect(await errorsAfter(write(withSource))).toEqual([]);
    env?.cleanup();
    const errors = await errorsAfter(write(withSource.replace('https://www.onem.be', 'onem')));
    expect(errors).toEqual([expect.stringMatching(/curriculum\/module-1\/1-seance\.md: `sources\.0\.url`: « onem » n'est pas une adresse web complète/)]);
  });
});
