// Which columns a list shows and how a value reads in a cell, from the object's metadata only.
import type { ColumnView, ObjectView, RecordRow } from './types';

/** Types that do not fit a list cell. */
const LONG = new Set(['MaxText', 'RichText', 'Binary']);
export const DEFAULT_LIST_COLUMNS = 6;

/**
 * The columns a list shows until the user chooses: the primary display column, then the object's
 * own columns in the designer's order (not long texts), at most six.
 */
export function defaultListColumns(view: ObjectView): string[] {
  const own = view.Columns.filter((c) => !c.System && !LONG.has(c.Type) && c.Name !== view.PrimaryDisplayColumn);
  const first = view.PrimaryDisplayColumn ? [view.PrimaryDisplayColumn] : [];
  return [...first, ...own.map((c) => c.Name)].slice(0, DEFAULT_LIST_COLUMNS);
}

/** Columns a user may add to a list. */
export function listableColumns(view: ObjectView): ColumnView[] {
  return view.Columns.filter((c) => !LONG.has(c.Type) && c.Name !== 'Id');
}

export interface Formatter {
  yes: string;
  no: string;
  locale: string;
}

const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

/** One formatter per locale and kind for every cell (Intl's constructors are costly; a page has hundreds of cells). */
function format<T extends Intl.NumberFormat | Intl.DateTimeFormat>(locale: string, kind: string, make: () => T): T {
  const key = `${locale}|${kind}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = make()));
  return f as T;
}

/** A cell's text: lookups by their target's display value, numbers, dates and times in the user's locale. */
export function cellText(column: ColumnView, row: RecordRow, f: Formatter): string {
  if (column.Navigation) {
    const target = row[column.Navigation] as Record<string, unknown> | null | undefined;
    const shown = target && column.ReferenceDisplayColumn ? target[column.ReferenceDisplayColumn] : undefined;
    return shown == null ? '' : String(shown);
  }
  const value = row[column.Property];
  if (value == null || value === '') return '';
  switch (column.Type) {
    case 'Boolean':
      return value ? f.yes : f.no;
    case 'Integer':
      return format(f.locale, 'integer', () => new Intl.NumberFormat(f.locale)).format(Number(value));
    case 'Decimal':
      return format(f.locale, 'decimal', () => new Intl.NumberFormat(f.locale, { maximumFractionDigits: 8 })).format(Number(value));
    case 'Money':
      return format(f.locale, 'money', () => new Intl.NumberFormat(f.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }))
        .format(Number(value));
    case 'Date': {
      const [y, m, d] = String(value).split('-').map(Number);
      return format(f.locale, 'date', () => new Intl.DateTimeFormat(f.locale, { dateStyle: 'medium' })).format(new Date(y, m - 1, d));
    }
    case 'DateTime':
      return format(f.locale, 'datetime', () => new Intl.DateTimeFormat(f.locale, { dateStyle: 'medium', timeStyle: 'short' }))
        .format(new Date(String(value)));
    case 'Time':
      return String(value).slice(0, 5);
    default:
      return String(value);
  }
}
