// The French open-data standard « lieux de médiation numérique » (v1.0.1) as files: JSON
// and CSV exports, so the national map (cartographie nationale) and French tools can read
// our directory, and the matching sources, so a French dataset can be imported. What a
// record holds and how it maps to our model is in lmn-mapping.ts.
//
// JSON: an array of flat records with the standard's column names (numbers for latitude
// and longitude, lists as `|`-separated text, empty columns left out), as the national
// data publishes it. CSV: every column of the standard in its order, header row, UTF-8,
// comma-separated. Free-text columns starting with `=`, `+`, `-`, `@` get a leading `'`
// (CSV injection, see core/csv.ts); controlled columns, phone numbers and coordinates are
// written exactly as the standard wants them.
//
// Sources accept files of other producers: `|` or `;` between values, a `;`-delimited CSV,
// a JSON array (or an object with a `data` array). Each record comes with the warnings of
// the mapping (values without equivalent, defaults filled in) in `warnings`.

import { escapeCell, headerLine, readCsvTable, unescapeCell, writeCsv } from '../../../core/csv.ts';
import type { ContentModel } from '../../../core/model/index.ts';
import type { ExportContext, Exporter, PublishedInitiative, Source, SourceRecord } from '../../api/types.ts';
import { fromLmn, LMN_FIELDS, type LmnField, type LmnRecord, toLmn } from './lmn-mapping.ts';

/** A source record with the mapping's warnings (French), for the import report. */
export interface LmnSourceRecord extends SourceRecord {
  warnings?: string[];
}

/** Columns people type freely: escaped against CSV injection in the CSV file. */
const FREE_TEXT_COLUMNS: ReadonlySet<LmnField> = new Set<LmnField>([
  'nom',
  'commune',
  'adresse',
  'complement_adresse',
  'horaires',
  'presentation_resume',
  'presentation_detail',
  'source',
  'structure_parente',
  'autres_formations_labels',
]);

/** Columns that tell a file of the standard from any other table. */
const SIGNATURE: readonly LmnField[] = ['id', 'nom', 'commune', 'code_postal', 'adresse'];

function records(initiatives: PublishedInitiative[], context: ExportContext): LmnRecord[] {
  return [...initiatives].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((i) => toLmn(i, context));
}

export const lmnJsonExporter: Exporter = {
  format: 'lmn-json',
  label: 'Lieux de médiation numérique (JSON)',
  description: 'Les lieux au format du standard français des lieux de médiation numérique, pour la cartographie nationale et les outils qui le lisent.',
  fileName: 'lieux-mediation-numerique.json',
  contentType: 'application/json; charset=utf-8',
  export: (initiatives, context) => `${JSON.stringify(records(initiatives, context), null, 2)}\n`,
};

export const lmnCsvExporter: Exporter = {
  format: 'lmn-csv',
  label: 'Lieux de médiation numérique (CSV)',
  description: 'Les lieux au format CSV du standard français des lieux de médiation numérique, à publier sur data.gouv.fr ou à ouvrir dans un tableur.',
  fileName: 'lieux-mediation-numerique.csv',
  contentType: 'text/csv; charset=utf-8',
  export(initiatives, context) {
    const rows = records(initiatives, context).map((record) =>
      LMN_FIELDS.map((column) => {
        const value = (record as Partial<Record<LmnField, string | number>>)[column];
        const cell = value === undefined ? '' : String(value);
        return FREE_TEXT_COLUMNS.has(column) ? escapeCell(cell) : cell;
      }),
    );
    return writeCsv(LMN_FIELDS, rows);
  },
};

function withMapping(ref: string, record: Record<string, unknown>, model: ContentModel): LmnSourceRecord {
  const { fields, warnings } = fromLmn(record, model);
  return warnings.length ? { ref, initiative: fields, warnings } : { ref, initiative: fields };
}

/** Reads a CSV file of the standard: one record per row, `ligne N` as reference. */
export function readLmnCsv(content: string, model: ContentModel): LmnSourceRecord[] {
  const table = readCsvTable(content);
  if ('error' in table) return [{ ref: 'fichier', error: table.error.charAt(0).toUpperCase() + table.error.slice(1) }];
  const header = table.header.map((h) => h.toLowerCase());
  const missing = SIGNATURE.filter((c) => !header.includes(c));
  if (missing.length) return [{ ref: 'ligne 1', error: `Ce fichier ne suit pas le standard : colonnes manquantes (${missing.join(', ')}).` }];
  return table.rows.map(({ line, cells }) => {
    const ref = `ligne ${line}`;
    if (cells.length !== header.length) return { ref, error: `La ligne compte ${cells.length} cellules au lieu de ${header.length} : elle est illisible.` };
    const record = Object.fromEntries(header.map((h, i) => [h, FREE_TEXT_COLUMNS.has(h as LmnField) ? unescapeCell(cells[i] ?? '') : (cells[i] ?? '')]));
    return withMapping(ref, record, model);
  });
}

/** The records of a JSON file of the standard: an array, or `{ data: [...] }`. */
function jsonRecords(content: string): unknown[] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object' && Array.isArray((value as { data?: unknown }).data)) return (value as { data: unknown[] }).data;
  return undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> => Boolean(v) && typeof v === 'object' && !Array.isArray(v);

/** Reads a JSON file of the standard: one record per element, `id X` (or `élément N`) as reference. */
export function readLmnJson(content: string, model: ContentModel): LmnSourceRecord[] {
  const items = jsonRecords(content);
  if (!items) return [{ ref: 'fichier', error: "Le fichier n'est pas un JSON lisible contenant une liste de lieux." }];
  return items.map((item, index) => {
    const id = isObject(item) && (typeof item.id === 'string' || typeof item.id === 'number') ? String(item.id) : undefined;
    const ref = id ? `id ${id}` : `élément ${index + 1}`;
    if (!isObject(item)) return { ref, error: "Cet élément n'est pas un lieu (un objet JSON est attendu)." };
    return withMapping(ref, item, model);
  });
}

export const lmnJsonSource: Source = {
  name: 'lmn-json',
  label: 'Lieux de médiation numérique (JSON, standard français)',
  accepts({ name, content }) {
    if (!/\.json$/i.test(name)) return false;
    const first = jsonRecords(content)?.find(isObject);
    return Boolean(first && SIGNATURE.filter((c) => c in first).length >= 3);
  },
  read: (content, { model }) => readLmnJson(content, model),
};

export const lmnCsvSource: Source = {
  name: 'lmn-csv',
  label: 'Lieux de médiation numérique (CSV, standard français)',
  accepts({ name, content }) {
    if (!/\.csv$/i.test(name)) return false;
    const header = headerLine(content).map((h) => h.toLowerCase());
    return SIGNATURE.every((c) => header.includes(c));
  },
  read: (content, { model }) => readLmnCsv(content, model),
};
