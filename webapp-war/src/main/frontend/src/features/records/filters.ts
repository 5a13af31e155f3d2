// Structured filters of a list, one per column: what a column can be filtered by (from its type),
// the OData $filter each filter becomes, and the list settings a user keeps on the server
// (columns, sort, filters) checked against the object's current metadata. Pure functions.
import type { ColumnView, ListQuery, ObjectView, SortOrder } from './types';
import { odataString, sortPath } from './odata';
import { defaultListColumns, listableColumns } from './columns';

/** How a column is filtered: text contains or equals, a range, yes/no, or one picked record. */
export type FilterKind = 'text' | 'number' | 'date' | 'datetime' | 'time' | 'boolean' | 'lookup';

export interface ListFilter {
  Column: string;
  /** contains and eq for text; range for numbers, dates and times; eq for booleans and lookups. */
  Op: 'contains' | 'eq' | 'range';
  /** The text, true/false, or the picked record's id. */
  Value?: string | boolean;
  /** The picked record's display text, shown on the filter. */
  Label?: string;
  /** A range's ends (either may be missing): numbers as typed with a dot, dates as yyyy-mm-dd, times as hh:mm. */
  From?: string;
  To?: string;
}

/** What a user keeps of a list on the server, under the profile key list.<Object>. */
export interface ListSettings {
  Columns: string[];
  Sort?: { Column: string; Direction: 'asc' | 'desc' };
  Filters: ListFilter[];
}

/** The profile entries of lists: one per object, under list.<Object>. */
export const SETTINGS_PREFIX = 'list.';
export const settingsKey = (object: string) => `${SETTINGS_PREFIX}${object}`;

const TEXT = new Set(['ShortText', 'Text', 'LongText', 'Email', 'Phone', 'Web']);
const NUMBER = new Set(['Integer', 'Decimal', 'Money']);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMERIC = /^-?\d+(\.\d+)?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}(:\d{2})?$/;

export function filterKind(column: ColumnView): FilterKind | undefined {
  if (TEXT.has(column.Type)) return 'text';
  if (NUMBER.has(column.Type)) return 'number';
  switch (column.Type) {
    case 'Date': return 'date';
    case 'DateTime': return 'datetime';
    case 'Time': return 'time';
    case 'Boolean': return 'boolean';
    case 'Lookup': return column.Navigation ? 'lookup' : undefined;
    default: return undefined;
  }
}

/** Columns a user may filter by. */
export function filterableColumns(view: ObjectView): ColumnView[] {
  return view.Columns.filter((c) => c.Name !== 'Id' && filterKind(c) !== undefined);
}

/** A number as typed in the user's way (1,5 or 1.5) in OData's form, or undefined when it is not one. */
export function numberLiteral(text: string | undefined): string | undefined {
  const t = text?.trim().replace(',', '.');
  return t && NUMERIC.test(t) ? t : undefined;
}

/** Local midnight of a yyyy-mm-dd day as an OData DateTimeOffset literal (UTC). */
function midnight(day: string, addDays = 0): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d + addDays).toISOString();
}

function range(path: string, from: string | undefined, to: string | undefined, toOp = 'le'): string | undefined {
  const parts = [from !== undefined ? `${path} ge ${from}` : undefined, to !== undefined ? `${path} ${toOp} ${to}` : undefined]
    .filter((p): p is string => !!p);
  return parts.length ? parts.join(' and ') : undefined;
}

/** Whether a filter is complete and valid for its column, so that it can be applied. */
export function isComplete(column: ColumnView | undefined, f: ListFilter): boolean {
  return !!column && filterExpression(column, f) !== undefined;
}

/** One filter as an OData boolean expression; undefined when it is incomplete or invalid. */
export function filterExpression(column: ColumnView, f: ListFilter): string | undefined {
  const kind = filterKind(column);
  const day = (v?: string) => (v && DAY.test(v) ? v : undefined);
  const time = (v?: string) => (v && TIME.test(v) ? (v.length === 5 ? `${v}:00` : v) : undefined);
  switch (kind) {
    case 'text': {
      const text = typeof f.Value === 'string' ? f.Value.trim() : '';
      if (!text) return undefined;
      const path = sortPath(column);
      return f.Op === 'eq' ? `tolower(${path}) eq ${odataString(text.toLowerCase())}`
        : `contains(tolower(${path}),${odataString(text.toLowerCase())})`;
    }
    case 'number':
      if ((f.From?.trim() && !numberLiteral(f.From)) || (f.To?.trim() && !numberLiteral(f.To))) return undefined;
      return range(column.Property, numberLiteral(f.From), numberLiteral(f.To));
    case 'date':
      return range(column.Property, day(f.From), day(f.To));
    case 'datetime': {
      const from = day(f.From);
      const to = day(f.To);
      // a range of whole days in the user's time zone: from the first day's midnight to before the day after the last
      return range(column.Property, from && midnight(from), to && midnight(to, 1), 'lt');
    }
    case 'time':
      return range(column.Property, time(f.From), time(f.To));
    case 'boolean':
      return typeof f.Value === 'boolean' ? `${column.Property} eq ${f.Value}` : undefined;
    case 'lookup':
      return typeof f.Value === 'string' && GUID.test(f.Value) ? `${column.Property} eq ${f.Value}` : undefined;
    default:
      return undefined;
  }
}

/** Every applicable filter joined with "and"; undefined when there is none. */
export function filtersExpression(view: ObjectView, filters: ListFilter[] | undefined): string | undefined {
  const parts = (filters ?? []).map((f) => {
    const column = view.Columns.find((c) => c.Name === f.Column);
    return column ? filterExpression(column, f) : undefined;
  }).filter((e): e is string => !!e);
  return parts.length ? parts.map((p) => (parts.length > 1 ? `(${p})` : p)).join(' and ') : undefined;
}

/**
 * Settings as kept on the server, checked against the object as it is now: columns and filters
 * of columns that no longer exist are dropped, unknown shapes ignored. Undefined keeps the defaults.
 */
export function sanitizeSettings(view: ObjectView, raw: unknown): ListSettings | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const value = raw as Record<string, unknown>;
  const listable = new Set(listableColumns(view).map((c) => c.Name));
  const columns = Array.isArray(value.Columns)
    ? [...new Set(value.Columns.filter((c): c is string => typeof c === 'string' && listable.has(c)))] : [];
  const sort = value.Sort as Record<string, unknown> | undefined;
  const sortOk = !!sort && typeof sort.Column === 'string' && view.Columns.some((c) => c.Name === sort.Column)
    && (sort.Direction === 'asc' || sort.Direction === 'desc');
  const filters = Array.isArray(value.Filters)
    ? value.Filters.filter((f): f is ListFilter => !!f && typeof f === 'object'
      && isComplete(view.Columns.find((c) => c.Name === (f as ListFilter).Column), f as ListFilter)) : [];
  return {
    Columns: columns,
    Sort: sortOk ? { Column: sort!.Column as string, Direction: sort!.Direction as 'asc' | 'desc' } : undefined,
    Filters: filters,
  };
}

/** The list's sort as settings keep it. */
export function settingsSort(sort: SortOrder | undefined): ListSettings['Sort'] {
  return sort ? { Column: sort.column, Direction: sort.direction } : undefined;
}

/** Rows a list page shows. */
export const PAGE_SIZE = 50;

/**
 * A list as it first shows: the user's kept columns, sort and filters, the defaults otherwise
 * (primary display column first and ascending), no quick filter, the first page.
 */
export function initialList(view: ObjectView, kept: ListSettings | undefined): ListQuery & { filters: ListFilter[] } {
  const sort: SortOrder | undefined = kept?.Sort ? { column: kept.Sort.Column, direction: kept.Sort.Direction }
    : view.PrimaryDisplayColumn ? { column: view.PrimaryDisplayColumn, direction: 'asc' } : undefined;
  return { columns: kept?.Columns.length ? kept.Columns : defaultListColumns(view), sort, filters: kept?.Filters ?? [],
    quick: '', page: 0, pageSize: PAGE_SIZE };
}
