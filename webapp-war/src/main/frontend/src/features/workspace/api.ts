import { useQuery, type QueryClient } from '@tanstack/react-query';
import { request } from '../../lib/http';
import type { Notice, Workspace } from './types';

export const workspaceKeys = {
  workspace: ['workspace'] as const,
  notices: ['notifications'] as const,
};

/** The object of the section the page was opened at (#/Contact, #/Contact/<id>), if any. */
export function openedAt(hash: string): string | undefined {
  return /^#\/([A-Za-z][A-Za-z0-9_]*)(?:[/?]|$)/.exec(hash)?.[1];
}

/**
 * The user, their sections and operations: what the shell is built from. The request also asks for
 * the object of the section the page opens at, so its list or form needs no second round trip for
 * the metadata; `opened` sees the answer before any page does.
 */
function workspaceQuery(opened?: (workspace: Workspace) => void) {
  return {
    queryKey: workspaceKeys.workspace,
    queryFn: async () => {
      const object = openedAt(window.location.hash);
      const workspace = await request<Workspace>('/0/rest/workspace' + (object ? `?object=${encodeURIComponent(object)}` : ''));
      opened?.(workspace);
      return workspace;
    },
  };
}

export function useWorkspace() {
  return useQuery(workspaceQuery());
}

/** Sends the shell's request at start, before React renders anything. */
export function prefetchWorkspace(client: QueryClient, opened?: (workspace: Workspace) => void): void {
  void client.prefetchQuery(workspaceQuery(opened));
}

/** The caller's notices (e.g. a licence about to expire). */
export function useNotices() {
  return useQuery({ queryKey: workspaceKeys.notices, queryFn: () => request<Notice[]>('/0/rest/notifications') });
}

/** The section of the given object, if the user has it. */
export function findSection(workspace: Workspace | undefined, name: string | undefined) {
  return workspace?.Sections.find((s) => s.Name === name);
}
