// The profile API's read and its cache key, without React (the opening script reads the lists'
// settings before the workspace's bundle has loaded).
import { request } from './http';

export const profileKeys = { prefix: (prefix: string) => ['profile', prefix] as const };

export type ProfileEntries = Map<string, unknown>;

/** Every entry of the signed-in user whose key starts with the prefix, by key. */
export async function fetchProfileEntries(prefix: string): Promise<ProfileEntries> {
  const entries = await request<{ Key: string; Value: unknown }[]>(`/0/rest/profile?prefix=${encodeURIComponent(prefix)}`);
  return new Map(entries.map((e) => [e.Key, e.Value]));
}
