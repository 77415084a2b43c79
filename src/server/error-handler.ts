/**
 * The one place errors become responses: `{ error: { code, message, ...details } }`.
 *   zod validation of a body/params/query  → 400 `invalid-input` with `fields: [{path, message}]`
 *   HttpError                               → its status (409 lock, 412 stale, 428 no If-Match…)
 *   fastify's own client errors (bad JSON, body too large, 429 from the rate limiter…) → theirs
 *   anything else                           → 500 with a plain message; the stack only goes to the log
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { HttpError } from './errors';

export interface FieldProblem {
  /** Dotted path into the request part, e.g. `form.ports.1` (`params.iface` for the URL). */
  path: string;
  message: string;
}

function fieldPath(context: string | undefined, instancePath: string): string {
  const inner = instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
  if (context && context !== 'body') return inner ? `${context}.${inner}` : context;
  return inner;
}

export function errorHandler(this: FastifyInstance, err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields: FieldProblem[] = err.validation.map((v) => ({ path: fieldPath(err.validationContext, v.instancePath), message: v.message ?? 'invalid' }));
    const first = fields[0];
    return reply.status(400).send({
      error: { code: 'invalid-input', message: `Invalid input${first?.path ? ` in ${first.path}` : ''}: ${first?.message ?? 'see fields'}.`.replace(/\.\.$/, '.'), fields },
    });
  }
  if (err instanceof HttpError) {
    if (err.status >= 500) request.log.error({ err }, err.message);
    return reply.status(err.status).send({ error: { ...err.details, code: err.code, message: err.message } });
  }
  const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
  if (status >= 400 && status < 500) {
    return reply.status(status).send({ error: { code: (err.code ?? 'bad-request').toLowerCase(), message: err.message } });
  }
  request.log.error({ err }, 'request failed');
  return reply.status(500).send({ error: { code: 'internal', message: `The server could not complete the request: ${err.message}` } });
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return reply.status(404).send({ error: { code: 'not-found', message: `No such API route: ${request.method} ${request.url.split('?')[0]}` } });
}
