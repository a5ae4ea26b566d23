import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { escapeCell, unescapeCell } from '../../../../core/csv.ts';
import type { PublishedInitiative } from '../../../../plugins/api/types.ts';
import { lmnCsvExporter } from '../../../../plugins/builtin/open-data/lmn.ts';
import { csvExporter, csvSource, readOurCsv } from '../../../../plugins/builtin/open-data/our-csv.ts';
import { epnChatelet, exportContext, fieldsOf, formationRansart, openDataInitiatives } from '../../../fixtures/open-data/initiatives.ts';
import { fixtureModel } from '../../../helpers/content.ts';

const model = fixtureModel();
const context = exportContext(model, '2026-11-21T10:00:00Z');
const initiatives = openDataInitiatives(model);
const exported = csvExporter.export(initiatives, context);
const rows = parse(exported, { columns: true }) as Record<string, string>[];
const byId = (id: string) => rows.find((r) => r.id === id) as Record<string, string>;

const HEADER =
  'id,name,kind,summary,description,organisation_name,organisation_website,services,publics,support,languages,' +
  'access_cost,access_appointment,access_modes,access_accessibility,street,postcode,locality,commune,lat,lng,hours,' +
  'phone,email,website,period_start,period_end,extra,updated,origin';

describe('our CSV export', () => {
  it('has the pinned header and one row per initiative, sorted by id', () => {
    expect(exported.split('\n', 1)[0]).toBe(HEADER);
    expect(rows.map((r) => r.id)).toEqual(['epn-chatelet', 'formation-ransart', 'permanence-marcinelle']);
    expect(csvExporter.export([...initiatives].reverse(), context)).toBe(exported);
  });

  it('joins lists with `|` and writes extra as JSON', () => {
    const row = byId('epn-chatelet');
    expect(row.services).toBe('acces-internet-materiel|formation-aidants|aide-demarches-administratives');
    expect(row.publics).toBe('seniors|tout-public');
    expect(row.access_modes).toBe('telephoner|se-presenter');
    expect(row.access_accessibility).toBe('pmr');
    expect(JSON.parse(row.extra!)).toEqual(epnChatelet.extra);
    expect(row.period_start).toBe('2026-09-01');
    expect(row.lat).toBe('50.405');
    expect(byId('formation-ransart').extra).toBe('');
    expect(byId('formation-ransart').support).toBe('');
  });

  it('round-trips every field: ours → CSV → ours', () => {
    const read = readOurCsv(exported);
    expect(read.map((r) => r.ref)).toEqual(['ligne 2', 'ligne 5', 'ligne 6']); // descriptions span lines
    for (const [index, record] of read.entries()) {
      const original = initiatives.find((i) => i.id === rows[index]!.id) as PublishedInitiative;
      const parsed = model.fieldsSchema.safeParse(record.initiative);
      expect(parsed.error).toBeUndefined();
      expect(parsed.data).toEqual(fieldsOf(original));
      expect(record.initiative).toEqual(fieldsOf(original)); // already in the model's shape
    }
  });

  it('is accepted by our source, not the LMN file', () => {
    expect(csvSource.accepts({ name: 'initiatives.csv', content: exported })).toBe(true);
    expect(csvSource.accepts({ name: 'initiatives.txt', content: exported })).toBe(false);
    expect(csvSource.accepts({ name: 'lieux.csv', content: lmnCsvExporter.export(initiatives, context) })).toBe(false);
    expect(csvSource.read(exported, { model })).toHaveLength(3);
  });
});

describe('CSV injection', () => {
  it('escapes cells a spreadsheet would run, and gives them back on import', () => {
    for (const value of ['=1+1', '+32 71', '-12 ans', '@SUM(A1)', '\tx', "'déjà", "'=x", "''"]) {
      expect(escapeCell(value)).toBe(`'${value}`);
      expect(unescapeCell(escapeCell(value))).toBe(value);
    }
    for (const value of ['Bonjour', '50.4', "l'EPN", '', 'a=b']) {
      expect(escapeCell(value)).toBe(value);
      expect(unescapeCell(value)).toBe(value);
    }
  });

  it('leaves no cell starting with a formula character', () => {
    expect(rows).toHaveLength(3);
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const chatelet = byId('epn-chatelet');
    expect(chatelet.description).toBe(`'${epnChatelet.description}`);
    expect(chatelet.summary).toBe(`'${epnChatelet.summary}`);
    expect(chatelet.organisation_name).toBe("'@CPAS de Châtelet");
    expect(chatelet.phone).toBe("'+32 71 12 34 56");
    expect(byId('formation-ransart').name).toBe(`'${formationRansart.name}`);
  });
});

describe('our CSV import', () => {
  it('reports unreadable rows and keeps reading', () => {
    const cut = exported.indexOf('\n') + 1;
    const read = readOurCsv(`${exported.slice(0, cut)}un,deux,trois\n${exported.slice(cut)}`);
    expect(read[0]).toEqual({ ref: 'ligne 2', error: 'La ligne compte 3 cellules au lieu de 30 : elle est illisible.' });
    expect(read.map((r) => r.ref)).toEqual(['ligne 2', 'ligne 3', 'ligne 6', 'ligne 7']);
    expect(read.slice(1).every((r) => r.initiative && !r.error)).toBe(true);
  });

  it('reads columns by name and leaves bad values to validation', () => {
    const content =
      'origin,name,lat,lng,extra,' +
      HEADER.split(',')
        .filter((c) => !['origin', 'name', 'lat', 'lng', 'extra'].includes(c))
        .join(',') +
      '\n' +
      'team,Nom,cinquante,4.4,{pas du json},' +
      Array(25).fill('').join(',') +
      '\n';
    const [record] = readOurCsv(content);
    expect(record).toBeDefined();
    expect(record!.initiative).toMatchObject({ name: 'Nom', geo: { lat: 'cinquante', lng: 4.4 }, extra: '{pas du json}' });
    const issues = model.fieldsSchema.safeParse(record!.initiative).error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(issues).toEqual(expect.arrayContaining(['geo.lat', 'extra']));
  });

  it('refuses a header without our columns', () => {
    expect(readOurCsv('id,name\nx,y\n')).toEqual([{ ref: 'ligne 1', error: expect.stringMatching(/^Colonnes manquantes/) }]);
  });

  it('never writes the submission reference', () => {
    const withSubmission = { ...epnChatelet, source: { origin: 'moderation', submission: 'sub_SECRET' } } as PublishedInitiative;
    const text = csvExporter.export([withSubmission], context);
    expect(text).not.toContain('sub_SECRET');
    expect(text.trimEnd().endsWith(',moderation')).toBe(true);
  });
});
