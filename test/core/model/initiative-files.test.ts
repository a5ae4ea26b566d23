import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  FIELD_ORDER,
  type Initiative,
  initiativeFile,
  loadInitiatives,
  parseInitiative,
  readInitiativeFile,
  serializeInitiative,
  UnknownFieldError,
  writeInitiativeFile,
} from '../../../core/model/index.ts';
import { readYamlFile as parseYamlFile } from '../../../core/model/yaml-file.ts';
import { FIXTURE_CONTENT, fixtureModel, tempDir } from '../../helpers/content.ts';

const model = fixtureModel();
const fixtureFile = path.join(FIXTURE_CONTENT, 'initiatives/permanence-marcinelle.yml');
const base = readInitiativeFile(model, fixtureFile);
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('initiative files', () => {
  it('the fixture is in canonical form: read → write is byte-identical', () => {
    expect(serializeInitiative(base)).toBe(fs.readFileSync(fixtureFile, 'utf8'));
  });

  it('write → read → write gives the same bytes, for every optional field', () => {
    const dir = tempDir();
    dirs.push(dir);
    const full: Initiative = {
      ...base,
      id: 'formation-complete',
      kind: 'formation',
      support: ['illettrisme'],
      contact: { phone: '+32 71 00 00 00', email: 'contact@exemple.be', website: 'https://exemple.be/page?x=1&y=2' },
      period: { start: '2027-01-11', end: '2027-03-29' },
      source: { origin: 'moderation', submission: 'sub_123' },
    };
    const file = writeInitiativeFile(dir, full);
    const first = fs.readFileSync(file, 'utf8');
    const again = readInitiativeFile(model, file);
    expect(again).toEqual(full);
    writeInitiativeFile(dir, again);
    expect(fs.readFileSync(file, 'utf8')).toBe(first);
    expect(fs.readdirSync(dir)).toEqual(['formation-complete.yml']);
  });

  it('keeps hostile text as inert YAML values', () => {
    const tricky = [
      'name: injected\nstatus: archived',
      '--- \n...',
      '&anchor *alias !!python/object',
      "<script>alert('x')</script><img src=x onerror=alert(1)>",
      "{process.exit()} import x from 'y'\nexport const a = 1",
      '# Titre\n\n- liste',
      '"quoted" \'single\' \\ backslash : colon # hash',
    ];
    for (const text of tricky) {
      const value: Initiative = { ...base, summary: text.slice(0, 280), description: text };
      const yaml = serializeInitiative(value);
      const back = parseInitiative(model, yaml, path.join('/x', `${base.id}.yml`));
      expect(back.summary).toBe(value.summary.trim());
      expect(back.description).toBe(text);
      expect(back.status).toBe('active');
    }
  });

  it('refuses file names that are not slugs or leave the directory', () => {
    for (const id of ['../evil', '..%2fevil', 'a/b', 'x\u0000y', 'A'.repeat(100), '']) {
      expect(() => initiativeFile('/tmp/content/initiatives', id)).toThrow(/slug/);
    }
  });

  it('reports every bad file with its name, and loads the good ones', () => {
    const dir = tempDir();
    dirs.push(dir);
    fs.copyFileSync(fixtureFile, path.join(dir, 'permanence-marcinelle.yml'));
    fs.writeFileSync(path.join(dir, 'autre-nom.yml'), fs.readFileSync(fixtureFile, 'utf8'));
    const { initiatives, errors } = loadInitiatives(model, dir);
    expect(initiatives.map((i) => i.id)).toEqual(['permanence-marcinelle']);
    expect(errors[0]!.message).toMatch(/autre-nom\.yml: `id`: « permanence-marcinelle » ne correspond pas au nom du fichier/);
  });

  it('takes its field order from the schema: every field of the schema, and only those', () => {
    expect([...FIELD_ORDER]).toEqual(Object.keys(model.initiativeSchema.shape));
    expect(FIELD_ORDER[0]).toBe('id');
  });

  it('writes and reads back a field added to the schema with no other edit', () => {
    // A schema with one more field, as a developer would add it to core/model/initiative.ts:
    // the writer takes its order from the schema's keys, the reader from the schema itself.
    const schema = model.initiativeSchema.safeExtend({ accessNote: z.string().optional() });
    const order = Object.keys(schema.shape);
    const dir = tempDir();
    dirs.push(dir);
    const value = { ...base, accessNote: 'Entrée par la cour' } as Initiative;
    const file = writeInitiativeFile(dir, value, order);
    expect(fs.readFileSync(file, 'utf8')).toContain('accessNote: Entrée par la cour');
    expect(schema.parse(parseYamlFile(file))).toEqual(value);
  });

  it('refuses to write a field the schema does not know, rather than drop it', () => {
    const dir = tempDir();
    dirs.push(dir);
    const value = { ...base, horaireLibre: 'le mardi' } as Initiative;
    expect(() => writeInitiativeFile(dir, value)).toThrow(UnknownFieldError);
    expect(() => serializeInitiative(value)).toThrow(/« horaireLibre » is not a field of the initiative schema/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
