/**
 * Two real server processes on one root: the lock file and the digest check must keep every
 * edit, whichever process makes it, and refuse (412) an edit of a version that is gone.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse, toModel } from '../../src/interfaces';
import { ethUpdate, makeRoot, readOrNull, sha256, signIn, startServe, stopAll, type SignedIn } from '../support/server-process';

const PASSWORD = 'two processes, one file';
const NICS = ['eth0', 'eth1', 'eth2', 'eth3'];

let tmp: Awaited<ReturnType<typeof makeRoot>> | undefined;
const stagedPath = () => tmp!.staged;
let a: SignedIn;
let b: SignedIn;

/** The staged file's IPv4 address of `name` (undefined: none); the file must parse. */
async function stagedAddress(name: string): Promise<string | undefined> {
  const model = toModel(parse(await readFile(stagedPath(), 'utf8')), { nics: NICS }).find((m) => m.name === name);
  expect(model, `${name} in the staged file`).toBeDefined();
  return model?.inet?.cidr;
}

beforeEach(async () => {
  const t = (tmp = await makeRoot());
  const serve = (who: string) => startServe(['--root', t.root, '--state-dir', join(t.dir, `state-${who}`), '--port', '0'], { NETSTAGE_ADMIN_PASSWORD: PASSWORD });
  const [sa, sb] = await Promise.all([serve('a'), serve('b')]);
  [a, b] = await Promise.all([signIn(sa.base, 'admin', PASSWORD), signIn(sb.base, 'admin', PASSWORD)]);
}, 25_000);

afterEach(async () => {
  await stopAll();
  if (tmp) await rm(tmp.dir, { recursive: true, force: true });
  tmp = undefined;
});

describe('two server processes on one root', { timeout: 25_000 }, () => {
  it('keeps an edit made through each process', async () => {
    const r1 = await a.send('PUT', '/api/v1/network/eth1', ethUpdate('eth1', '10.9.0.2/24'), await a.digest());
    expect(r1.status, await r1.clone().text()).toBe(200);
    const r2 = await b.send('PUT', '/api/v1/network/eth2', ethUpdate('eth2', '10.8.0.2/24'), await b.digest());
    expect(r2.status, await r2.clone().text()).toBe(200);

    expect(await stagedAddress('eth1')).toBe('10.9.0.2/24');
    expect(await stagedAddress('eth2')).toBe('10.8.0.2/24');
    expect(((await r2.json()) as { digest: string }).digest).toBe(sha256(await readFile(stagedPath())));
  });

  it('refuses (412, naming eth1) an edit of the version before the other process changed eth1', async () => {
    const before = await b.digest(); // B's panel loads the page…
    const r1 = await a.send('PUT', '/api/v1/network/eth1', ethUpdate('eth1', '10.9.0.2/24'), await a.digest()); // …A edits eth1
    expect(r1.status).toBe(200);
    const staged = await readFile(stagedPath());

    const stale = await b.send('PUT', '/api/v1/network/eth2', ethUpdate('eth2', '10.8.0.2/24'), before);
    expect(stale.status).toBe(412);
    const { error } = (await stale.json()) as { error: { code: string; message: string; digest: string } };
    expect(error.code).toBe('stale-digest');
    expect(error.message).toMatch(/\beth1 was changed\b/);
    expect(error.message).not.toMatch(/\beth2\b/);
    expect(error.digest).toBe(sha256(staged));
    expect(await readFile(stagedPath())).toEqual(staged);
  });

  it('lets exactly one of two simultaneous edits of the same version through, every time', async () => {
    for (let round = 1; round <= 10; round++) {
      const [digest, seenByB] = await Promise.all([a.digest(), b.digest()]); // both panels load the page
      expect(seenByB).toBe(digest);
      const before = await readOrNull(stagedPath());
      const [ra, rb] = await Promise.all([
        a.send('PUT', '/api/v1/network/eth1', ethUpdate('eth1', `10.9.${round}.2/24`), digest),
        b.send('PUT', '/api/v1/network/eth2', ethUpdate('eth2', `10.8.${round}.2/24`), digest),
      ]);
      const statuses = [ra.status, rb.status].sort();
      expect(statuses, `round ${round}: ${await ra.clone().text()} / ${await rb.clone().text()}`).toEqual([200, 412]);

      const [winner, loser, won, lost] = ra.status === 200 ? [ra, rb, 'eth1', 'eth2'] : [rb, ra, 'eth2', 'eth1'];
      expect(((await loser.json()) as { error: { message: string } }).error.message).toContain(`Meanwhile ${won} was changed.`);
      const bytes = await readFile(stagedPath());
      expect(sha256(bytes), `round ${round}: the staged file is what the winner wrote`).toBe(((await winner.json()) as { digest: string }).digest);
      expect(await stagedAddress(won)).toBe(`10.${won === 'eth1' ? 9 : 8}.${round}.2/24`);
      // The loser's interface is as it was before the round (never half-written, never lost).
      const prior = before ? toModel(parse(before.toString('utf8')), { nics: NICS }).find((m) => m.name === lost)?.inet?.cidr : undefined;
      expect(await stagedAddress(lost)).toBe(prior);
    }
  });
});
