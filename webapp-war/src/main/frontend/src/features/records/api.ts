// The records' data layer: object metadata from the workspace API, pages of records through OData.
import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
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

export function useObjectView(object: string | undefined) {
  return useQuery({
    queryKey: recordKeys.view(object ?? ''),
    queryFn: () => request<ObjectView>(`/0/rest/workspace/objects/${encodeURIComponent(object!)}`),
    enabled: !!object,
  });
}

export interface RecordPage {
  rows: RecordRow[];
  total: number;
  /** The page these rows are (while the next loads, the previous stays on screen). */
  page: number;
}

async function fetchRecordPage(view: ObjectView, query: ListQuery, signal?: AbortSignal): Promise<RecordPage> {
  const answer = await request<{ value: RecordRow[]; '@odata.count': string | number }>(
    `/0/odata/${view.Name}?${buildListQuery(view, query)}`, { headers: { Accept: ODATA_JSON }, signal });
  return { rows: answer.value, total: Number(answer['@odata.count']), page: query.page };
}

/** One page of a list; the previous page stays on screen while the next loads. */
export function useRecordPage(view: ObjectView | undefined, query: ListQuery) {
  return useQuery({
    queryKey: recordKeys.list(view?.Name ?? '', query),
    enabled: !!view,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => fetchRecordPage(view!, query, signal),
  });
}

/**
 * Requests a list's first page as it will show (the user's kept settings or the defaults) before
 * the page is rendered, so the request and the rendering overlap; the list then finds it in flight.
 */
export function prefetchFirstPage(client: QueryClient, view: ObjectView, kept: unknown): void {
  const query = initialList(view, sanitizeSettings(view, kept));
  void client.prefetchQuery({ queryKey: recordKeys.list(view.Name, query), queryFn: () => fetchRecordPage(view, query) });
}
