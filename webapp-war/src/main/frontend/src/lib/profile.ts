// The user's own settings kept on the server (/0/rest/profile): a JSON object per key. The
// workspace reads every entry under a prefix at once (one request for all lists, always 200) and
// writes one entry at a time.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { request } from './http';
import { fetchProfileEntries, profileKeys, type ProfileEntries } from './profileRequests';

/** The query of the entries under a prefix; `read` is the request (one already in flight at start). */
export function profileQuery(prefix: string, read: () => Promise<ProfileEntries> = () => fetchProfileEntries(prefix)) {
  return {
    queryKey: profileKeys.prefix(prefix),
    staleTime: Infinity,
    retry: false, // pages wait for this; a failure falls back to the defaults at once
    queryFn: read,
  };
}

/** The user's entries whose key starts with the prefix, by key. */
export function useProfileEntries(prefix: string) {
  return useQuery(profileQuery(prefix));
}

/** Stores the value under the key for the signed-in user; what the pages read is updated at once. */
export function saveProfileEntry(client: QueryClient, prefix: string, key: string, value: unknown): Promise<unknown> {
  client.setQueryData<ProfileEntries>(profileKeys.prefix(prefix), (entries) => new Map(entries ?? []).set(key, value));
  return request(`/0/rest/profile/${encodeURIComponent(key)}`, { method: 'PUT', body: value });
}
