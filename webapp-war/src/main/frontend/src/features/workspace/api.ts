import { useQuery, type QueryClient } from '@tanstack/react-query';
import { request } from '../../lib/http';
import { fetchWorkspace, workspaceKeys } from './requests';
import type { Notice, Workspace } from './types';

/** The query of the shell's data; `read` is the request (the one the opening script sent, at start). */
export function workspaceQuery(read: () => Promise<Workspace> = fetchWorkspace) {
  return { queryKey: workspaceKeys.workspace, queryFn: read };
}

export function useWorkspace() {
  return useQuery(workspaceQuery());
}

/** The caller's notices (e.g. a licence about to expire). */
export function useNotices() {
  return useQuery({ queryKey: workspaceKeys.notices, queryFn: () => request<Notice[]>('/0/rest/notifications') });
}

/** The section of the given object, if the user has it. */
export function findSection(workspace: Workspace | undefined, name: string | undefined) {
  return workspace?.Sections.find((s) => s.Name === name);
}

/**
 * Reads the sections, the object views and the records shown by them again: the metadata they
 * were built from has moved (an object or column was added, changed or dropped).
 */
export async function refreshMetadata(client: QueryClient): Promise<void> {
  await Promise.all([
    client.invalidateQueries({ queryKey: workspaceKeys.workspace }),
    client.invalidateQueries({ queryKey: ['object-view'] }),
    client.invalidateQueries({ queryKey: ['records'] }),
  ]);
}
