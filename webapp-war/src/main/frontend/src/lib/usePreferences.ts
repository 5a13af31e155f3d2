// The user's preferences in the workspace: what the profile says (this browser's copy until it has
// answered, which is then refreshed), and a way to change them.
import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { saveProfileEntry, useProfileEntries } from './profile';
import { PREFERENCES_KEY, PREFERENCES_PREFIX, STORED_PREFERENCES, sanitizePreferences, storedPreferences,
  type Preferences } from './preferences';

/** The user's preferences (the stored copy until the profile answers) and a way to change them. */
export function usePreferences(): { preferences: Preferences; save: (change: Partial<Preferences>) => Promise<unknown> } {
  const client = useQueryClient();
  const entries = useProfileEntries(PREFERENCES_PREFIX);
  const preferences = entries.data ? sanitizePreferences(entries.data.get(PREFERENCES_KEY)) : storedPreferences();
  const kept = entries.data ? JSON.stringify(preferences) : null;
  useEffect(() => {
    if (kept === null) return;
    try {
      window.localStorage.setItem(STORED_PREFERENCES, kept);
    } catch {
      // storage may be off; the profile still keeps the choice
    }
  }, [kept]);
  const save = (change: Partial<Preferences>) =>
    saveProfileEntry(client, PREFERENCES_PREFIX, PREFERENCES_KEY, { ...preferences, ...change });
  return { preferences, save };
}
