// The user menu's choices of theme and language: two groups of radio items, kept in the user's
// profile at once (preferences.ts); a choice that could not be kept is reported, and stays for
// this page.
import { useTranslation } from 'react-i18next';
import { MenuGroup, MenuGroupHeader, MenuItemRadio, type MenuProps } from '@fluentui/react-components';
import { type Preferences, type ThemeChoice } from '../lib/preferences';
import { usePreferences } from '../lib/usePreferences';
import { ApiError } from '../lib/http';
import { LANGUAGES, languageName } from '../lib/i18n';

const THEMES: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'app.themeSystem' },
  { value: 'light', label: 'app.themeLight' },
  { value: 'dark', label: 'app.themeDark' },
];

/** The menu's checked values for the Menu that holds these items. */
export function appearanceChecked(preferences: Preferences): MenuProps['checkedValues'] {
  return { theme: [preferences.Theme], language: [preferences.Language || 'browser'] };
}

export function AppearanceMenu({ onFailure }: { onFailure: (reason: string | null) => void }) {
  const { t } = useTranslation();
  const { save } = usePreferences();
  const keep = (change: Partial<Preferences>) => {
    onFailure(null);
    save(change).catch((e) => onFailure(e instanceof ApiError ? e.message : t('app.loadFailed')));
  };
  return (
    <>
      <MenuGroup>
        <MenuGroupHeader>{t('app.appearance')}</MenuGroupHeader>
        {THEMES.map((theme) => (
          <MenuItemRadio key={theme.value} name="theme" value={theme.value} onClick={() => keep({ Theme: theme.value })}>
            {t(theme.label)}
          </MenuItemRadio>
        ))}
      </MenuGroup>
      <MenuGroup>
        <MenuGroupHeader>{t('app.language')}</MenuGroupHeader>
        <MenuItemRadio name="language" value="browser" onClick={() => keep({ Language: '' })}>{t('app.languageBrowser')}</MenuItemRadio>
        {LANGUAGES.map((code) => (
          <MenuItemRadio key={code} name="language" value={code} lang={code} onClick={() => keep({ Language: code })}>
            {languageName(code)}
          </MenuItemRadio>
        ))}
      </MenuGroup>
    </>
  );
}
