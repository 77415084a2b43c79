/**
 * Security headers on every response: pages, API answers, errors and 404s (helmet sets them in
 * onRequest, on the raw response, so an error thrown later keeps them; register this plugin
 * before any plugin whose onRequest hook may answer early).
 *
 * The Content-Security-Policy allows scripts from the panel itself only (no inline script, no
 * eval); inline styles are allowed because Mantine sets style attributes. There is no
 * upgrade-insecure-requests: the panel is often reached over plain HTTP on a LAN address, where
 * it would break every script and style. HSTS only when the panel is served over TLS.
 *
 * API answers also get `Cache-Control: no-store`: they describe the live system and carry the CSRF token.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export interface SecurityHeadersOptions {
  /** Send Strict-Transport-Security: only when the panel itself is served over HTTPS (default false). */
  hsts?: boolean;
  /** Responses under this path get Cache-Control: no-store (default `/api`). */
  apiPrefix?: string;
}

export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'object-src': ["'none'"],
} as const;

async function securityHeadersPlugin(app: FastifyInstance, opts: SecurityHeadersOptions): Promise<void> {
  const api = (opts.apiPrefix ?? '/api').replace(/\/+$/, '').toLowerCase();
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: Object.fromEntries(Object.entries(CSP_DIRECTIVES).map(([k, v]) => [k, [...v]])),
    },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    strictTransportSecurity: opts.hsts ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?', 1)[0].replace(/\/{2,}/g, '/').toLowerCase();
    if (path === api || path.startsWith(`${api}/`)) reply.header('cache-control', 'no-store');
  });
}

/** Register once, at the root, before the other plugins. */
export const securityHeaders = fp(securityHeadersPlugin, { fastify: '5.x', name: 'netstage-security-headers' });
export default securityHeaders;
