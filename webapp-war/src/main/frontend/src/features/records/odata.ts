// The OData pieces the list's query and its filters share: string literals and the path a column
// is sorted and filtered by.
import type { ColumnView, ObjectView } from './types';

/** An OData string literal: single quotes doubled. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** The OData path that sorts or filters by a column: a lookup by its target's display column. */
export function sortPath(column: ColumnView): string {
  return column.Navigation && column.ReferenceDisplayColumn ? `${column.Navigation}/${column.ReferenceDisplayColumn}` : column.Property;
}

export function column(view: ObjectView, name: string): ColumnView | undefined {
  return view.Columns.find((c) => c.Name === name);
}
