/**
 * The one fetch wrapper of the panel: JSON in and out under /api/v1, the session's CSRF token on
 * every write, If-Match when the caller passes the digest it edited, and every failure as an
 * ApiError carrying the server's `{ error: { code, message, fields, diagnostics } }`.
 */
import type { ApiErrorBody } from '../../schema/responses';

export const API_BASE = '/api/v1';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
  }
  get code(): string {
    return this.body.code;
  }
}

let csrfToken: string | null = null;

/** Set at sign-in (POST /session) and on reload (GET /session); cleared at sign-out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export interface RequestOptions {
  body?: unknown;
  /** The digest of the configuration being edited (sent as If-Match). */
  ifMatch?: string;
  signal?: AbortSignal;
}

export async function apiRequest<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (opts.ifMatch) headers['if-match'] = `"${opts.ifMatch}"`;
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, { code: 'network', message: 'The server cannot be reached. Check that netstage is running and your connection.' });
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    const body = (data as { error?: ApiErrorBody } | undefined)?.error ?? { code: `http-${res.status}`, message: `The server answered ${res.status} ${res.statusText}.` };
    throw new ApiError(res.status, body);
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => apiRequest<T>('GET', path, opts),
  post: <T>(path: string, body: unknown, opts?: RequestOptions) => apiRequest<T>('POST', path, { ...opts, body }),
  put: <T>(path: string, body: unknown, opts?: RequestOptions) => apiRequest<T>('PUT', path, { ...opts, body }),
  delete: <T>(path: string, opts?: RequestOptions) => apiRequest<T>('DELETE', path, opts),
};
