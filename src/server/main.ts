/**
 * Start the server: build the app from real dependencies and listen. Everything else lives in
 * app.ts; `netstage serve` (src/cli/serve.ts) parses the command line and calls startServer.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { ApplyService } from './apply/service';
import { NetworkService } from './network/service';
import { loadSessions, sessionSaver, sessionsPath } from './auth/session-file';
import { createSessionStore } from './auth/sessions';
import { createUserStore, ensureAdminFromEnv } from './auth/users';
import { hostSystem, type HostSystemOptions } from './system';

export interface ServeOptions {
  root: string;
  stateDir: string;
  host: string;
  port: number;
  uiDir?: string;
  /** Served over TLS by a proxy in front: mark the cookie Secure. */
  secureCookie?: boolean;
  env?: NodeJS.ProcessEnv;
  /** ifupdown2's check and the reload (see hostSystem for the defaults). */
  system?: HostSystemOptions;
  log?: (line: string) => void;
}

export async function startServer(o: ServeOptions): Promise<FastifyInstance> {
  const log = o.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const users = createUserStore(o.stateDir);
  const admin = await ensureAdminFromEnv(users, o.env ?? process.env);
  if (admin === 'created' || admin === 'reset') log(`netstage: user "admin" ${admin} from NETSTAGE_ADMIN_PASSWORD`);
  delete process.env.NETSTAGE_ADMIN_PASSWORD; // programs the server runs later need not see it
  const warn = (message: string) => log(`netstage: warning: ${message}`);
  const sessionFile = sessionsPath(o.stateDir);
  const saver = sessionSaver(sessionFile, warn);
  const sessions = createSessionStore({ saved: await loadSessions(sessionFile, warn), onSave: saver.save });
  const app = await buildApp(
    {
      root: o.root,
      stateDir: o.stateDir,
      system: hostSystem(o.root, o.system),
      auth: { users, sessions, secureCookie: o.secureCookie ?? false },
      onClose: () => saver.flushed(), // a sign-in just before a stop is not lost
      uiDir: o.uiDir,
    },
    { logger: { level: 'warn' }, trustProxy: false },
  );
  await app.listen({ host: o.host, port: o.port });
  return app;
}

/**
 * `netstage serve --recover-only`: roll back a pending apply whose deadline has passed, then exit.
 * Its own process, so a systemd timer can run it whether or not the API is alive (see
 * src/server/apply/README.md).
 */
export async function recoverPendingApply(o: Pick<ServeOptions, 'root' | 'stateDir' | 'system'>): Promise<string> {
  const system = hostSystem(o.root, o.system);
  const network = new NetworkService({ root: o.root, nics: () => system.nics() });
  const done = await new ApplyService({ network, system, stateDir: o.stateDir }).recoverDue(false);
  if (typeof done === 'string') return done === 'not-due' ? 'an apply is waiting for confirmation; its deadline has not passed' : 'no apply is pending';
  return `apply ${done.id} ${done.status} (${done.rollback?.reason})`;
}
