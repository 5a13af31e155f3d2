// The records' data layer: object metadata from the workspace API, pages of records through OData.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { request } from '../../lib/http';
import { fetchRecordPage, recordKeys } from './requests';
import type { ListQuery, ObjectView } from './types';

export function useObjectView(object: string | undefined) {
  return useQuery({
    queryKey: recordKeys.view(object ?? ''),
    queryFn: () => request<ObjectView>(`/0/rest/workspace/objects/${encodeURIComponent(object!)}`),
    enabled: !!object,
  });
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
