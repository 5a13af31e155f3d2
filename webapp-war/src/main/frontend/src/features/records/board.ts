// A board's OData requests, from the object's metadata only: the values its columns stand for (the
// lookup's target, in its order) and, per column, the cards (the records whose lookup names that
// value, or none), with the few columns a card shows. Pure functions.
import type { BoardView, ColumnView, ObjectView } from './types';
import { defaultListColumns } from './columns';
import { column } from './odata';

/** Cards a column shows at most; its count says how many it holds. */
export const CARDS_PER_COLUMN = 50;
/** Values (columns) a board shows at most. */
export const MAX_BOARD_COLUMNS = 30;

/** What a card shows: the primary display column, then the next two of the default list, never the board's own lookup. */
export function cardColumns(view: ObjectView, board: BoardView): ColumnView[] {
  return defaultListColumns(view).filter((name) => name !== board.Column).slice(0, 3)
    .map((name) => column(view, name)).filter((c): c is ColumnView => !!c);
}

/** The query string of the board's values: Id, display and order column, in the values' order. */
export function boardValuesQuery(board: BoardView): string {
  const shown = [board.DisplayColumn, board.OrderColumn].filter((c): c is string => !!c);
  const order = [board.OrderColumn, board.DisplayColumn, 'Id'].filter((c): c is string => !!c).map((c) => `${c} asc`);
  return [`$select=${encodeURIComponent(['Id', ...shown].join(','))}`, `$orderby=${encodeURIComponent(order.join(','))}`,
    `$top=${MAX_BOARD_COLUMNS}`].join('&');
}

/** The query string of one column's cards: the records whose lookup is the value (null: none), last changed first. */
export function boardCardsQuery(view: ObjectView, board: BoardView, value: string | null): string {
  const shown = cardColumns(view, board);
  const select = ['Id', board.Property, ...shown.map((c) => c.Property)].filter((p, i, all) => all.indexOf(p) === i);
  const expand = shown.filter((c) => c.Navigation && c.ReferenceDisplayColumn)
    .map((c) => `${c.Navigation}($select=Id,${c.ReferenceDisplayColumn})`);
  const params = [`$select=${select.join(',')}`];
  if (expand.length) params.push(`$expand=${expand.join(',')}`);
  params.push(`$filter=${board.Property} eq ${value ?? 'null'}`, '$orderby=ModifiedOn desc,Id asc',
    `$top=${CARDS_PER_COLUMN}`, '$count=true');
  return params.map((p) => {
    const at = p.indexOf('=');
    return p.slice(0, at) + '=' + encodeURIComponent(p.slice(at + 1));
  }).join('&');
}

/** The profile entry that keeps whether a section opens as its list or its board. */
export const modeKey = (object: string) => `list.${object}.mode`;
export type SectionMode = 'list' | 'board';

export function sanitizeMode(kept: unknown, view: ObjectView): SectionMode {
  return view.Board && (kept as { Mode?: unknown } | undefined)?.Mode === 'board' ? 'board' : 'list';
}
