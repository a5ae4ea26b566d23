// The CSV primitives of the open-data files (ours, the French standard's, the dashboard's
// figures): cells made inert for spreadsheets, reading a table with the line of each row
// (for import reports), and writing with a header row.
//
// CSV injection (formula injection): a spreadsheet runs a cell starting with `=`, `+`, `-`
// or `@` (and tab or carriage return) as a formula. Such a cell is written with a leading
// `'`, which spreadsheets show as text; a cell already starting with `'` gets one more, so
// the import can strip exactly one and give back the original value (`escapeCell` /
// `unescapeCell`).
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r']/;

/** A cell made inert for spreadsheets: `'` before a leading `=`, `+`, `-`, `@`, tab, CR or `'`. */
export function escapeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The reverse of `escapeCell`. */
export function unescapeCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** A CSV file as a header and rows, each with the line it starts on (1 = header). */
export interface CsvTable {
  header: string[];
  rows: { line: number; cells: string[] }[];
}

/** Reads CSV text (BOM tolerated; `;` accepted as delimiter when the header uses it). */
export function readCsvTable(content: string): CsvTable | { error: string } {
  const firstLine = content.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let parsed: { record: string[]; info: { lines: number; empty_lines: number } }[];
  try {
    parsed = parse(content, { bom: true, delimiter, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof parsed;
  } catch (e) {
    const code = e && typeof e === 'object' && 'code' in e ? String(e.code) : '';
    const line = e && typeof e === 'object' && 'lines' in e ? Number(e.lines) : undefined;
    const where = line ? ` (vers la ligne ${line})` : '';
    return {
      error:
        code === 'CSV_QUOTE_NOT_CLOSED' ? `un guillemet n'est jamais fermé${where} : le fichier CSV est illisible.` : `le fichier CSV est illisible${where}.`,
    };
  }
  const [head, ...rest] = parsed;
  if (!head) return { error: 'le fichier est vide.' };
  let previous = head.info;
  const rows = rest.map(({ record, info }) => {
    const line = previous.lines + 1 + (info.empty_lines - previous.empty_lines);
    previous = info;
    return { line, cells: record };
  });
  return { header: head.record.map((h) => h.trim()), rows };
}

/** The column names of the first line (a quick look, for `accepts`). */
export function headerLine(content: string): string[] {
  const table = readCsvTable(content.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '');
  return 'error' in table ? [] : table.header;
}

/** CSV text with a header row, `\n` line ends. */
export function writeCsv(columns: readonly string[], rows: string[][]): string {
  return stringify(rows, { header: true, columns: [...columns], eof: true, record_delimiter: '\n' });
}
