// The records' data layer: object metadata from the workspace API, pages of records through OData.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { request } from '../../lib/http';
import { buildListQuery } from './query';
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

/** One page of a list; the previous page stays on screen while the next loads. */
export function useRecordPage(view: ObjectView | undefined, query: ListQuery) {
  return useQuery({
    queryKey: recordKeys.list(view?.Name ?? '', query),
    enabled: !!view,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }): Promise<RecordPage> => {
      const answer = await request<{ value: RecordRow[]; '@odata.count': string | number }>(
        `/0/odata/${view!.Name}?${buildListQuery(view!, query)}`, { headers: { Accept: ODATA_JSON }, signal });
      return { rows: answer.value, total: Number(answer['@odata.count']), page: query.page };
    },
  });
}
