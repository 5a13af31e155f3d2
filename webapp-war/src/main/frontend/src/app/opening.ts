// What the page asks for as it opens, before React renders anything: the shell's request (with the
// metadata of the object the address names), the user's kept list settings and, for a list, its
// first page as soon as both are known. The features own their requests; this only orders them.
import type { QueryClient } from '@tanstack/react-query';
import { prefetchWorkspace } from '../features/workspace';
// the modules, not the feature's index: the list and form pages stay in their lazily loaded chunk
import { recordKeys, prefetchFirstPage } from '../features/records/api';
import { SETTINGS_PREFIX, settingsKey } from '../features/records/filters';
import { prefetchProfileEntries, profileEntries } from '../lib/profile';

export function prefetchOpening(client: QueryClient): void {
  prefetchWorkspace(client, (workspace) => {
    const view = workspace.Object;
    if (!view) return;
    client.setQueryData(recordKeys.view(view.Name), view);
    if (/^#\/[^/?]+$/.test(window.location.hash)) {
      // a list: its first page is asked for while the shell renders
      void profileEntries(client, SETTINGS_PREFIX).then((kept) => prefetchFirstPage(client, view, kept.get(settingsKey(view.Name))));
    }
  });
  prefetchProfileEntries(client, SETTINGS_PREFIX);
}
