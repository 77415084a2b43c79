/**
 * The netstage API as one Fastify plugin built from injected dependencies (root folder, state
 * folder, clock, system adapter, user store), so tests build it on a temp root and drive it with
 * `app.inject`; main.ts only listens. Layout:
 *   security headers (every response) → sign-in + session/CSRF guard for /api/v1 → routes
 *   (compressed when the browser takes it: a large host's GET /network is megabytes of JSON)
 *   → the built UI (dist/ui, precompressed at build time) for everything else.
 */
import { constants as zlib } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { errorHandler, notFoundHandler } from './error-handler';
import { ApplyService } from './apply/service';
import type { Clock } from './apply/clock';
import { NetworkService } from './network/service';
import { applyRoutes } from './routes/apply';
import { changesRoutes } from './routes/changes';
import { networkRoutes } from './routes/network';
import { setupRoutes } from './routes/setups';
import { uiRoutes } from './routes/ui';
import { authPlugin, type AuthDeps } from './auth/plugin';
import { securityHeaders } from './security/headers';
import type { SystemAdapter } from './system';

export const API_PREFIX = '/api/v1';

export interface AppDeps {
  /** Folder standing for `/`: files are `<root>/etc/network/interfaces{,.new}`. */
  root: string;
  /** Where users.json and the apply state (apply/: pending apply, history, backups) live. */
  stateDir: string;
  system: SystemAdapter;
  auth: AuthDeps;
  /** Built UI to serve (dist/ui); undefined serves a page saying how to build it. */
  uiDir?: string;
  /** How long a write waits for another writer's lock before answering 409. */
  lockTimeoutMs?: number;
  /** Time for the apply's rollback deadline (tests move it by hand). */
  clock?: Clock;
  /** The app's ApplyService is handed here (tests wait on its background rollback). */
  onApplyService?: (apply: ApplyService) => void;
  /** Work the server finishes before it closes (main.ts: saving the sessions). */
  onClose?: () => Promise<void>;
}

export const netstageApp: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  const network = new NetworkService({ root: deps.root, nics: () => deps.system.nics(), lockTimeoutMs: deps.lockTimeoutMs });
  const apply = new ApplyService({ network, system: deps.system, stateDir: deps.stateDir, clock: deps.clock, lockTimeoutMs: deps.lockTimeoutMs, log: (level, m) => app.log[level](m) });
  deps.onApplyService?.(apply);
  // A rollback a dead process left due is finished before the first request is served.
  await apply.recover();
  app.addHook('onClose', async () => {
    apply.close();
    await deps.onClose?.();
  });
  await app.register(securityHeaders, { hsts: deps.auth.secureCookie, apiPrefix: '/api' });
  await app.register(authPlugin, { ...deps.auth, prefix: API_PREFIX });
  await app.register(
    async (api) => {
      api.setNotFoundHandler(notFoundHandler);
      // Only these routes: the sign-in's answers (which carry the CSRF token) stay uncompressed.
      // Brotli at quality 4: 11, zlib's default, takes seconds on a large host's answer.
      await api.register(fastifyCompress, { encodings: ['br', 'gzip'], brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } } });
      await api.register(networkRoutes, { network, nodeName: () => deps.system.nodeName() });
      await api.register(changesRoutes, { network });
      await api.register(setupRoutes, { network });
      await api.register(applyRoutes, { apply });
    },
    { prefix: API_PREFIX },
  );
  await app.register(uiRoutes, { uiDir: deps.uiDir });
};

/** A ready-to-listen app. `logger` false in tests; main.ts passes its own options. */
export async function buildApp(deps: AppDeps, opts: FastifyServerOptions = { logger: false }): Promise<FastifyInstance> {
  const app = Fastify({ bodyLimit: 256 * 1024, ...opts });
  await app.register(netstageApp, deps);
  await app.ready();
  return app;
}
