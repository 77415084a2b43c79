/**
 * Errors the API answers with a status of their own. Routes and services throw these; the one
 * error handler (error-handler.ts) turns them into `{ error: { code, message, ...details } }`.
 * Anything else becomes a 500 with a plain message and no stack.
 */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    /** Stable machine-readable code, e.g. `stale-digest`. */
    readonly code: string,
    message: string,
    /** Extra JSON fields for the client (diagnostics, field paths, the new digest…). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string, details?: Record<string, unknown>) =>
  new HttpError(400, code, message, details);
export const unauthorized = (message = 'Sign in first.') => new HttpError(401, 'unauthenticated', message);
export const forbidden = (code: string, message: string) => new HttpError(403, code, message);
export const notFound = (message: string) => new HttpError(404, 'not-found', message);
export const conflict = (code: string, message: string, details?: Record<string, unknown>) =>
  new HttpError(409, code, message, details);
