/**
 * A table as CSV that Finnish Excel opens right (issue 13: CSV export per table): a UTF-8 byte order mark so
 * "Länsi-Uudenmaan" is not read as Windows-1252, `;` between fields (Finnish Excel's list separator, as the
 * comma is its decimal separator), numbers with a decimal comma and no grouping (so Excel reads 1234,5 as a
 * number), CRLF line ends. Pure: the page hands the Blob to the browser (download.ts).
 */
export type CsvCell = string | number | null | undefined;

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';

/** A number as Finnish Excel reads it: a decimal comma, no thousands separator, at most `decimals` decimals. */
export function csvNumber(value: number, decimals = 2): string {
  if (!Number.isFinite(value)) return '';
  const fixed = (Math.round(value * 10 ** decimals) / 10 ** decimals).toString();
  return fixed.replace('.', ',');
}

/**
 * One text cell: quoted when it holds the separator, a quote, a line break or spaces at an end (quotes doubled).
 * A text starting with = + - @ (or a tab or CR) would run as a formula in Excel: it gets a leading apostrophe,
 * which Excel shows as text (OWASP "CSV injection"). Customer names come from people's typing.
 */
export function csvText(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? csvNumber(value) : csvText(value);
}

/** The whole file: the BOM, the header row, then one line per row. */
export function toCsv(headers: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const line = (cells: readonly CsvCell[]) => cells.map(csvCell).join(CSV_SEPARATOR);
  return CSV_BOM + [line(headers), ...rows.map(line)].join('\r\n') + '\r\n';
}
