/** Test helpers for the CLI: run `node bin/netstage.js` as a process, or `main()` in-process. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Io } from './io';
import { main } from './main';

/** A small valid file: lo, and eth0 with an address and a gateway. */
export const GOOD = `auto lo
iface lo inet loopback

auto eth0
iface eth0 inet static
	address 192.0.2.10/24
	gateway 192.0.2.1
`;

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(REPO, 'bin/netstage.js');

export interface Result {
  code: number;
  stdout: Buffer;
  stderr: string;
  /** stdout as UTF-8. */
  out: string;
}

/** Spawn `node bin/netstage.js ...args` (argument array, no shell). */
export function netstage(args: readonly string[], opts: { stdin?: string | Buffer; cwd?: string } = {}): Promise<Result> {
  return new Promise((done, fail) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      { encoding: 'buffer', cwd: opts.cwd ?? REPO, timeout: 20_000, maxBuffer: 64 << 20 },
      (err, stdout, stderr) => {
        const code = err ? (err as { code?: unknown }).code : 0;
        if (typeof code !== 'number') return fail(err);
        done({ code, stdout, stderr: stderr.toString('utf8'), out: stdout.toString('utf8') });
      },
    );
    child.stdin?.end(opts.stdin ?? '');
  });
}

/** Call main() in this process with captured streams. */
export async function runMain(args: readonly string[], stdin: string | Buffer = ''): Promise<Result> {
  const out: Buffer[] = [];
  let err = '';
  const io: Io = {
    stdout: (c) => void out.push(typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c)),
    stderr: (c) => void (err += c),
    readStdin: async () => Buffer.from(stdin),
  };
  const code = await main(args, io);
  const stdout = Buffer.concat(out);
  return { code, stdout, stderr: err, out: stdout.toString('utf8') };
}

/** A fresh temp folder with a `write(name, content)` helper; `cleanup()` removes it. */
export function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'netstage-cli-'));
  return {
    dir,
    write(name: string, content: string | Buffer): string {
      const p = join(dir, name);
      writeFileSync(p, content);
      return p;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
