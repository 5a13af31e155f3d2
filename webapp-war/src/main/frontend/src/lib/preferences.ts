// The user's appearance: theme (as the system, light or dark) and language (as the browser, or
// one the workspace is written in), kept in their profile under ui.preferences so that it follows
// them to every browser. A copy in this browser's storage paints the first frame right before the
// profile has answered; the profile wins once it has. No React here: the opening script reads it.

export type ThemeChoice = 'system' | 'light' | 'dark';

export interface Preferences {
  Theme: ThemeChoice;
  /** A language code (en, de), or '' for the browser's. */
  Language: string;
}

export const PREFERENCES_PREFIX = 'ui.';
export const PREFERENCES_KEY = 'ui.preferences';
export const STORED_PREFERENCES = 'atrium.preferences';
export const DEFAULT_PREFERENCES: Preferences = { Theme: 'system', Language: '' };

/** What a kept value says, checked: anything unknown falls back to the default. */
export function sanitizePreferences(value: unknown): Preferences {
  const v = (value ?? {}) as Partial<Record<keyof Preferences, unknown>>;
  const theme = v.Theme === 'light' || v.Theme === 'dark' ? v.Theme : 'system';
  const language = typeof v.Language === 'string' && /^[a-z]{2,3}$/.test(v.Language) ? v.Language : '';
  return { Theme: theme, Language: language };
}

/** This browser's copy of the user's preferences, for the first paint. */
export function storedPreferences(): Preferences {
  try {
    return sanitizePreferences(JSON.parse(window.localStorage.getItem(STORED_PREFERENCES) ?? 'null'));
  } catch {
    return DEFAULT_PREFERENCES;
  }
}
