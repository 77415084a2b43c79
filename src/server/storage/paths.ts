/**
 * Where the network configuration lives under a root directory (`/` in production, a temp dir in
 * tests). Everything netstage writes sits in the same directory as the live file, so renames stay
 * on one file system and are atomic.
 */
import { join, resolve } from 'node:path';

export interface NetworkFiles {
  /** `<root>/etc/network` */
  readonly dir: string;
  /** The live file ifupdown reads at boot and on `ifreload`. */
  readonly live: string;
  /** Pending edits, the same name Proxmox VE uses, so its tools see them too. */
  readonly staged: string;
  /**
   * Cross-process lock. A hidden dot-file: ifupdown's `source-directory` only takes names made of
   * `[A-Za-z0-9_-]`, and a `source …/*` glob skips dot-files, so it is never read as configuration.
   */
  readonly lock: string;
  /** The live file as it was before the last apply. */
  readonly backup: string;
}

/** The files under `root` (resolved to an absolute path, so messages and lock keys are stable). */
export function networkFiles(root: string = '/'): NetworkFiles {
  const dir = resolve(root, 'etc/network');
  return {
    dir,
    live: join(dir, 'interfaces'),
    staged: join(dir, 'interfaces.new'),
    lock: join(dir, '.netstage.lock'),
    backup: join(dir, 'interfaces.bak'),
  };
}
