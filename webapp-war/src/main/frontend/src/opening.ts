// The page's first script: a small bundle of its own that the page runs as soon as it has loaded
// (async, long before the workspace's much larger bundle has arrived and been parsed). It sends the
// requests the opened page needs: the shell's (with the opened section's metadata), the user's
// preferences (theme, language), the lists' kept settings and, on a list, its first page as soon
// as both are known. The workspace hands them to its query cache (app/opening.ts), so none is sent
// twice. No React here: see vite.config.ts.
import { fetchWorkspace, opensList } from './features/workspace/requests';
import { fetchProfileEntries, type ProfileEntries } from './lib/profileRequests';
import { fetchRecordPage, firstPageQuery, type RecordPage } from './features/records/requests';
import { SETTINGS_PREFIX, settingsKey } from './features/records/filters';
import { PREFERENCES_PREFIX } from './lib/preferences';
import type { ListQuery, ObjectView } from './features/records/types';

export interface FirstPage {
  view: ObjectView;
  query: ListQuery;
  page: Promise<RecordPage>;
}

const workspace = fetchWorkspace();
const settings = fetchProfileEntries(SETTINGS_PREFIX);
const preferences = fetchProfileEntries(PREFERENCES_PREFIX);
const firstPage: Promise<FirstPage | undefined> = !opensList(window.location.hash) ? Promise.resolve(undefined)
  : Promise.all([workspace, settings.catch((): ProfileEntries => new Map())]).then(([shell, kept]) => {
    const view = shell.Object;
    if (!view) return undefined;
    const query = firstPageQuery(view, kept.get(settingsKey(view.Name)));
    const page = fetchRecordPage(view, query);
    page.catch(() => undefined); // the list's query reports a failure
    return { view, query, page };
  });
// each failure is reported by the query that adopts the request, none goes unhandled here
for (const sent of [workspace, settings, preferences, firstPage]) sent.catch(() => undefined);

export const opening = { workspace, settings, preferences, firstPage };
