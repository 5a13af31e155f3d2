import { describe, expect, it } from 'vitest';
import { auditQuery, dayStart, filterOf } from './audit';

const none = filterOf(new URLSearchParams());

describe('the audit query', () => {
  it('asks only for the page when nothing is filtered', () => {
    expect(auditQuery(none, 0)).toBe('skip=0&top=50');
    expect(auditQuery(none, 2)).toBe('skip=100&top=50');
  });

  it('sends each filter under the API name, trimmed', () => {
    const q = new URLSearchParams(auditQuery({ ...none, event: 'SIGN_IN_FAILED', target: ' ann ', actor: 'Supervisor', outcome: 'false' }, 0));
    expect(q.get('eventType')).toBe('SIGN_IN_FAILED');
    expect(q.get('targetName')).toBe('ann');
    expect(q.get('actorName')).toBe('Supervisor');
    expect(q.get('success')).toBe('false');
  });

  it('keeps both days whole: from the first one\'s midnight to the midnight after the last', () => {
    const q = new URLSearchParams(auditQuery({ ...none, fromDay: '2026-12-31', toDay: '2026-12-31' }, 0));
    const from = new Date(q.get('from')!);
    const to = new Date(q.get('to')!);
    expect([from.getFullYear(), from.getMonth(), from.getDate(), from.getHours()]).toEqual([2026, 11, 31, 0]);
    expect([to.getFullYear(), to.getMonth(), to.getDate(), to.getHours()]).toEqual([2027, 0, 1, 0]);
  });

  it('leaves out what is not a day or not an outcome', () => {
    expect(dayStart('31.12.2026')).toBeNull();
    expect(dayStart('')).toBeNull();
    expect(auditQuery({ ...none, fromDay: 'soon', outcome: 'maybe' }, 0)).toBe('skip=0&top=50');
  });

  it('reads the filters from the address, absent ones empty', () => {
    expect(filterOf(new URLSearchParams('event=SIGN_IN&actor=x'))).toEqual({ ...none, event: 'SIGN_IN', actor: 'x' });
  });
});
