// Texts of the workspace: one resource file per language, looked up by key with i18next. The
// language is the user's choice (kept in their profile, see preferences.ts) or else the browser's;
// dates and numbers are formatted through Intl in the browser's locale when it is of that
// language (de-AT stays de-AT), and in the language itself otherwise.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import de from '../locales/de.json';

export const resources = { en: { translation: en }, de: { translation: de } } as const;

/** The languages the workspace is written in, English first (the fallback). */
export const LANGUAGES = Object.keys(resources) as (keyof typeof resources)[];

/** A language's name in that language ("Deutsch"), as a menu offers it. */
export function languageName(code: string): string {
  return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
}

/** The language a choice comes to: the chosen one, or the browser's first the workspace has. */
export function resolveLanguage(chosen: string | undefined, browser: readonly string[] = navigator.languages ?? [navigator.language]): string {
  const wanted = chosen ? [chosen] : browser;
  for (const tag of wanted) {
    const base = tag.toLowerCase().split('-')[0];
    if ((LANGUAGES as string[]).includes(base)) return base;
  }
  return 'en';
}

export function initI18n(language: string = resolveLanguage(undefined)) {
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: LANGUAGES,
    nonExplicitSupportedLngs: true,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

/**
 * The locale for dates and numbers: the browser's first locale of the text language (so a user in
 * Austria reading German gets de-AT's formats), else the text language itself.
 */
export function userLocale(language: string = i18next.resolvedLanguage ?? 'en',
  browser: readonly string[] = navigator.languages ?? [navigator.language]): string {
  return browser.find((tag) => tag.toLowerCase().split('-')[0] === language) ?? language;
}

export function formatDate(value: Date, locale: string = userLocale()): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(value);
}

/** A moment to the second, as the administration pages show firings and validity ("7 Dec 2026, 19:20:05"). */
export function formatMoment(iso: string, locale: string = userLocale()): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
}
