/**
 * The system adapter's check with Debian's real ifupdown2, and the apply API refusing what it
 * finds. Bonds and VLANs are checked here with the syntax check only: this kernel has neither.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from '../../src/interfaces/parser';
import { parseCheckOutput } from '../../src/server/apply/check-output';
import { hostSystem } from '../../src/server/system';
import { makeTestApp } from '../../src/server/testing';
import { haveIfupdown2, IFUPDOWN2_MISSING, makeScratch, removeScratch, tool } from './support';

const BOND_VLAN = `auto lo
iface lo inet loopback

iface eth1 inet manual
iface eth2 inet manual

auto bond0
iface bond0 inet manual
	bond-slaves eth1 eth2
	bond-mode 802.3ad
	bond-miimon 100
	bond-xmit-hash-policy layer2+3

auto bond0.100
iface bond0.100 inet static
	address 198.51.100.5/24

auto vlan200
iface vlan200 inet manual
	vlan-raw-device eth1
	vlan-id 200
`;

let scratch: string;
beforeAll(async () => {
  if (haveIfupdown2) scratch = await makeScratch();
});
afterAll(async () => scratch && removeScratch(scratch));

const system = () => hostSystem('/nonexistent-root', { ifup: tool('ifup'), reloadCommand: null, env: { IFUPDOWN2_SCRATCH: scratch }, ifupdown2Conf: join(scratch, 'ifupdown2.conf') });

async function check(text: string) {
  const file = join(scratch, `check-${Math.random().toString(36).slice(2)}`);
  await writeFile(file, text);
  const run = await system().checkSyntax(file);
  if (!run.available) throw new Error(run.reason);
  return { run, ...parseCheckOutput(run.output, run.exitCode, parse(text)) };
}

describe.skipIf(!haveIfupdown2)(haveIfupdown2 ? "ifupdown2's syntax check through the system adapter" : IFUPDOWN2_MISSING, { timeout: 30_000 }, () => {
  it('passes bonds and VLANs, and reads the scratch template_enable=0', async () => {
    const r = await check(BOND_VLAN);
    expect(r.run.exitCode, r.run.output).toBe(0);
    expect(r.ok).toBe(true);
    expect(await system().templatesEnabled()).toBe(false);
  });

  it('fails a bad bond mode and an out-of-range VLAN id, on their interfaces\' lines', async () => {
    const r = await check(BOND_VLAN.replace('802.3ad', '802.3ax').replace('vlan-id 200', 'vlan-id 5000'));
    expect(r.ok).toBe(false);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.iface, d.line])).toEqual([
      ['bond0', 8],
      ['vlan200', 19],
    ]);
  });

  it('fails an unknown method on its line', async () => {
    const r = await check(BOND_VLAN.replace('iface bond0 inet manual', 'iface bond0 inet maunal'));
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', line: 8, message: expect.stringContaining("unsupported address method 'maunal'") }));
  });

  it('refuses an apply with 400 and its diagnostics when ifupdown2 finds an error netstage does not', async () => {
    const live = 'auto lo\niface lo inet loopback\n';
    // Two VLAN-aware bridges: fine for netstage, refused by Debian's ifupdown2 default policy.
    const staged = `${live}\nauto vmbr0\niface vmbr0 inet manual\n\tbridge-ports none\n\tbridge-vlan-aware yes\n\nauto vmbr1\niface vmbr1 inet manual\n\tbridge-ports none\n\tbridge-vlan-aware yes\n`;
    const t = await makeTestApp({ live, staged, system: system() });
    try {
      const res = await t.call('POST', '/api/v1/network/apply', {}, { ifMatch: true });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'ifupdown2-check-failed', diagnostics: expect.arrayContaining([expect.objectContaining({ severity: 'error', message: expect.stringContaining('vlan-aware') })]) });
      expect((await t.live()).toString()).toBe(live);
    } finally {
      await t.close();
    }
  });
});
