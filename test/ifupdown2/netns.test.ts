/**
 * Apply for real: ifupdown2 brings links up inside a network namespace made per test, with veth
 * pairs as its "NICs" (nic0, nic1), never in the host's namespace. The reload is
 * `ip netns exec NS python3 ifreload -a` on a scratch ifupdown2 whose default file is the test
 * root's live file. Deadlines are short and waited on through the recorded state, with a timeout.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hostSystem } from '../../src/server/system';
import { makeTestApp, type TestApp } from '../../src/server/testing';
import { signIn, spawnChild, serverOf, NETSTAGE_BIN, stopAll } from '../support/server-process';
import {
  addresses,
  deleteNetns,
  haveIfupdown2,
  ifupdown2,
  IFUPDOWN2_DIR,
  IFUPDOWN2_MISSING,
  links,
  makeNetns,
  makeScratch,
  netnsProblem,

  removeScratch,
  tool,
  waitFor,
} from './support';

const LIVE = `auto lo
iface lo inet loopback

auto nic0
iface nic0 inet manual

auto nic1
iface nic1 inet manual
`;
// 198.51.100.0/24 (TEST-NET-2): never the host's 192.0.2.0/24, and only ever inside the namespace.
const BRIDGE = `${LIVE}
auto br0
iface br0 inet static
	address 198.51.100.1/24
	bridge-ports nic0
	bridge-stp off
	bridge-fd 0
`;
// The kernel refuses a broadcast MAC on any link: the reload fails whatever modules it has.
const BAD_MAC = LIVE.replace('iface nic1 inet manual\n', 'iface nic1 inet static\n\taddress 198.51.100.9/24\n\thwaddress ff:ff:ff:ff:ff:ff\n');

interface Host {
  ns: string;
  root: string;
  live: string;
  scratch: string;
  reload: string[];
}

let count = 0;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  await stopAll();
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A namespace with nic0/nic1, a root whose live file is LIVE, brought up as the starting state. */
async function makeHost(): Promise<Host> {
  const ns = `netstage-${process.pid}-${++count}`;
  makeNetns(ns, ['nic0', 'nic1']);
  cleanups.push(() => deleteNetns(ns));
  const root = await mkdtemp(join(tmpdir(), 'netstage-netns-'));
  cleanups.push(() => rm(root, { recursive: true, force: true }));
  const live = join(root, 'etc/network/interfaces');
  await mkdir(join(root, 'etc/network'), { recursive: true });
  await writeFile(live, LIVE);
  const scratch = await makeScratch(live);
  cleanups.push(() => removeScratch(scratch));
  const up = await ifupdown2('ifreload', ['-a'], scratch, ns);
  expect(up.exitCode, up.output).toBe(0);
  return { ns, root, live, scratch, reload: ['ip', 'netns', 'exec', ns, ...tool('ifreload'), '-a'] };
}

async function appOn(h: Host): Promise<TestApp> {
  const t = await makeTestApp({
    root: h.root,
    nics: ['nic0', 'nic1'],
    system: hostSystem(h.root, { ifup: tool('ifup'), reloadCommand: h.reload, env: { IFUPDOWN2_SCRATCH: h.scratch }, ifupdown2Conf: join(h.scratch, 'ifupdown2.conf') }),
  });
  cleanups.push(() => t.app.close());
  return t;
}

const link = (ns: string, name: string) => links(ns).find((l) => l.ifname === name);
const bridgeIsUp = (ns: string) => {
  const br = link(ns, 'br0');
  return !!br && br.flags.includes('UP') && link(ns, 'nic0')?.master === 'br0' && addresses(ns, 'br0').includes('198.51.100.1/24');
};

const canRun = haveIfupdown2 && !netnsProblem;
describe.skipIf(!canRun)(!haveIfupdown2 ? IFUPDOWN2_MISSING : netnsProblem ?? 'apply in a network namespace', { timeout: 60_000 }, () => {
  it('applies a bridge on a veth NIC and sees it up; a confirmation keeps it', async () => {
    const h = await makeHost();
    const t = await appOn(h);
    await writeFile(t.files.staged, BRIDGE);
    const res = await t.call('POST', '/api/v1/network/apply', { confirmWithinSeconds: 60 }, { ifMatch: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().record.check.tool).toBe('ifupdown2');
    expect(bridgeIsUp(h.ns), JSON.stringify(links(h.ns))).toBe(true);
    const ok = await t.call('POST', `/api/v1/network/apply/${res.json().applyId}/confirm`, {});
    expect(ok.json().record.status).toBe('confirmed');
    expect(await readFile(h.live, 'utf8')).toBe(BRIDGE);
  });

  it('restores and reloads the previous configuration when not confirmed by the deadline', async () => {
    const h = await makeHost();
    const t = await appOn(h);
    await writeFile(t.files.staged, BRIDGE);
    const res = await t.call('POST', '/api/v1/network/apply', { confirmWithinSeconds: 3 }, { ifMatch: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(bridgeIsUp(h.ns)).toBe(true);
    const last = await waitFor('the rollback to be recorded', async () => {
      const cur = (await t.call('GET', '/api/v1/network/apply/current')).json();
      return cur.last?.status === 'rolled-back' ? cur.last : undefined;
    });
    expect(last.rollback).toMatchObject({ reason: 'not-confirmed', reload: { ok: true } });
    expect(link(h.ns, 'br0')).toBeUndefined();
    expect(await readFile(h.live, 'utf8')).toBe(LIVE);
    expect(await readFile(t.files.staged, 'utf8')).toBe(BRIDGE);
  });

  it('rolls back at once when the reload fails', async () => {
    const h = await makeHost();
    const t = await appOn(h);
    await writeFile(t.files.staged, BAD_MAC);
    const res = await t.call('POST', '/api/v1/network/apply', { confirmWithinSeconds: 60 }, { ifMatch: true });
    expect(res.statusCode, res.body).toBe(502);
    expect(res.json().error).toMatchObject({ code: 'reload-failed', record: { status: 'rolled-back', rollback: { reason: 'reload-failed' } } });
    expect(await readFile(h.live, 'utf8')).toBe(LIVE);
    expect(addresses(h.ns, 'nic1')).not.toContain('198.51.100.9/24');
  });

  it('finishes the rollback when the API is killed during the window and started again', async () => {
    const h = await makeHost();
    const state = join(h.root, 'state');
    const password = 'netns kill and restart';
    const args = ['serve', '--root', h.root, '--state-dir', state, '--port', '0', '--ifupdown2', IFUPDOWN2_DIR, '--reload-command', JSON.stringify(h.reload)];
    const env = { ...process.env, NETSTAGE_ADMIN_PASSWORD: password, IFUPDOWN2_SCRATCH: h.scratch };
    const start = async () => serverOf(spawnChild(process.execPath, [NETSTAGE_BIN, ...args], { env }));

    const first = await start();
    const a = await signIn(first.base, 'admin', password);
    await writeFile(join(h.root, 'etc/network/interfaces.new'), BRIDGE);
    const res = await a.send('POST', '/api/v1/network/apply', { confirmWithinSeconds: 5 }, await a.digest());
    expect(res.status, await res.clone().text()).toBe(200);
    expect(bridgeIsUp(h.ns)).toBe(true);
    first.child.proc.kill('SIGKILL');
    await first.child.exited;
    expect(await readFile(h.live, 'utf8')).toBe(BRIDGE); // nobody rolled back yet

    const second = await start();
    const b = await signIn(second.base, 'admin', password);
    const last = await waitFor('the restarted server to record the rollback', async () => {
      const cur = (await (await b.get('/api/v1/network/apply/current')).json()) as { last?: { status: string; rollback?: { reason: string } } };
      return cur.last?.status === 'rolled-back' ? cur.last : undefined;
    });
    expect(last.rollback?.reason).toBe('not-confirmed');
    expect(await readFile(h.live, 'utf8')).toBe(LIVE);
    expect(link(h.ns, 'br0')).toBeUndefined();
  });
});

