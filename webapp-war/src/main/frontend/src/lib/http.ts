// The one HTTP client of the workspace: same-origin requests with the session cookie, the BPMCSRF
// header on every call, Atrium's error bodies (REST, OData, DataService) turned into ApiError, and
// a lost session sending the browser to sign in and back to where the user was.

import { METADATA_HEADER, noteMetadata } from './metadata';

/** A field the server refused, as the error body names it. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** A refusal by the server: its HTTP status, Atrium's stable error code and message, the fields at fault. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The value of the BPMCSRF cookie that the sign-in set; every API call echoes it. */
export function csrfToken(cookies: string = document.cookie): string {
  const match = cookies.match(/(?:^|;\s*)BPMCSRF=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : '';
}

/** Where sign-in should return to: the workspace path and route the user is on. */
export function signInUrl(location: { pathname: string; hash: string }): string {
  return '/?returnUrl=' + encodeURIComponent(location.pathname + location.hash);
}

/** Reads any of Atrium's error bodies into one shape. */
export function parseError(status: number, body: unknown): ApiError {
  const b = (body ?? {}) as Record<string, any>;
  if (b.error && typeof b.error === 'object') {
    // OData: {"error":{"code","message","details":[{"code","target","message"}]}}
    const details: any[] = Array.isArray(b.error.details) ? b.error.details : [];
    return new ApiError(status, String(b.error.code ?? 'ERROR'), String(b.error.message ?? ''),
      details.filter((d) => d && d.target).map((d) => ({ field: String(d.target), message: String(d.message ?? '') })));
  }
  if (typeof b.ErrorCode === 'string') {
    // REST: {"ErrorCode","Message","Errors":[{"Field","Message"}]}
    const errors: any[] = Array.isArray(b.Errors) ? b.Errors : [];
    return new ApiError(status, b.ErrorCode, String(b.Message ?? ''),
      errors.map((e) => ({ field: String(e.Field ?? e.FieldName ?? ''), message: String(e.Message ?? '') })));
  }
  return new ApiError(status, status >= 500 ? 'SERVER_ERROR' : 'ERROR', `HTTP ${status}`);
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  /** A body sent as it is (a file's text) instead of {@code body} as JSON. */
  raw?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Sends one request; resolves with the parsed JSON (undefined for 204), rejects with ApiError. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', BPMCSRF: csrfToken(), ...options.headers };
  if (options.body !== undefined || options.raw !== undefined) {
    headers['Content-Type'] ??= 'application/json';
  }
  const response = await fetch(path, {
    method: options.method ?? 'GET',
    credentials: 'same-origin',
    headers,
    body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    signal: options.signal,
  });
  noteMetadata(response.headers.get(METADATA_HEADER));
  if (response.status === 401) {
    window.location.assign(signInUrl(window.location));
    throw new ApiError(401, 'AUTHENTICATION_REQUIRED', 'The session has ended.');
  }
  const text = response.status === 204 ? '' : await response.text();
  const json = text ? safeJson(text) : undefined;
  if (!response.ok) {
    throw parseError(response.status, json);
  }
  return json as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Signs out through the AuthService of the wire contract and goes to the sign-in page. */
export async function signOut(): Promise<void> {
  try {
    await fetch('/ServiceModel/AuthService.svc/Logout', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { BPMCSRF: csrfToken() },
    });
  } finally {
    window.location.assign('/');
  }
}
