// The audit log (/0/rest/audit, operation CanViewSysOperationAudit) as its page reads it: a page of
// entries, newest first, kept by the filters an auditor sets. The filters live in the page's address,
// so a filtered view can be reloaded, bookmarked and sent to a colleague.
import { request } from '../../lib/http';

export const CAN_VIEW_SYS_OPERATION_AUDIT = 'CanViewSysOperationAudit';
export const AUDIT_PAGE = 50;

export interface AuditEntry {
  Id: string;
  CreatedOn: string;
  EventType: string;
  Success: boolean;
  ActorId: string | null;
  ActorName: string | null;
  TargetId: string | null;
  TargetName: string | null;
  ClientAddress: string | null;
  Details: string | null;
}

export interface AuditPage {
  Items: AuditEntry[];
  Total: number;
}

/** What the page filters by, as the address holds it; an empty string keeps everything. */
export interface AuditFilter {
  event: string;
  target: string;
  actor: string;
  /** '' all, 'true' only what succeeded, 'false' only what failed */
  outcome: string;
  /** days as yyyy-mm-dd in the user's own time zone, both inclusive */
  fromDay: string;
  toDay: string;
}

export const FILTER_KEYS = ['event', 'target', 'actor', 'outcome', 'fromDay', 'toDay'] as const satisfies readonly (keyof AuditFilter)[];

export function filterOf(params: URLSearchParams): AuditFilter {
  return Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as unknown as AuditFilter;
}

/** The start of a day (yyyy-mm-dd) in the browser's time zone as an instant, `days` later; null when not a day. */
export function dayStart(day: string, days = 0): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const start = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days);
  return Number.isNaN(start.getTime()) ? null : start.toISOString();
}

/** The API's query for a page: the day range becomes [start of the first day, start of the day after the last). */
export function auditQuery(filter: AuditFilter, page: number): string {
  const query = new URLSearchParams();
  const put = (name: string, value: string | null) => { if (value) query.set(name, value); };
  put('eventType', filter.event);
  put('targetName', filter.target.trim());
  put('actorName', filter.actor.trim());
  put('success', filter.outcome === 'true' || filter.outcome === 'false' ? filter.outcome : null);
  put('from', dayStart(filter.fromDay));
  put('to', dayStart(filter.toDay, 1));
  query.set('skip', String(page * AUDIT_PAGE));
  query.set('top', String(AUDIT_PAGE));
  return query.toString();
}

export const auditKeys = {
  page: (query: string) => ['admin', 'audit', query] as const,
  eventTypes: ['admin', 'audit', 'event-types'] as const,
};

export const fetchAudit = (query: string, signal?: AbortSignal) => request<AuditPage>(`/0/rest/audit?${query}`, { signal });
export const fetchEventTypes = (signal?: AbortSignal) => request<string[]>('/0/rest/audit/event-types', { signal });
