import { describe, expect, it } from 'vitest';
import { openedAt } from './api';

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
