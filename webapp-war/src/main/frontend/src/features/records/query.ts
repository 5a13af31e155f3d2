// Turns what a list shows into one OData request: $select of the shown columns (lookups as their
// value and an $expand of the target's display column, so a page is one request), $filter from
// the quick filter and the structured filters, $orderby with Id as the tie-breaker (stable pages), $top/$skip and $count.
import type { ColumnView, ListQuery, ObjectView } from './types';
import { filtersExpression } from './filters';
import { column, odataString, sortPath } from './odata';

/** The quick filter: the primary display column contains the text, in any case. */
export function quickFilter(view: ObjectView, text: string | undefined): string | undefined {
  const term = text?.trim();
  const display = view.PrimaryDisplayColumn ? column(view, view.PrimaryDisplayColumn) : undefined;
  if (!term || !display) return undefined;
  return `contains(tolower(${sortPath(display)}),${odataString(term.toLowerCase())})`;
}

/** The query string (without "?") of one page of the list. */
export function buildListQuery(view: ObjectView, query: ListQuery): string {
  const shown = query.columns.map((n) => column(view, n)).filter((c): c is ColumnView => !!c);
  const select = ['Id', ...shown.map((c) => c.Property).filter((p) => p !== 'Id')];
  const expand = shown.filter((c) => c.Navigation && c.ReferenceDisplayColumn)
    .map((c) => `${c.Navigation}($select=Id,${c.ReferenceDisplayColumn})`);
  const params: string[] = [`$select=${select.join(',')}`];
  if (expand.length) params.push(`$expand=${expand.join(',')}`);
  const parts = [quickFilter(view, query.quick), filtersExpression(view, query.filters)].filter((p): p is string => !!p);
  if (parts.length) params.push(`$filter=${parts.length > 1 ? parts.map((p) => `(${p})`).join(' and ') : parts[0]}`);
  const sorted = query.sort ? column(view, query.sort.column) : undefined;
  params.push(`$orderby=${sorted ? `${sortPath(sorted)} ${query.sort!.direction},` : ''}Id asc`);
  params.push(`$top=${query.pageSize}`, `$skip=${query.page * query.pageSize}`, '$count=true');
  return params.map((p) => {
    const at = p.indexOf('=');
    return p.slice(0, at) + '=' + encodeURIComponent(p.slice(at + 1));
  }).join('&');
}
