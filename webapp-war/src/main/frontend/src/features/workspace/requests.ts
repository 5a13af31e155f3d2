// The shell's request and its cache keys, without React: the opening script sends it before the
// workspace's bundle has loaded.
import { request } from '../../lib/http';
import type { Workspace } from './types';

export const workspaceKeys = {
  workspace: ['workspace'] as const,
  notices: ['notifications'] as const,
};

/** The object of the section the page was opened at (#/Contact, #/Contact/<id>), if any. */
export function openedAt(hash: string): string | undefined {
  return /^#\/([A-Za-z][A-Za-z0-9_]*)(?:[/?]|$)/.exec(hash)?.[1];
}

/** Whether the page is at a list (#/Contact), not a form or the home page. */
export function opensList(hash: string): boolean {
  return /^#\/[^/?]+$/.test(hash);
}

/**
 * The user, their sections and operations: what the shell is built from. The request also asks for
 * the object of the section the page is at, so its list or form needs no second round trip for the
 * metadata.
 */
export function fetchWorkspace(): Promise<Workspace> {
  const object = openedAt(window.location.hash);
  return request<Workspace>('/0/rest/workspace' + (object ? `?object=${encodeURIComponent(object)}` : ''));
}
