// The workspace's theme and language as the user chose them (preferences.ts): Fluent's light or
// dark theme, following the system's setting unless the user picked one, and the text language,
// which also becomes the page's lang and the locale of dates and numbers.
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { usePreferences } from '../lib/usePreferences';
import { resolveLanguage } from '../lib/i18n';
import { useMediaQuery } from '../components/useMediaQuery';

export function Appearance({ children }: { children: ReactNode }) {
  const { preferences } = usePreferences();
  const systemDark = useMediaQuery('(prefers-color-scheme: dark)');
  const dark = preferences.Theme === 'dark' || (preferences.Theme === 'system' && systemDark);
  const { i18n } = useTranslation();
  const language = resolveLanguage(preferences.Language || undefined);

  useEffect(() => {
    if (i18n.resolvedLanguage !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);
  useEffect(() => {
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light'; // scroll bars and form controls
  }, [dark]);

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} data-theme={dark ? 'dark' : 'light'}>
      {children}
    </FluentProvider>
  );
}
