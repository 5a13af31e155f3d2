// The user's own settings kept on the server (/0/rest/profile): a JSON object per key. The
// workspace reads every entry under a prefix at once (one request for all lists, always 200) and
// writes one entry at a time.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { request } from './http';

export const profileKeys = { prefix: (prefix: string) => ['profile', prefix] as const };

type Entries = Map<string, unknown>;

function profileQuery(prefix: string) {
  return {
    queryKey: profileKeys.prefix(prefix),
    staleTime: Infinity,
    retry: false, // pages wait for this; a failure falls back to the defaults at once
    queryFn: async (): Promise<Entries> => {
      const entries = await request<{ Key: string; Value: unknown }[]>(`/0/rest/profile?prefix=${encodeURIComponent(prefix)}`);
      return new Map(entries.map((e) => [e.Key, e.Value]));
    },
  };
}

/** The user's entries whose key starts with the prefix, by key. */
export function useProfileEntries(prefix: string) {
  return useQuery(profileQuery(prefix));
}

/** Starts reading the entries before a page asks for them (at start, beside the shell's own request). */
export function prefetchProfileEntries(client: QueryClient, prefix: string): void {
  void client.prefetchQuery(profileQuery(prefix));
}

/** The entries (the read in flight if there is one); an empty map when they cannot be read. */
export function profileEntries(client: QueryClient, prefix: string): Promise<Entries> {
  return client.fetchQuery(profileQuery(prefix)).catch(() => new Map());
}

/** Stores the value under the key for the signed-in user; what the pages read is updated at once. */
export function saveProfileEntry(client: QueryClient, prefix: string, key: string, value: unknown): Promise<unknown> {
  client.setQueryData<Entries>(profileKeys.prefix(prefix), (entries) => new Map(entries ?? []).set(key, value));
  return request(`/0/rest/profile/${encodeURIComponent(key)}`, { method: 'PUT', body: value });
}
