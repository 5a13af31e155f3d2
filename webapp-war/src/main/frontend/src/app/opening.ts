// Hands the requests the opening script sent (../opening.ts) to the query cache, before React
// renders anything: the pages then find them in flight or answered, under the keys they use.
import type { QueryClient } from '@tanstack/react-query';
import { opening } from '../opening';
import { workspaceQuery } from '../features/workspace/api';
import { recordKeys } from '../features/records/requests';
import { SETTINGS_PREFIX } from '../features/records/filters';
import { profileQuery } from '../lib/profile';
import { PREFERENCES_PREFIX } from '../lib/preferences';

export function adoptOpening(client: QueryClient): void {
  // the opened object's metadata is in the cache before the shell's query resolves
  void client.prefetchQuery(workspaceQuery(() => opening.workspace.then((workspace) => {
    if (workspace.Object) client.setQueryData(recordKeys.view(workspace.Object.Name), workspace.Object);
    return workspace;
  })));
  void client.prefetchQuery(profileQuery(SETTINGS_PREFIX, () => opening.settings));
  void client.prefetchQuery(profileQuery(PREFERENCES_PREFIX, () => opening.preferences));
  void opening.firstPage.then((first) => {
    if (first) void client.prefetchQuery({ queryKey: recordKeys.list(first.view.Name, first.query), queryFn: () => first.page });
  }, () => undefined);
}
