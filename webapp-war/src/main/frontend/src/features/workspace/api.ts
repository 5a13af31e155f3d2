import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { request } from '../../lib/http';
import { prefetchFirstPage, recordKeys } from '../records/api';
import { SETTINGS_PREFIX, settingsKey } from '../records/filters';
import { profileEntries } from '../../lib/profile';
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
 * the metadata, and for a list asks for its first page as soon as the user's settings are known.
 */
function workspaceQuery(client: QueryClient) {
  return {
    queryKey: workspaceKeys.workspace,
    queryFn: async () => {
      const object = openedAt(window.location.hash);
      const workspace = await request<Workspace>('/0/rest/workspace' + (object ? `?object=${encodeURIComponent(object)}` : ''));
      const view = workspace.Object;
      if (view) {
        client.setQueryData(recordKeys.view(view.Name), view);
        if (/^#\/[^/?]+$/.test(window.location.hash)) {
          // a list: its first page is asked for while the shell renders
          void profileEntries(client, SETTINGS_PREFIX).then((kept) => prefetchFirstPage(client, view, kept.get(settingsKey(view.Name))));
        }
      }
      return workspace;
    },
  };
}

export function useWorkspace() {
  return useQuery(workspaceQuery(useQueryClient()));
}

/** Sends the shell's request at start, before React renders anything. */
export function prefetchWorkspace(client: QueryClient): void {
  void client.prefetchQuery(workspaceQuery(client));
}

/** The caller's notices (e.g. a licence about to expire). */
export function useNotices() {
  return useQuery({ queryKey: workspaceKeys.notices, queryFn: () => request<Notice[]>('/0/rest/notifications') });
}

/** The section of the given object, if the user has it. */
export function findSection(workspace: Workspace | undefined, name: string | undefined) {
  return workspace?.Sections.find((s) => s.Name === name);
}
