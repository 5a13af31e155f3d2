/** What GET /0/rest/workspace/objects/{name} answers: an object as lists and forms render it. */
import type { Rights } from '../workspace';
import type { ListFilter } from './filters';

export interface ColumnView {
  Name: string;
  Caption: string;
  /** The designer's type: Text, ShortText, MaxText, Integer, Decimal, Money, Boolean, Date, Time, DateTime, Guid, Lookup, ... */
  Type: string;
  Required: boolean;
  MaxLength: number;
  /** The OData property holding the value (AccountId for the lookup Account). */
  Property: string;
  /** The OData navigation property of a lookup (Account), or null. */
  Navigation: string | null;
  Reference: string | null;
  ReferenceDisplayColumn: string | null;
  System: boolean;
  /** The caller may not change it: a system column, or one column permissions let them only read. */
  ReadOnly: boolean;
}

export interface RelatedView {
  Object: string;
  Caption: string;
  Column: string;
  /** The OData property of the other object's lookup (AccountId). */
  Property: string;
  DisplayColumn: string | null;
  Navigation: string;
}

/**
 * An object's board: a column per record of {@code Reference} (its values, shown by their
 * {@code DisplayColumn}, ordered by {@code OrderColumn}), holding the records whose lookup
 * {@code Column} (OData property {@code Property}) names it.
 */
export interface BoardView {
  Column: string;
  Property: string;
  Navigation: string;
  Reference: string;
  DisplayColumn: string | null;
  OrderColumn: string | null;
}

export interface ObjectView {
  Name: string;
  Caption: string;
  SectionCaption: string | null;
  PrimaryDisplayColumn: string | null;
  Rights: Rights;
  Columns: ColumnView[];
  Related: RelatedView[];
  /** Its board, or null when it has none the user may see. */
  Board: BoardView | null;
}

/** A record as OData answers it (minimal metadata, IEEE754Compatible numbers as strings). */
export type RecordRow = Record<string, unknown> & { Id: string; '@odata.etag'?: string };

export interface SortOrder {
  column: string;
  direction: 'asc' | 'desc';
}

export interface ListQuery {
  columns: string[];
  sort?: SortOrder;
  /** Text the user typed into the quick filter: matched against the primary display column. */
  quick?: string;
  /** The structured filters, one per column. */
  filters?: ListFilter[];
  page: number;
  pageSize: number;
}
