import { describe, expect, it } from 'vitest';
import { openedAt, opensList } from './requests';

describe('the section a page opens at', () => {
  it('is the first segment of the route, a list or a record', () => {
    expect(openedAt('#/Contact')).toBe('Contact');
    expect(openedAt('#/UsrProject/1b2c')).toBe('UsrProject');
    expect(openedAt('#/Lead/new')).toBe('Lead');
    expect(openedAt('#/')).toBeUndefined();
    expect(openedAt('')).toBeUndefined();
    expect(openedAt('#/../x')).toBeUndefined();
    expect(openedAt('#/Contact%20x')).toBeUndefined();
  });
});

describe('whether a page opens at a list', () => {
  it('is a route of one segment: its first page is asked for at once', () => {
    expect(opensList('#/Contact')).toBe(true);
    expect(opensList('#/Contact/1b2c')).toBe(false);
    expect(opensList('#/Contact?x=1')).toBe(false);
    expect(opensList('#/')).toBe(false);
    expect(opensList('')).toBe(false);
  });
});
