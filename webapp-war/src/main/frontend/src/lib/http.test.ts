import { describe, expect, it } from 'vitest';
import { ApiError, csrfToken, parseError, signInUrl } from './http';

describe('the data layer', () => {
  it('reads the BPMCSRF cookie among others', () => {
    expect(csrfToken('a=1; BPMCSRF=abc%2Bdef; UserName=x')).toBe('abc+def');
    expect(csrfToken('BPMCSRF=first')).toBe('first');
    expect(csrfToken('XBPMCSRF=no')).toBe('');
  });

  it('sends a lost session to sign-in with the route it was on', () => {
    expect(signInUrl({ pathname: '/0/', hash: '#/Contact/42' })).toBe('/?returnUrl=%2F0%2F%23%2FContact%2F42');
  });

  it('reads the OData error body with its field details', () => {
    const e = parseError(400, { error: { code: 'VALIDATION_FAILED', message: 'bad', details: [{ code: 'X', target: 'Email', message: 'not an email' }] } });
    expect(e).toBeInstanceOf(ApiError);
    expect([e.status, e.code, e.message]).toEqual([400, 'VALIDATION_FAILED', 'bad']);
    expect(e.fields).toEqual([{ field: 'Email', message: 'not an email' }]);
  });

  it('reads the REST error body with its field errors', () => {
    const e = parseError(400, { ErrorCode: 'VALIDATION_FAILED', Message: 'Invalid', Errors: [{ Field: 'Name', Message: 'must not be blank' }] });
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.fields).toEqual([{ field: 'Name', message: 'must not be blank' }]);
  });

  it('never takes a body it does not know as a message', () => {
    expect(parseError(502, '<html>proxy</html>').code).toBe('SERVER_ERROR');
    expect(parseError(404, undefined).message).toBe('HTTP 404');
  });
});
