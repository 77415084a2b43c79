/**
 * The host's network devices as the kernel lists them under `<root>/sys/class/net`: a name per
 * entry; physical when the entry has a `device` link (as real NICs do, and virtual devices like
 * bridges, bonds, veths and lo do not); link state from `operstate`. A demo root ships a fake
 * tree of the same shape. A missing folder gives no devices (a plain file-only root).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Nic } from '../../schema/responses';

export type { Nic } from '../../schema/responses';

async function readSmall(path: string): Promise<string | undefined> {
  try {
    return (await readFile(path, 'utf8')).trim().slice(0, 64);
  } catch {
    return undefined;
  }
}

export async function readNics(root: string): Promise<Nic[]> {
  const dir = join(root, 'sys/class/net');
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const nics = await Promise.all(
    names.sort().map(async (name): Promise<Nic> => {
      const entry = join(dir, name);
      const physical = await stat(join(entry, 'device')).then(() => true, () => false);
      const nic: Nic = { name, physical };
      const state = await readSmall(join(entry, 'operstate'));
      const mac = await readSmall(join(entry, 'address'));
      if (state) nic.state = state;
      if (mac) nic.mac = mac;
      return nic;
    }),
  );
  return nics;
}
