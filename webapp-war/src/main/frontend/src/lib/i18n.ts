// Texts of the workspace: one resource file per language (English now), looked up by key with
// i18next. Dates and numbers are formatted in the browser's locale through Intl.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';

export const resources = { en: { translation: en } } as const;

export function initI18n(language: string = navigator.language) {
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['en'],
    nonExplicitSupportedLngs: true,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

/** The user's locale for dates and numbers (the browser's, not the text language). */
export function userLocale(): string {
  return navigator.languages?.[0] ?? navigator.language ?? 'en';
}

export function formatDate(value: Date, locale: string = userLocale()): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(value);
}
