// The current view of a list as CSV (RFC 4180): the shown columns' captions, then each row's cells
// as the list shows them. A cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR)
// is prefixed with ' so that opening the file runs nothing (OWASP CSV injection).
import { cellText, type Formatter } from './columns';
import type { ColumnView, RecordRow } from './types';

export function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(columns: ColumnView[], rows: RecordRow[], f: Formatter): string {
  const lines = [columns.map((c) => csvCell(c.Caption)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(cellText(c, row, f))).join(','));
  return lines.join('\r\n') + '\r\n';
}
