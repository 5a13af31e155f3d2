import { describe, expect, it } from 'vitest';
import { LANGUAGES, resolveLanguage, resources, userLocale } from './i18n';
import { sanitizePreferences } from './preferences';

/** Every key of a resource tree as dotted paths, with the {{placeholders}} its text names. */
function flatten(tree: object, prefix = ''): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix + key;
    if (typeof value === 'string') {
      out.set(path, [...value.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort());
    } else {
      flatten(value as object, path + '.').forEach((v, k) => out.set(k, v));
    }
  }
  return out;
}

describe('languages', () => {
  const english = flatten(resources.en.translation);

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has every English text, with the same placeholders, and no other', (language) => {
    const other = flatten(resources[language].translation);
    expect([...other.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, placeholders] of english) {
      expect(other.get(key), key).toEqual(placeholders);
    }
  });

  it('resolves a choice, else the browser languages in order, else English', () => {
    expect(resolveLanguage('de', ['en-GB'])).toBe('de');
    expect(resolveLanguage(undefined, ['fr-FR', 'de-AT', 'en'])).toBe('de');
    expect(resolveLanguage(undefined, ['fr-FR'])).toBe('en');
    expect(resolveLanguage('xx', ['de'])).toBe('en');
  });

  it('formats in the browser locale of the text language, else in the language', () => {
    expect(userLocale('de', ['en-US', 'de-AT'])).toBe('de-AT');
    expect(userLocale('de', ['en-US'])).toBe('de');
    expect(userLocale('en', ['en-GB', 'de'])).toBe('en-GB');
  });

  it('keeps only preferences it knows', () => {
    expect(sanitizePreferences({ Theme: 'dark', Language: 'de' })).toEqual({ Theme: 'dark', Language: 'de' });
    expect(sanitizePreferences({ Theme: 'neon', Language: '<script>' })).toEqual({ Theme: 'system', Language: '' });
    expect(sanitizePreferences(null)).toEqual({ Theme: 'system', Language: '' });
  });
});
