import { describe, expect, it } from 'vitest';
import { requestUrl } from './licences';

describe('the licence request', () => {
  it('asks for the products with a count, each as code:count', () => {
    expect(requestUrl({ sales: 25, service: 0, marketing: 10 })).toBe('/0/rest/licenses/request?product=sales%3A25&product=marketing%3A10');
  });

  it('is nothing when no product is asked for', () => {
    expect(requestUrl({})).toBeNull();
    expect(requestUrl({ sales: 0 })).toBeNull();
  });
});
