/**
 * What the server asks of the host besides the interfaces files: its name and its network
 * devices. Injected into the app so tests and the demo use a fake root. (Running programs —
 * ifupdown2's check and reload — joins this adapter with the apply feature.)
 */
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { readNics, type Nic } from './network/nics';

export interface SystemAdapter {
  /** The node's name for the panel's header. */
  nodeName(): string;
  /** Network devices under `<root>/sys/class/net`. */
  nics(): Promise<Nic[]>;
}

/** The host under `root`: `<root>/etc/hostname` (first word), else this machine's hostname. */
export function hostSystem(root: string): SystemAdapter {
  return {
    nodeName() {
      try {
        const name = readFileSync(join(root, 'etc/hostname'), 'utf8').trim().split(/\s+/)[0];
        if (name && /^[A-Za-z0-9.-]{1,253}$/.test(name)) return name;
      } catch {
        /* no hostname file under this root */
      }
      return hostname();
    },
    nics: () => readNics(root),
  };
}
