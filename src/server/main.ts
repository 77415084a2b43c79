/**
 * Start the server: build the app from real dependencies and listen. Everything else lives in
 * app.ts; `netstage serve` (src/cli/serve.ts) parses the command line and calls startServer.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { createSessionStore } from './auth/sessions';
import { createUserStore, ensureAdminFromEnv } from './auth/users';
import { hostSystem } from './system';

export interface ServeOptions {
  root: string;
  stateDir: string;
  host: string;
  port: number;
  uiDir?: string;
  /** Served over TLS by a proxy in front: mark the cookie Secure. */
  secureCookie?: boolean;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

export async function startServer(o: ServeOptions): Promise<FastifyInstance> {
  const log = o.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const users = createUserStore(o.stateDir);
  const admin = await ensureAdminFromEnv(users, o.env ?? process.env);
  if (admin === 'created' || admin === 'reset') log(`netstage: user "admin" ${admin} from NETSTAGE_ADMIN_PASSWORD`);
  delete process.env.NETSTAGE_ADMIN_PASSWORD; // programs the server runs later need not see it
  const app = await buildApp(
    {
      root: o.root,
      stateDir: o.stateDir,
      system: hostSystem(o.root),
      auth: { users, sessions: createSessionStore(), secureCookie: o.secureCookie ?? false },
      uiDir: o.uiDir,
    },
    { logger: { level: 'warn' }, trustProxy: false },
  );
  await app.listen({ host: o.host, port: o.port });
  return app;
}
