// The records' requests and cache keys, without React: the list's first page is asked for by the
// opening script (app/opening.ts) before the workspace's bundle has loaded, with the same key and
// query the list page uses.
import { request } from '../../lib/http';
import { buildListQuery } from './query';
import { initialList, sanitizeSettings } from './filters';
import type { ListQuery, ObjectView, RecordRow } from './types';

/** OData JSON with numbers that JavaScript cannot hold exactly (Decimal, Int64) as strings. */
export const ODATA_JSON = 'application/json;odata.metadata=minimal;IEEE754Compatible=true';

export const recordKeys = {
  view: (object: string) => ['object-view', object] as const,
  list: (object: string, query: ListQuery) => ['records', object, 'list', query] as const,
};

export interface RecordPage {
  rows: RecordRow[];
  total: number;
  /** The page these rows are (while the next loads, the previous stays on screen). */
  page: number;
}

export async function fetchRecordPage(view: ObjectView, query: ListQuery, signal?: AbortSignal): Promise<RecordPage> {
  const answer = await request<{ value: RecordRow[]; '@odata.count': string | number }>(
    `/0/odata/${view.Name}?${buildListQuery(view, query)}`, { headers: { Accept: ODATA_JSON }, signal });
  return { rows: answer.value, total: Number(answer['@odata.count']), page: query.page };
}

/** The query of a list's first page as it will show: the user's kept settings, or the defaults. */
export function firstPageQuery(view: ObjectView, kept: unknown): ListQuery {
  return initialList(view, sanitizeSettings(view, kept));
}
