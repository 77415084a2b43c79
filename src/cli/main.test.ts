/**
 * Argument handling of `netstage`, in-process through main() (no process spawned): help, usage
 * errors, serve, and edit options whose effect is visible on stdout.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { GOOD, runMain, tempDir } from './testing';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('help, serve and unknown commands', () => {
  it('--help and help list the commands', async () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const r = await runMain(args);
      expect(r.code).toBe(0);
      for (const c of ['check', 'show', 'edit', 'diff', 'serve', 'help']) expect(r.out).toMatch(new RegExp(`^  ${c}\\b`, 'm'));
    }
    const e = await runMain(['help', 'edit']);
    expect(e.code).toBe(0);
    expect(e.out).toMatch(/--in-place/);
    expect((await runMain(['edit', '--help'])).out).toBe(e.out);
    for (const c of ['check', 'show', 'diff', 'serve']) expect((await runMain([c, '--help'])).out).toMatch(/^Usage: netstage /);
    expect((await runMain(['help', 'nope'])).code).toBe(2);
  });

  it('serve refuses bad options before starting anything; unknown commands and no command are usage errors', async () => {
    const s = await runMain(['serve', '--port', 'http']);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/--port: "http" is not a port number/);
    expect((await runMain(['serve', '--demo', '--root', '/tmp'])).stderr).toMatch(/--demo makes its own root/);
    expect((await runMain(['help', 'serve'])).out).toMatch(/--host ADDR\s+address to listen on \(default 127\.0\.0\.1/);
    const u = await runMain(['frobnicate']);
    expect(u.code).toBe(2);
    expect(u.stderr).toMatch(/unknown command "frobnicate"/);
    expect((await runMain(['--frob'])).stderr).toMatch(/unknown option "--frob"/);
    const n = await runMain([]);
    expect(n.code).toBe(2);
    expect(n.stderr).toMatch(/^Usage: netstage/);
  });
});

describe('edit arguments', () => {
  const f = tmp.write('good', GOOD);

  it('rejects a malformed --add-json with a clear message (exit 2)', async () => {
    const notJson = await runMain(['edit', f, '--add-json', '{name:']);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/--add-json: not valid JSON/);
    const noType = await runMain(['edit', f, '--add-json', '{"name":"eth1","inet":{"method":7}}']);
    expect(noType.code).toBe(2);
    expect(noType.stderr).toMatch(/"type" is required/);
    expect(noType.stderr).toMatch(/"inet.method" must be a string/);
    expect(noType.out).toBe('');
  });

  it('rejects inconsistent options (exit 2)', async () => {
    for (const args of [
      ['--set', 'mtu=1500'],
      ['--iface', 'eth0'],
      ['--iface', 'eth0', '--set', 'mtu'],
      ['--iface', 'eth0', '--set', 'mtu='],
      ['--iface', 'eth0', '--set', 'mtu=1', '--unset', 'mtu'],
      ['--iface', 'eth0', '--autostart', 'maybe'],
      ['--iface', 'eth0', '--set', 'mtu=1', '--family', 'ipx'],
      ['--iface', 'eth0', '--method', 'dhcp'],
      ['--force'],
      ['--bogus'],
    ]) {
      const r = await runMain(['edit', f, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^netstage edit: /);
      expect(r.out).toBe('');
    }
    expect((await runMain(['edit', '-', '--in-place'])).code).toBe(2);
    expect((await runMain(['edit', f, f])).code).toBe(2);
  });

  it('--method, --autostart, --hotplug and --unset', async () => {
    const r = await runMain(['edit', f, '--iface', 'eth0', '--family', 'inet', '--method', 'dhcp', '--unset', 'address', '--unset', 'gateway', '--autostart', 'off', '--hotplug', 'on']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^iface eth0 inet dhcp$/m);
    expect(r.out).not.toMatch(/address|gateway|^auto eth0/m);
    expect(r.out).toMatch(/^allow-hotplug eth0$/m);
  });

  it('--add-json adds an interface, read from @FILE too', async () => {
    const model = { name: 'eth1', type: 'eth', autostart: true, inet: { method: 'static', cidr: '198.51.100.2/24' } };
    const inline = await runMain(['edit', f, '--add-json', JSON.stringify(model)]);
    expect(inline.stderr).toBe('');
    expect(inline.code).toBe(0);
    expect(inline.out.startsWith(GOOD)).toBe(true);
    expect(inline.out).toMatch(/^iface eth1 inet static$/m);
    const fromFile = await runMain(['edit', f, '--add-json', '@' + tmp.write('m.json', JSON.stringify(model))]);
    expect(fromFile.out).toBe(inline.out);
  });

  it('reads stdin', async () => {
    const r = await runMain(['edit', '-', '--iface', 'eth0', '--set', 'mtu=9000'], GOOD);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\s+mtu 9000$/m);
  });
});

describe('check and show arguments', () => {
  it('--nics is passed on (comma-separated, repeatable)', async () => {
    const text = 'auto lo\niface lo inet loopback\n\nauto nic7\niface nic7 inet dhcp\n';
    const r = await runMain(['show', '--json', '--nics', 'nic7,nic8', '--nics', 'nic9', '-'], text);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).interfaces.find((i: { name: string }) => i.name === 'nic7').type).toBe('eth');
  });

  it('unknown options and wrong file counts are usage errors', async () => {
    const bad = await runMain(['check', '--bogus', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--bogus/);
    expect((await runMain(['diff', 'only-one'])).code).toBe(2);
    expect((await runMain(['diff', '-', '-'])).code).toBe(2);
    expect((await runMain(['show'])).code).toBe(2);
  });

  it('stdin can be read once', async () => {
    const r = await runMain(['check', '-', '-']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/only once/);
  });

  it('show prints "(no interfaces)" for an empty file', async () => {
    const r = await runMain(['show', '-'], '');
    expect(r.code).toBe(0);
    expect(r.out).toBe('(no interfaces)\n');
  });
});
