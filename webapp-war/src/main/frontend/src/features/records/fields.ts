// Metadata to form: which input a column gets, and how a value goes from the record to the input
// and back to the OData body. Pure functions, unit-tested.
import type { ColumnView, ObjectView, RecordRow } from './types';

export type Editor = 'text' | 'email' | 'tel' | 'url' | 'multiline' | 'integer' | 'decimal' | 'date' | 'datetime' | 'time'
  | 'boolean' | 'lookup' | 'readonly';

export function editorOf(column: ColumnView): Editor {
  if (column.System) return 'readonly';
  switch (column.Type) {
    case 'Email': return 'email';
    case 'Phone': return 'tel';
    case 'Web': return 'url';
    case 'MaxText':
    case 'RichText':
    case 'LongText': return 'multiline';
    case 'Integer': return 'integer';
    case 'Decimal':
    case 'Money': return 'decimal';
    case 'Date': return 'date';
    case 'DateTime': return 'datetime';
    case 'Time': return 'time';
    case 'Boolean': return 'boolean';
    case 'Lookup': return column.Navigation ? 'lookup' : 'readonly';
    case 'Guid':
    case 'Binary': return 'readonly';
    default: return 'text';
  }
}

/** The columns a form shows: every column but the system ones and binary media, in the designer's order. */
export function formColumns(view: ObjectView): ColumnView[] {
  return view.Columns.filter((c) => !c.System && c.Type !== 'Binary');
}

/** The columns the user may change: a form sends only these (the server refuses the others). */
export function writableColumns(columns: ColumnView[]): ColumnView[] {
  return columns.filter((c) => !c.ReadOnly);
}

/** What an input holds: text for text inputs, a boolean for switches, {id, text} for lookups. */
export type FieldValue = string | boolean | { id: string; text: string } | null;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A record's value as its input shows it (date-times in the browser's time zone). */
export function toInput(column: ColumnView, row: RecordRow | undefined): FieldValue {
  const editor = editorOf(column);
  if (editor === 'lookup') {
    const id = row?.[column.Property] as string | null | undefined;
    const target = row?.[column.Navigation!] as Record<string, unknown> | null | undefined;
    return id ? { id, text: String(target?.[column.ReferenceDisplayColumn ?? 'Id'] ?? id) } : null;
  }
  const value = row?.[column.Property];
  if (editor === 'boolean') return value === true;
  if (value == null) return '';
  if (editor === 'datetime') {
    const d = new Date(String(value));
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }
  if (editor === 'time') return String(value).slice(0, 5);
  return String(value);
}

/** An input's value as the OData body carries it; empty is null. */
export function toBody(column: ColumnView, value: FieldValue): unknown {
  const editor = editorOf(column);
  if (editor === 'lookup') return value && typeof value === 'object' ? value.id : null;
  if (editor === 'boolean') return value === true;
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return null;
  switch (editor) {
    case 'integer': return Number(text);
    case 'decimal': return text.replace(',', '.'); // a string: IEEE754Compatible keeps every digit
    case 'datetime': return new Date(text).toISOString();
    case 'time': return text.length === 5 ? `${text}:00` : text;
    default: return text;
  }
}

/** The properties that differ between what was loaded and what the form holds: a PATCH sends only those. */
export function changes(columns: ColumnView[], before: Record<string, FieldValue>, after: Record<string, FieldValue>) {
  const body: Record<string, unknown> = {};
  for (const c of writableColumns(columns)) {
    const was = toBody(c, before[c.Name] ?? null);
    const now = toBody(c, after[c.Name] ?? null);
    if (JSON.stringify(was) !== JSON.stringify(now)) body[c.Property] = now;
  }
  return body;
}

/** The problems the form shows before sending: required fields the user may fill left empty. */
export function missing(columns: ColumnView[], values: Record<string, FieldValue>): string[] {
  return writableColumns(columns).filter((c) => c.Required && editorOf(c) !== 'boolean' && toBody(c, values[c.Name] ?? null) === null)
    .map((c) => c.Name);
}

/** The $expand a form needs to show its lookups' display values in the one request that loads it. */
export function formExpand(view: ObjectView): string {
  return view.Columns.filter((c) => c.Navigation && c.ReferenceDisplayColumn)
    .map((c) => `${c.Navigation}($select=Id,${c.ReferenceDisplayColumn})`).join(',');
}
