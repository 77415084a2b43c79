/**
 * The apply API on a temp root with a fake reload and a hand-moved clock: apply, confirm, rollback
 * at the deadline, at once when the reload fails, and after a restart.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NETSTAGE_BIN, spawnChild } from '../../../test/support/server-process';
import { recoverPendingApply } from '../main';
import { makeTestApp, type TestApp, type TestAppOptions } from '../testing';
import { networkFiles } from '../storage';
import type { ReloadResult, SyntaxCheck, SystemAdapter } from '../system';
import { ManualClock } from './clock';

const LIVE = `auto lo
iface lo inet loopback

iface eth0 inet manual
`;
const STAGED = `${LIVE}
auto vmbr0
iface vmbr0 inet static
	address 198.51.100.1/24
	bridge-ports eth0
	bridge-stp off
	bridge-fd 0
`;

let t: TestApp;
let clock: ManualClock;
/** The live file at each reload. */
let reloads: string[];
let reloadFails: (n: number) => boolean;
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  await t?.close();
  for (const c of cleanups.splice(0)) await c();
});

async function start(o: TestAppOptions = {}) {
  clock = o.clock instanceof ManualClock ? o.clock : new ManualClock();
  reloads = [];
  reloadFails = () => false;
  t = await makeTestApp({
    live: LIVE,
    staged: STAGED,
    clock,
    ...o,
    system: (root) => ({
      reload: async (): Promise<ReloadResult> => {
        reloads.push(await readFile(networkFiles(root).live, 'utf8'));
        const fail = reloadFails(reloads.length);
        return { ran: true, argv: ['fake-reload'], exitCode: fail ? 1 : 0, output: fail ? 'error: vmbr0: boom\n' : '' };
      },
      ...(o.system as Partial<SystemAdapter> | undefined),
    }),
  });
  return t;
}

const apply = (body: unknown = { confirmWithinSeconds: 60 }) => t.call('POST', '/api/v1/network/apply', body, { ifMatch: true });
const current = async () => (await t.call('GET', '/api/v1/network/apply/current')).json();
const history = async () => (await t.call('GET', '/api/v1/network/apply/history')).json().entries;

describe('POST /network/apply', () => {
  it('backs up the live file, makes the staged one live, reloads, and answers with the id and deadline', async () => {
    await start();
    const digest = await t.digest();
    const res = await apply();
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.deadline).toBe(new Date(clock.now() + 60_000).toISOString());
    expect(body.digest).toBe(digest);
    expect(res.headers.etag).toBe(`"${digest}"`);
    expect((await t.live()).toString()).toBe(STAGED);
    expect(await t.staged()).toBeNull();
    expect(await readFile(t.files.backup, 'utf8')).toBe(LIVE);
    expect(reloads).toEqual([STAGED]);
    expect(body.record).toMatchObject({ id: body.applyId, user: 'admin', status: 'waiting', check: { tool: 'engine' } });
    expect(body.record.check.note).toMatch(/ifupdown2/);
    expect(body.record.diff).toMatch(/^\+iface vmbr0 inet static$/m);
    const cur = await current();
    expect(cur.pending).toMatchObject({ id: body.applyId, secondsLeft: 60 });
    expect((await t.call('GET', '/api/v1/network')).json()).toMatchObject({ digest, pending: false });
  });

  it('is kept once confirmed: the deadline passes without a rollback', async () => {
    await start();
    const { applyId } = (await apply()).json();
    const ok = await t.call('POST', `/api/v1/network/apply/${applyId}/confirm`, {});
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().record).toMatchObject({ status: 'confirmed', confirmedBy: 'admin' });
    expect(clock.armed).toBe(0);
    clock.advance(120_000);
    await t.apply.settled();
    expect((await t.live()).toString()).toBe(STAGED);
    expect(reloads).toHaveLength(1);
    expect(await current()).toMatchObject({ pending: null, last: { id: applyId, status: 'confirmed' } });
    // Confirming twice is harmless.
    expect((await t.call('POST', `/api/v1/network/apply/${applyId}/confirm`, {})).statusCode).toBe(200);
  });

  it('rolls back when not confirmed by the deadline: the previous file is live and reloaded, the applied one staged again', async () => {
    await start();
    const { applyId } = (await apply({ confirmWithinSeconds: 30 })).json();
    clock.advance(29_999);
    await t.apply.settled();
    expect(reloads).toHaveLength(1);
    clock.advance(1);
    await t.apply.settled();
    expect((await t.live()).toString()).toBe(LIVE);
    expect((await t.staged())?.toString()).toBe(STAGED);
    expect(reloads).toEqual([STAGED, LIVE]);
    const cur = await current();
    expect(cur.pending).toBeNull();
    expect(cur.last).toMatchObject({ id: applyId, status: 'rolled-back', rollback: { reason: 'not-confirmed', restagged: true, reload: { ok: true } } });
    const late = await t.call('POST', `/api/v1/network/apply/${applyId}/confirm`, {});
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('not-pending');
  });

  it('rolls back at once when asked inside the window, says who asked, and cannot be kept afterwards', async () => {
    await start();
    const { applyId } = (await apply()).json();
    clock.advance(5_000);
    const res = await t.call('POST', `/api/v1/network/apply/${applyId}/rollback`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().record).toMatchObject({ id: applyId, status: 'rolled-back', rollback: { reason: 'requested', by: 'admin', restagged: true } });
    expect((await t.live()).toString()).toBe(LIVE);
    expect((await t.staged())?.toString()).toBe(STAGED);
    expect(reloads).toEqual([STAGED, LIVE]);
    expect(clock.armed, 'the deadline timer is gone').toBe(0);
    expect((await current()).pending).toBeNull();
    // Asking again answers with the same record; keeping it now is refused.
    const again = await t.call('POST', `/api/v1/network/apply/${applyId}/rollback`, {});
    expect(again.json().record).toMatchObject({ id: applyId, status: 'rolled-back' });
    expect(reloads).toHaveLength(2);
    expect((await t.call('POST', `/api/v1/network/apply/${applyId}/confirm`, {})).statusCode).toBe(409);
  });

  it('refuses to roll back a kept apply (409) or an unknown one (404), changing nothing', async () => {
    await start();
    const { applyId } = (await apply()).json();
    expect((await t.call('POST', `/api/v1/network/apply/${applyId}/confirm`, {})).statusCode).toBe(200);
    const kept = await t.call('POST', `/api/v1/network/apply/${applyId}/rollback`, {});
    expect(kept.statusCode).toBe(409);
    expect(kept.json().error).toMatchObject({ code: 'not-pending', record: { status: 'confirmed' } });
    expect((await t.call('POST', '/api/v1/network/apply/no-such-apply/rollback', {})).statusCode).toBe(404);
    expect((await t.call('POST', '/api/v1/network/apply/..%2Fetc/rollback', {})).statusCode).toBe(400);
    expect((await t.live()).toString()).toBe(STAGED);
    expect(reloads).toHaveLength(1);
  });

  it('rolls back at once when the reload fails, and says so with 502', async () => {
    await start();
    reloadFails = (n) => n === 1;
    const res = await apply();
    expect(res.statusCode).toBe(502);
    expect(res.json().error).toMatchObject({ code: 'reload-failed', record: { status: 'rolled-back', rollback: { reason: 'reload-failed' } } });
    expect(res.json().error.message).toContain('boom');
    expect(res.json().error.record.reload).toMatchObject({ ok: false, exitCode: 1, output: expect.stringContaining('boom') });
    expect((await t.live()).toString()).toBe(LIVE);
    expect(reloads).toEqual([STAGED, LIVE]);
    expect((await current()).pending).toBeNull();
  });

  it('records rollback-failed when reloading the previous file fails too', async () => {
    await start();
    reloadFails = () => true;
    expect((await apply()).statusCode).toBe(502);
    expect((await history())[0]).toMatchObject({ status: 'rollback-failed' });
    expect((await t.live()).toString()).toBe(LIVE);
  });

  it('with confirmWithinSeconds 0 applies for good', async () => {
    await start();
    const res = await apply({ confirmWithinSeconds: 0 });
    expect(res.json()).toMatchObject({ deadline: null, record: { status: 'applied' } });
    expect(clock.armed).toBe(0);
    expect((await current()).pending).toBeNull();
  });

  it('defaults to 60 seconds without a body', async () => {
    await start();
    const res = await t.call('POST', '/api/v1/network/apply', undefined, { ifMatch: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().record.confirmWithinSeconds).toBe(60);
  });

  it('refuses a second apply while one waits for confirmation', async () => {
    await start();
    const { applyId } = (await apply()).json();
    await writeFile(t.files.staged, `${STAGED}\niface eth1 inet manual\n`);
    const res = await apply();
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'apply-pending', applyId });
  });
});

describe('POST /network/apply refuses, changing nothing', () => {
  async function unchanged() {
    expect((await t.live()).toString()).toBe(LIVE);
    expect((await t.staged())?.toString()).toBe(STAGED);
    expect(reloads).toEqual([]);
    expect(await history()).toEqual([]);
  }

  it('without If-Match (428), with a stale one (412), without CSRF token (403), bad bodies (400)', async () => {
    await start();
    expect((await t.call('POST', '/api/v1/network/apply', {})).statusCode).toBe(428);
    expect((await t.call('POST', '/api/v1/network/apply', {}, { ifMatch: 'a'.repeat(64) })).statusCode).toBe(412);
    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/v1/network/apply', headers: { cookie: t.auth.cookie, 'if-match': `"${await t.digest()}"` }, payload: {} });
    expect(noCsrf.statusCode).toBe(403);
    for (const body of [{ confirmWithinSeconds: -1 }, { confirmWithinSeconds: 1.5 }, { confirmWithinSeconds: 99999 }, { other: 1 }])
      expect((await apply(body)).json().error.code).toBe('invalid-input');
    await unchanged();
  });

  it('when nothing is staged (409)', async () => {
    await start({ staged: LIVE });
    const res = await apply();
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('nothing-staged');
  });

  it('when the engine finds errors (400 with diagnostics)', async () => {
    await start({ staged: `${LIVE}\nauto bond0\niface bond0 inet maunal\n\tbond-slaves eth0\n` });
    const res = await apply();
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid-config', diagnostics: [expect.objectContaining({ rule: 'unknown-method', line: 7 })] });
    expect(reloads).toEqual([]);
  });

  it("when ifupdown2's check fails (400 with its diagnostics on the right line)", async () => {
    const check = async (): Promise<SyntaxCheck> => ({
      available: true,
      argv: ['ifup'],
      exitCode: 1,
      output: 'warning: vmbr0: bridge-stp: invalid value "maybe": valid attribute values: [\'yes\', \'on\', \'off\', \'no\']\n',
    });
    await start({ system: { checkSyntax: check } });
    const res = await apply();
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'ifupdown2-check-failed', diagnostics: [expect.objectContaining({ severity: 'error', iface: 'vmbr0', line: 7 })] });
    await unchanged();
  });

  it('when the file holds Mako markers and templates are on (but not when they are off)', async () => {
    const staged = `${STAGED}\tpost-up echo 100% > /dev/null\n`;
    await start({ staged, system: { templatesEnabled: async () => true } });
    const res = await apply();
    expect(res.json().error).toMatchObject({ code: 'mako-template', diagnostics: [expect.objectContaining({ line: 12, column: 18 })] });
    await t.close();
    await start({ staged, system: { templatesEnabled: async () => false } });
    expect((await apply()).statusCode).toBe(200);
  });
});

describe('a restart finishes the pending apply', () => {
  let stateDir: string;

  async function startShared() {
    stateDir = await mkdtemp(join(tmpdir(), 'netstage-apply-state-'));
    const dir = stateDir;
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    return start({ stateDir });
  }

  /** Play a restart `laterMs` after now: the old app's timer never fires, a new one opens the same files and state. */
  async function restart(laterMs: number) {
    const old = t;
    old.apply.close();
    cleanups.push(() => old.close());
    const staged = await old.staged();
    await start({ stateDir, live: await old.live(), ...(staged ? { staged } : {}), clock: new ManualClock(clock.now() + laterMs) });
  }

  it('rolls back at start when the deadline passed while the server was down', async () => {
    await startShared();
    const { applyId } = (await apply({ confirmWithinSeconds: 5 })).json();
    await restart(10_000);
    expect((await t.live()).toString()).toBe(LIVE);
    expect((await t.staged())?.toString()).toBe(STAGED);
    expect(reloads).toEqual([LIVE]);
    expect((await history())[0]).toMatchObject({ id: applyId, status: 'rolled-back', rollback: { reason: 'not-confirmed' } });
    expect(await readdir(join(stateDir, 'apply'))).not.toContain('pending.json');
  });

  it('waits for the rest of the window when restarted before the deadline, and still accepts a confirmation', async () => {
    await startShared();
    const { applyId } = (await apply({ confirmWithinSeconds: 60 })).json();
    await restart(30_000);
    expect((await t.live()).toString()).toBe(STAGED);
    expect((await current()).pending).toMatchObject({ id: applyId, secondsLeft: 30 });
    expect(clock.armed).toBe(1);
    expect((await t.call('POST', `/api/v1/network/apply/${applyId}/confirm`, {})).statusCode).toBe(200);
    clock.advance(60_000);
    await t.apply.settled();
    expect((await t.live()).toString()).toBe(STAGED);
  });

  it('rolls back an apply caught mid-way (the server died before the reload finished)', async () => {
    await startShared();
    // What apply leaves on disk right before its reload: backup, pending "applying", new live file.
    const backup = await t.apply.store.saveBackup('20300101T000000000Z-abcdef', Buffer.from(LIVE));
    await t.apply.store.writePending({ id: '20300101T000000000Z-abcdef', phase: 'applying', deadlineMs: null, backup, liveMode: 0o644 });
    await writeFile(t.files.live, STAGED);
    await rm(t.files.staged);
    await restart(0);
    expect((await t.live()).toString()).toBe(LIVE);
    expect((await t.staged())?.toString()).toBe(STAGED);
    expect((await history())[0]).toMatchObject({ id: '20300101T000000000Z-abcdef', status: 'rolled-back', rollback: { reason: 'interrupted' } });
  });
});

describe('serve --recover-only (the independent guard)', () => {
  it('leaves an apply inside its window alone and rolls back one past its deadline', async () => {
    await start();
    const { applyId } = (await apply()).json();
    const o = { root: t.root, stateDir: t.stateDir };
    expect(await recoverPendingApply(o)).toMatch(/has not passed/); // the manual clock is in 2030
    const pending = JSON.parse(await readFile(join(t.stateDir, 'apply/pending.json'), 'utf8'));
    await writeFile(join(t.stateDir, 'apply/pending.json'), JSON.stringify({ ...pending, deadlineMs: Date.now() - 1 }));
    expect(await recoverPendingApply(o)).toBe(`apply ${applyId} rolled-back (not-confirmed)`);
    expect((await t.live()).toString()).toBe(LIVE);
    const cli = spawnChild(process.execPath, [NETSTAGE_BIN, 'serve', '--recover-only', '--root', t.root, '--state-dir', t.stateDir]);
    expect(await cli.exited, cli.output()).toMatchObject({ code: 0 });
    expect(cli.output()).toContain('netstage: no apply is pending');
  }, 30_000);
});
