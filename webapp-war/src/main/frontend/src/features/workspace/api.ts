import { useQuery } from '@tanstack/react-query';
import { request } from '../../lib/http';
import type { Notice, Workspace } from './types';

export const workspaceKeys = {
  workspace: ['workspace'] as const,
  notices: ['notifications'] as const,
};

/** The user, their sections and operations: what the shell is built from. */
export function useWorkspace() {
  return useQuery({ queryKey: workspaceKeys.workspace, queryFn: () => request<Workspace>('/0/rest/workspace') });
}

/** The caller's notices (e.g. a licence about to expire). */
export function useNotices() {
  return useQuery({ queryKey: workspaceKeys.notices, queryFn: () => request<Notice[]>('/0/rest/notifications') });
}

/** The section of the given object, if the user has it. */
export function findSection(workspace: Workspace | undefined, name: string | undefined) {
  return workspace?.Sections.find((s) => s.Name === name);
}
