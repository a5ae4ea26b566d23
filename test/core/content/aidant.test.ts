// The aidant's data (content/aidant/): the repository's loads (40 requests or more, every
// number with its source); each mistake gives one line naming the file, the field and the fix.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type AidantCheck, aidantFiles, loadAidantData } from '../../../core/content/aidant.ts';
import { resolvePaths } from '../../../core/model/paths.ts';
import { tempContent } from '../../helpers/content.ts';

const CONTENT = resolvePaths({}).content;
const CHECK: AidantCheck = {
  guideExists: (id) => fs.existsSync(path.join(CONTENT, 'guides', `${id}.md`)),
  filterError: (key, value) => (key === 'service' && value === 'cuisine' ? `« ${value} » n'est pas une valeur connue pour « ${key} ».` : undefined),
};
let env: ReturnType<typeof tempContent> | undefined;
afterEach(() => {
  env?.cleanup();
  env = undefined;
});

describe("the repository's aidant data", () => {
  it('loads: 40 requests or more, each with a place; every number has a source page', () => {
    const { data, errors } = loadAidantData(CONTENT, CHECK);
    expect(errors).toEqual([]);
    const requests = data?.themes.flatMap((t) => t.demandes) ?? [];
    expect(requests.length).toBeGreaterThanOrEqual(40);
    expect(new Set(requests.map((r) => r.demande)).size).toBe(requests.length);
    for (const n of data?.numbers ?? []) expect(n.source.url).toMatch(/^https?:\/\//);
    const numbers = new Map(data?.numbers.map((n) => [n.id, n.numero]));
    // The numbers the issue names, as written on their sources.
    expect(numbers.get('card-stop')).toBe('078 170 170');
    expect(numbers.get('doc-stop')).toBe('00800 2123 2123');
    expect(numbers.get('urgence')).toBe('112');
    expect(numbers.get('medecin-de-garde')).toBe('1733');
    expect(numbers.get('safeonweb')).toBe('suspect@safeonweb.be');
  });

  it('is off when content/aidant/ does not exist', () => {
    env = tempContent();
    expect(loadAidantData(env.paths.content, CHECK)).toEqual({ data: null, errors: [] });
  });
});

describe('a mistake in the aidant data', () => {
  const copy = () => {
    env = tempContent();
    fs.cpSync(path.join(CONTENT, 'aidant'), path.join(env.paths.content, 'aidant'), { recursive: true });
    return aidantFiles(env.paths.content);
  };
  const edit = (file: string, change: (t: string) => string) => {
    const before = fs.readFileSync(file, 'utf8');
    const after = change(before);
    expect(after, 'the mutation must change the file').not.toBe(before);
    fs.writeFileSync(file, after);
  };

  it.each([
    [
      'a guide that does not exist',
      (f: ReturnType<typeof copy>) => edit(f.requests, (t) => t.replace('guide: bases/creer-adresse-mail', 'guide: bases/creer-adresse')),
      /content\/aidant\/demandes\.yml: `themes\.\d+\.demandes\.\d+\.guide`: « bases\/creer-adresse » : aucun guide content\/guides\/bases\/creer-adresse\.md\./,
    ],
    [
      'a filter value that does not exist',
      (f: ReturnType<typeof copy>) => edit(f.requests, (t) => t.replace('filtre: { service: materiel-prix-solidaire }', 'filtre: { service: cuisine }')),
      /demandes\.yml: `themes\.\d+\.demandes\.\d+\.lieu\.filtre\.service`: « cuisine » n'est pas une valeur connue pour « service »\./,
    ],
    [
      'two filters for one place',
      (f: ReturnType<typeof copy>) =>
        edit(f.requests, (t) => t.replace('filtre: { service: materiel-prix-solidaire }', 'filtre: { service: materiel-prix-solidaire, kind: epn }')),
      /demandes\.yml: `themes\.\d+\.demandes\.\d+\.lieu\.filtre`: un seul filtre est attendu/,
    ],
    [
      'a number that is not in numeros.yml',
      (f: ReturnType<typeof copy>) => edit(f.requests, (t) => t.replace('appeler: [doc-stop]', 'appeler: [docstop]')),
      /demandes\.yml: `themes\.\d+\.demandes\.\d+\.appeler`: « docstop » n'est pas dans content\/aidant\/numeros\.yml .*Ajoutez-le là, avec sa source/,
    ],
    [
      'a number without its source',
      (f: ReturnType<typeof copy>) => edit(f.numbers, (t) => t.replace(/( {2}- id: tele-accueil\n(?: {4}(?!source).*\n)+) {4}source:\n(?: {6}.*\n)+/, '$1')),
      /numeros\.yml: `numeros\.\d+\.source`: une source doit être \{ title, url \}/,
    ],
    [
      'a number listed twice',
      (f: ReturnType<typeof copy>) => edit(f.numbers, (t) => t.replace('id: tele-accueil', 'id: urgence')),
      /numeros\.yml: `numeros\.\d+\.id`: « urgence » est en double\./,
    ],
    ['a missing file', (f: ReturnType<typeof copy>) => fs.rmSync(f.numbers), /numeros\.yml: le fichier manque : numeros\.yml va avec demandes\.yml\./],
  ])('%s', (_what, mutate, message) => {
    const files = copy();
    mutate(files);
    const { data, errors } = loadAidantData(env!.paths.content, CHECK);
    expect(data).toBeNull();
    expect(errors.join('\n')).toMatch(message);
  });
});
