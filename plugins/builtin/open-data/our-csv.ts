// Our own CSV: every field of an initiative in flat columns, for people who work in a
// spreadsheet (count, filter, mail-merge) and for bulk edits that come back through
// `npm run import -- --source csv`. Export then import gives back the same fields.
//
// Format: UTF-8 without BOM, comma-separated, header row, fields quoted when needed
// (RFC 4180), one row per initiative sorted by id. Lists hold our slugs joined with `|`;
// `extra` is JSON text (empty when none); an empty cell means "absent" (an empty list and
// no list are the same thing here). `id`, `updated` and `origin` are exported for reference
// and ignored on import (the server sets them). The submission reference
// (`source.submission`) and anything about a submitter are never written.
//
// Cells are made inert for spreadsheets (see core/csv.ts): phone numbers such as +32… are
// therefore written '+32…, and read back without the quote.

import { escapeCell, headerLine, readCsvTable, unescapeCell, writeCsv } from '../../../core/csv.ts';
import { FIELD_ORDER } from '../../../core/model/initiative.ts';
import type { Exporter, PublishedInitiative, Source, SourceRecord } from '../../api/types.ts';

/** The columns of our CSV, in order. */
export const OUR_CSV_COLUMNS = [
  'id',
  'name',
  'kind',
  'summary',
  'description',
  'organisation_name',
  'organisation_website',
  'services',
  'publics',
  'support',
  'languages',
  'access_cost',
  'access_appointment',
  'access_modes',
  'access_accessibility',
  'street',
  'postcode',
  'locality',
  'commune',
  'lat',
  'lng',
  'hours',
  'phone',
  'email',
  'website',
  'period_start',
  'period_end',
  'extra',
  'updated',
  'origin',
] as const;
export type OurCsvColumn = (typeof OUR_CSV_COLUMNS)[number];

/** Separator of list cells (slugs never contain it). */
export const LIST_SEPARATOR = '|';

/** One initiative as cells (not yet escaped). */
export function toCsvRow(i: PublishedInitiative): Record<OurCsvColumn, string> {
  const join = (values: readonly string[] | undefined) => (values ?? []).join(LIST_SEPARATOR);
  return {
    id: i.id,
    name: i.name,
    kind: i.kind,
    summary: i.summary,
    description: i.description ?? '',
    organisation_name: i.organisation.name,
    organisation_website: i.organisation.website ?? '',
    services: join(i.services),
    publics: join(i.publics),
    support: join(i.support),
    languages: join(i.languages),
    access_cost: i.access.cost,
    access_appointment: i.access.appointment,
    access_modes: join(i.access.modes),
    access_accessibility: join(i.access.accessibility),
    street: i.address.street,
    postcode: i.address.postcode,
    locality: i.address.locality,
    commune: i.address.commune,
    lat: String(i.geo.lat),
    lng: String(i.geo.lng),
    hours: i.hours ?? '',
    phone: i.contact?.phone ?? '',
    email: i.contact?.email ?? '',
    website: i.contact?.website ?? '',
    period_start: i.period?.start ?? '',
    period_end: i.period?.end ?? '',
    extra: i.extra && Object.keys(i.extra).length ? JSON.stringify(i.extra) : '',
    updated: i.updated,
    origin: i.source.origin,
  };
}

/** Cells (already unescaped) back into our initiative fields; id, updated and origin are ignored. */
export function fromCsvRow(row: Readonly<Record<OurCsvColumn, string>>): Record<string, unknown> {
  const cell = (c: OurCsvColumn) => (row[c].trim() ? row[c].trim() : undefined);
  const values = (c: OurCsvColumn) =>
    row[c]
      .split(LIST_SEPARATOR)
      .map((s) => s.trim())
      .filter(Boolean);
  const optionalValues = (c: OurCsvColumn) => (values(c).length ? values(c) : undefined);
  // A number when the cell is one; otherwise the text, so validation says what is wrong.
  const num = (c: OurCsvColumn) => {
    const t = cell(c);
    return t !== undefined && Number.isFinite(Number(t)) ? Number(t) : t;
  };
  const extraText = cell('extra');
  let extra: unknown = extraText;
  if (extraText) {
    try {
      extra = JSON.parse(extraText);
    } catch {
      extra = extraText; // validation reports « des champs complémentaires … sont attendus »
    }
  }
  const contact = { phone: cell('phone'), email: cell('email'), website: cell('website') };
  const period = { start: cell('period_start'), end: cell('period_end') };
  const fields: Record<string, unknown> = {
    name: cell('name'),
    kind: cell('kind'),
    summary: cell('summary'),
    description: cell('description'),
    organisation: { name: cell('organisation_name'), website: cell('organisation_website') },
    services: values('services'),
    publics: values('publics'),
    support: optionalValues('support'),
    languages: values('languages'),
    access: {
      cost: cell('access_cost'),
      appointment: cell('access_appointment'),
      modes: values('access_modes'),
      accessibility: optionalValues('access_accessibility'),
    },
    address: { street: cell('street'), postcode: cell('postcode'), locality: cell('locality'), commune: cell('commune') },
    geo: { lat: num('lat'), lng: num('lng') },
    hours: cell('hours'),
    contact: Object.values(contact).some(Boolean) ? contact : undefined,
    period: Object.values(period).some(Boolean) ? period : undefined,
    extra,
  };
  return dropUndefined(fields);
}

/** Undefined values removed, one level into objects; keys in the canonical file order. */
function dropUndefined(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) {
    const value = fields[key];
    if (value === undefined) continue;
    out[key] =
      value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) : value;
  }
  return out;
}

export const csvExporter: Exporter = {
  format: 'csv',
  label: 'CSV (tableur)',
  description: 'Toutes les informations des initiatives, une ligne par initiative, à ouvrir dans un tableur comme Excel ou LibreOffice.',
  fileName: 'initiatives.csv',
  contentType: 'text/csv; charset=utf-8',
  export(initiatives) {
    const rows = [...initiatives]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((i) => {
        const row = toCsvRow(i);
        return OUR_CSV_COLUMNS.map((c) => escapeCell(row[c]));
      });
    return writeCsv(OUR_CSV_COLUMNS, rows);
  },
};

/** Reads our CSV: one record per row, `ligne N` as reference. */
export function readOurCsv(content: string): SourceRecord[] {
  const table = readCsvTable(content);
  if ('error' in table) return [{ ref: 'fichier', error: table.error.charAt(0).toUpperCase() + table.error.slice(1) }];
  const missing = OUR_CSV_COLUMNS.filter((c) => !table.header.includes(c));
  if (missing.length) return [{ ref: 'ligne 1', error: `Colonnes manquantes dans l'en-tête : ${missing.join(', ')}.` }];
  const index = new Map(table.header.map((h, i) => [h, i]));
  return table.rows.map(({ line, cells }) => {
    const ref = `ligne ${line}`;
    if (cells.length !== table.header.length)
      return { ref, error: `La ligne compte ${cells.length} cellules au lieu de ${table.header.length} : elle est illisible.` };
    const row = Object.fromEntries(OUR_CSV_COLUMNS.map((c) => [c, unescapeCell(cells[index.get(c) ?? 0] ?? '')])) as Record<OurCsvColumn, string>;
    return { ref, initiative: fromCsvRow(row) };
  });
}

export const csvSource: Source = {
  name: 'csv',
  label: 'CSV de Passerelle (tableur)',
  accepts({ name, content }) {
    if (!/\.csv$/i.test(name)) return false;
    const header = headerLine(content);
    return OUR_CSV_COLUMNS.every((c) => header.includes(c));
  },
  read: (content) => readOurCsv(content),
};
