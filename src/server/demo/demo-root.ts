/**
 * The demo root `npm start` serves: a PVE-like host (eth0-eth3, vmbr0 on eth0) under a folder of
 * its own, with a fake `sys/class/net` and a generated sign-in. It is made once; later starts keep
 * whatever was staged in it. Nothing outside the folder is read or written, so the machine's own
 * /etc/network is never touched.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const DEMO_USER = 'admin';

const DEVICES: Record<string, { physical: boolean; mac: string; state: string }> = {
  lo: { physical: false, mac: '00:00:00:00:00:00', state: 'unknown' },
  eth0: { physical: true, mac: '52:54:00:12:34:50', state: 'up' },
  eth1: { physical: true, mac: '52:54:00:12:34:51', state: 'up' },
  eth2: { physical: true, mac: '52:54:00:12:34:52', state: 'down' },
  eth3: { physical: true, mac: '52:54:00:12:34:53', state: 'down' },
  vmbr0: { physical: false, mac: '52:54:00:12:34:50', state: 'up' },
};

export interface DemoRoot {
  root: string;
  stateDir: string;
  password: string;
  /** True when this call made the folder. */
  created: boolean;
}

/** Make (first time) or reuse the demo under `dir`: `dir/root` and `dir/state`. */
export async function ensureDemoRoot(dir: string): Promise<DemoRoot> {
  const root = join(dir, 'root');
  const stateDir = join(dir, 'state');
  const passwordFile = join(stateDir, 'demo-password');
  const created = !existsSync(passwordFile);
  if (created) {
    await mkdir(join(root, 'etc/network/interfaces.d'), { recursive: true });
    await writeFile(join(root, 'etc/network/interfaces'), await readFile(new URL('./interfaces.sample', import.meta.url)));
    await writeFile(join(root, 'etc/hostname'), 'pve-demo\n');
    for (const [name, d] of Object.entries(DEVICES)) {
      const entry = join(root, 'sys/class/net', name);
      await mkdir(entry, { recursive: true });
      if (d.physical) await mkdir(join(entry, 'device'), { recursive: true });
      await writeFile(join(entry, 'address'), `${d.mac}\n`);
      await writeFile(join(entry, 'operstate'), `${d.state}\n`);
    }
    await mkdir(stateDir, { recursive: true, mode: 0o700 });
    await writeFile(passwordFile, `${randomBytes(9).toString('base64url')}\n`, { mode: 0o600 });
  }
  const password = (await readFile(passwordFile, 'utf8')).trim();
  return { root, stateDir, password, created };
}
