/**
 * The `netstage` command end to end: each case spawns `node bin/netstage.js` (argument arrays, no
 * shell) on files written to a temp folder. Cases run concurrently: they share no files.
 */
import { readdirSync, readFileSync, statSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, it, vi } from 'vitest';
import { GOOD, netstage, tempDir } from './testing';

vi.setConfig({ testTimeout: 30_000 }); // processes run concurrently on few CPUs

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const BROKEN = [
  'auto lo', // 1
  'iface lo inet loopback', // 2
  '', // 3
  'auto bond0', // 4
  'iface bond0 inet maunal', // 5
  '\tbond-slaves eth0 eth1', // 6
  '\tbond-mode 802.3ad', // 7
  '',
].join('\n');

const BOND = `auto lo
iface lo inet loopback

iface eth0 inet manual

iface eth1 inet manual

# uplink bond
auto bond0
iface bond0 inet manual
	bond_slaves eth0 eth1
	bond_miimon 100
	bond_mode 802.3ad
	bond_xmit_hash_policy layer2+3

auto vmbr0
iface vmbr0 inet static
	address 192.0.2.10/24
	gateway 192.0.2.1
	bridge-ports bond0
	bridge-stp off
	bridge-fd 0
`;

describe.concurrent('netstage check', () => {
  it('reports FILE:LINE:COL: error: … [rule] and exits 1', async ({ expect }) => {
    const f = tmp.write('broken', BROKEN);
    const r = await netstage(['check', f]);
    expect(r.code).toBe(1);
    const lines = r.out.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(/^.+:\d+:\d+: (error|warning|info): .+ \[[a-z0-9-]+\]$|^.+: (error|warning|info): .+ \[[a-z0-9-]+\]$/);
    expect(lines.some((l) => l.startsWith(`${f}:5:`) && / error: .*\[unknown-method\]$/.test(l))).toBe(true);
    expect(r.stderr).toBe('');
  });

  it('exits 0 and prints no error on a good file', async ({ expect }) => {
    const r = await netstage(['check', tmp.write('good', GOOD)]);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/: error: /);
  });

  it('reads "-" as stdin and calls it <stdin>', async ({ expect }) => {
    const r = await netstage(['check', '-'], { stdin: BROKEN });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^<stdin>:5:\d+: error: .*\[unknown-method\]$/m);
  });

  it('exits 2 with a clear message for an unreadable file, still checking the others', async ({ expect }) => {
    const missing = join(tmp.dir, 'does-not-exist');
    const f = tmp.write('broken2', BROKEN);
    const r = await netstage(['check', missing, f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot read ${missing}: no such file`);
    expect(r.out).toContain(`${f}:5:`);
  });

  it('exits 2 on usage errors', async ({ expect }) => {
    const none = await netstage(['check']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no FILE given/);
  });
});

describe.concurrent('netstage show', () => {
  it('--json gives { interfaces, diagnostics }', async ({ expect }) => {
    const r = await netstage(['show', '--json', tmp.write('bond.json', BOND)]);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.out);
    expect(Object.keys(data).sort()).toEqual(['diagnostics', 'interfaces']);
    expect(data.interfaces.map((i: { name: string }) => i.name)).toEqual(['lo', 'eth0', 'eth1', 'bond0', 'vmbr0']);
    const bond = data.interfaces.find((i: { name: string }) => i.name === 'bond0');
    expect(bond).toMatchObject({ type: 'bond', autostart: true, bond: { slaves: ['eth0', 'eth1'], mode: '802.3ad', miimon: 100 } });
    expect(Array.isArray(data.diagnostics)).toBe(true);
    const broken = JSON.parse((await netstage(['show', '--json', tmp.write('broken.json', BROKEN)])).out);
    expect(broken.diagnostics).toContainEqual(expect.objectContaining({ line: 5, severity: 'error', rule: 'unknown-method' }));
    for (const d of broken.diagnostics) expect(Object.keys(d)).toEqual(expect.arrayContaining(['line', 'column', 'severity', 'rule', 'message']));
  });

  it('prints an aligned table, then the diagnostics', async ({ expect }) => {
    const f = tmp.write('broken.show', BROKEN);
    const r = await netstage(['show', f]);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^Name +Type +Autostart +Ports\/Slaves +Bond mode +Hash policy +CIDR +Gateway +CIDR6 +Gateway6 +MTU +Comment$/);
    const col = lines[0].indexOf('Autostart');
    const bond = lines.find((l) => l.startsWith('bond0 '))!;
    expect(bond.slice(col)).toMatch(/^auto +eth0,eth1 +802\.3ad /);
    expect(r.out).toMatch(new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5:\\d+: error: .*\\[unknown-method\\]$`, 'm'));
  });

  it('shows bond and bridge details', async ({ expect }) => {
    const r = await netstage(['show', tmp.write('bond.show', BOND)]);
    const row = (name: string) => r.out.split('\n').find((l) => l.startsWith(name + ' '))!.split(/ {2,}/);
    expect(row('bond0')).toEqual(['bond0', 'bond', 'auto', 'eth0,eth1', '802.3ad', 'layer2+3', '-', '-', '-', '-', '-', 'uplink bond']);
    expect(row('vmbr0').slice(0, 8)).toEqual(['vmbr0', 'bridge', 'auto', 'bond0', '-', '-', '192.0.2.10/24', '192.0.2.1']);
  });
});

describe.concurrent('netstage edit', () => {
  it('with no operation prints the file byte for byte', async ({ expect }) => {
    const tricky = Buffer.from(
      '\ufeff# BOM, then CRLF\r\nauto lo\r\niface lo inet loopback\r\n\r\n' +
        'auto eth0  \r\n' +
        'iface eth0 inet static   \n' +
        '\taddress 192.0.2.10/24\t\r\n' +
        '    gateway 192.0.2.1\n' +
        '\tpost-up ip route add 198.51.100.0/24 \\\r\n' +
        '\t   via 192.0.2.254 \\\n' +
        '\t   dev eth0\n' +
        '\n\n   # indented comment\t\n' +
        '\tmtu 1500',
      'utf8',
    );
    const r = await netstage(['edit', tmp.write('tricky', tricky)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.equals(tricky)).toBe(true);
    const latin1 = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from(' \xff\niface eth0 inet dhcp', 'latin1')]);
    const r2 = await netstage(['edit', '-'], { stdin: latin1 });
    expect(r2.code).toBe(0);
    expect(r2.stdout.equals(latin1)).toBe(true);
  });

  it('--set keeps the file spelling of a key (bond_miimon)', async ({ expect }) => {
    const r = await netstage(['edit', tmp.write('bond.set', BOND), '--iface', 'bond0', '--set', 'bond-miimon=200']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe(BOND.replace('bond_miimon 100', 'bond_miimon 200'));
  });

  it('--set with the same key twice writes a multi-valued option', async ({ expect }) => {
    const f = tmp.write('good.multi', GOOD);
    const r = await netstage(['edit', f, '--iface', 'eth0', '--family', 'inet', '--set', 'address=192.0.2.10/24', '--set', 'address=192.0.2.11/24']);
    expect(r.code).toBe(0);
    expect(r.out.match(/^\s+address .*$/gm)).toEqual(['\taddress 192.0.2.10/24', '\taddress 192.0.2.11/24']);
  });

  it('--remove eth0 drops it from "auto lo eth0 eth1"', async ({ expect }) => {
    const text = 'auto lo eth0 eth1\niface lo inet loopback\n\niface eth0 inet dhcp\n\niface eth1 inet dhcp\n';
    const r = await netstage(['edit', tmp.write('three', text), '--remove', 'eth0']);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('auto lo eth1');
    expect(r.out).not.toMatch(/eth0/);
    expect(r.out).toMatch(/^iface eth1 inet dhcp$/m);
  });

  it('--in-place writes atomically and keeps the file mode', async ({ expect }) => {
    const sub = tempDir();
    try {
      const f = sub.write('interfaces', GOOD);
      chmodSync(f, 0o640);
      const r = await netstage(['edit', f, '--iface', 'eth0', '--set', 'mtu=9000', '--in-place']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toBe('');
      expect(statSync(f).mode & 0o7777).toBe(0o640);
      expect(readFileSync(f, 'utf8')).toMatch(/^\s+mtu 9000$/m);
      expect(readFileSync(f, 'utf8').startsWith(GOOD.slice(0, GOOD.indexOf('\tgateway')))).toBe(true);
      expect(readdirSync(sub.dir)).toEqual(['interfaces']); // no temp file left behind
    } finally {
      sub.cleanup();
    }
  });

  it('refuses an edit that adds errors: exit 1, errors on stderr, nothing written', async ({ expect }) => {
    const f = tmp.write('good.refuse', GOOD);
    const before = statSync(f).mtimeMs;
    const model = JSON.stringify({ name: 'eth9', type: 'eth', autostart: true, inet: { method: 'maunal' } });
    const r = await netstage(['edit', f, '--add-json', model, '--in-place']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/adds 1 error/);
    expect(r.stderr).toMatch(/: error: .*\[unknown-method\]$/m);
    expect(r.stderr).toMatch(/not written/);
    expect(readFileSync(f, 'utf8')).toBe(GOOD);
    expect(statSync(f).mtimeMs).toBe(before);
    // Printing mode: the text is printed, the errors reported, exit 1.
    const p = await netstage(['edit', f, '--add-json', model]);
    expect(p.code).toBe(1);
    expect(p.out).toMatch(/^iface eth9 inet maunal$/m);
  });

  it('errors that were already there do not block an edit', async ({ expect }) => {
    const f = tmp.write('broken.inplace', BROKEN);
    const r = await netstage(['edit', f, '--iface', 'bond0', '--set', 'mtu=9000', '--in-place']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(f, 'utf8')).toMatch(/^\s+mtu 9000$/m);
  });

  it('reports an EditError on stderr with exit 1', async ({ expect }) => {
    const r = await netstage(['edit', tmp.write('good.err', GOOD), '--iface', 'nope0', '--set', 'mtu=1500']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.stderr).toMatch(/^netstage edit: .+/);
    expect(r.stderr).not.toMatch(/internal error/);
  });

});

describe.concurrent('netstage diff', () => {
  it('prints nothing and exits 0 for identical files', async ({ expect }) => {
    const r = await netstage(['diff', tmp.write('d1', GOOD), tmp.write('d2', GOOD)]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
  });

  it('prints a unified diff and exits 1 for different files', async ({ expect }) => {
    const a = tmp.write('d3', GOOD);
    const b = tmp.write('d4', GOOD.replace('192.0.2.10/24', '192.0.2.20/24'));
    const r = await netstage(['diff', a, b]);
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      [
        `--- ${a}`,
        `+++ ${b}`,
        '@@ -3,5 +3,5 @@',
        ' ',
        ' auto eth0',
        ' iface eth0 inet static',
        '-\taddress 192.0.2.10/24',
        '+\taddress 192.0.2.20/24',
        ' \tgateway 192.0.2.1',
        '',
      ].join('\n'),
    );
  });

  it('exits 2 for a missing file', async ({ expect }) => {
    expect((await netstage(['diff', tmp.write('d5', GOOD), join(tmp.dir, 'nope')])).code).toBe(2);
  });
});

describe.concurrent('netstage --version, cwd', () => {
  it('--version prints the package version', async ({ expect }) => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    const r = await netstage(['--version']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`netstage ${pkg.version}\n`);
  });

  it('works from another directory', async ({ expect }) => {
    const r = await netstage(['check', tmp.write('good.cwd', GOOD)], { cwd: tmp.dir });
    expect(r.code).toBe(0);
  });
});
