/**
 * Sign-in accounts of the web panel: `<stateDir>/users.json`, written by `netstage passwd` and
 * (for `admin`) by NETSTAGE_ADMIN_PASSWORD at start-up, read by the sign-in route.
 *
 *   { "version": 1, "users": { "admin": { "hash": "scrypt$32768$8$1$<salt>$<key>" } } }
 *
 * A hash names its algorithm and parameters (N, r, p), then the salt and the derived key in
 * base64url, so a file written with other parameters still verifies after the defaults change.
 *
 * The file is read again on every call: a password set with `netstage passwd` while the server
 * runs takes effect at the next sign-in. Writes go to a temporary file (mode 0600) that is
 * renamed over the old one; writes of one store are queued so two `set` calls lose nothing.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { constants as fsc } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { syncDir } from '../storage/sync-dir';

/** Where the server and `netstage passwd` keep their state unless told otherwise. */
export const DEFAULT_STATE_DIR = '/var/lib/netstage';
export const USERS_FILE = 'users.json';

export const USERNAME_RE = /^[a-z_][a-z0-9_.-]{0,31}$/i;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 1024;

/** A user name or password that cannot be stored, or a users.json that cannot be read or written. */
export class UserStoreError extends Error {
  override name = 'UserStoreError';
}

/** Why `name` cannot be a user name, or undefined when it can. */
export function usernameProblem(name: string): string | undefined {
  if (USERNAME_RE.test(name)) return undefined;
  return 'a user name is 1 to 32 letters, digits, "_", "." or "-", and starts with a letter or "_"';
}

/** Why `password` cannot be a password, or undefined when it can. Lengths count characters. */
export function passwordProblem(password: string): string | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `the password must be at least ${PASSWORD_MIN} characters long`;
  if (length > PASSWORD_MAX) return `the password must be at most ${PASSWORD_MAX} characters long`;
  if (password.includes('\0')) return 'the password must not contain a NUL character';
  return undefined;
}

export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/** 32 MiB and about 50–100 ms per hash on a small server. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;

function scrypt(password: string, salt: Buffer, keylen: number, { N, r, p }: ScryptParams): Promise<Buffer> {
  const opts: ScryptOptions = { N, r, p, maxmem: 256 * N * r + (1 << 20) };
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFC'), salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

interface ParsedHash {
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
}

const B64URL = /^[A-Za-z0-9_-]+$/;

/** `scrypt$N$r$p$salt$key`, with parameters in a sane range (a hand-edited file cannot ask for 1 TiB). */
function parseHash(s: string): ParsedHash | undefined {
  const parts = s.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map((x) => (/^\d{1,8}$/.test(x) ? Number(x) : NaN));
  if (!(N >= 2 ** 10 && N <= 2 ** 20 && (N & (N - 1)) === 0)) return undefined;
  if (!(r >= 1 && r <= 32 && p >= 1 && p <= 16)) return undefined;
  if (!B64URL.test(parts[4]) || !B64URL.test(parts[5])) return undefined;
  const salt = Buffer.from(parts[4], 'base64url');
  const key = Buffer.from(parts[5], 'base64url');
  if (salt.length < 16 || key.length < 16 || key.length > 64) return undefined;
  return { params: { N, r, p }, salt, key };
}

export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await scrypt(password, salt, KEY_BYTES, params);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export interface UserStore {
  /** True when `user` exists and `password` is theirs. Costs one scrypt whatever the answer. */
  verify(user: string, password: string): Promise<boolean>;
  /** Create `user` or replace their password. Throws UserStoreError for an invalid name or password. */
  set(user: string, password: string): Promise<void>;
  has(user: string): Promise<boolean>;
  /** The file, for messages. */
  readonly path: string;
}

export interface UserStoreOptions {
  /** Parameters of new hashes (tests use a cheap N). Existing hashes keep their own. */
  scrypt?: ScryptParams;
}

interface UserEntry {
  hash: string;
  [extra: string]: unknown;
}

function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  if (e?.code === 'ENOENT') return 'no such file or directory';
  if (e?.code === 'ENOTDIR') return 'not a directory';
  return e?.message ?? String(err);
}

export function createUserStore(stateDir: string, options: UserStoreOptions = {}): UserStore {
  const params = options.scrypt ?? DEFAULT_SCRYPT;
  const path = join(stateDir, USERS_FILE);
  // What an unknown user is checked against: same cost as a real hash, matches nothing.
  const dummy: ParsedHash = { params, salt: randomBytes(SALT_BYTES), key: randomBytes(KEY_BYTES) };
  let writes: Promise<unknown> = Promise.resolve();

  /** The users (a Map: names like `__proto__` or `constructor` are plain keys); empty when there is no file. */
  async function load(): Promise<Map<string, UserEntry>> {
    let text: string;
    try {
      text = await fsp.readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException)?.code === 'ENOENT') return new Map();
      throw new UserStoreError(`cannot read ${path}: ${describe(err)}`);
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw new UserStoreError(`${path} is not valid JSON: fix it, or remove it and set the passwords again`);
    }
    const users = (data as { users?: unknown } | null)?.users;
    if (typeof users !== 'object' || users === null || Array.isArray(users))
      throw new UserStoreError(`${path} has no "users" object: fix it, or remove it and set the passwords again`);
    const out = new Map<string, UserEntry>();
    for (const [name, entry] of Object.entries(users)) {
      if (typeof entry === 'object' && entry !== null && typeof (entry as UserEntry).hash === 'string') out.set(name, entry as UserEntry);
    }
    return out;
  }

  async function save(users: Map<string, UserEntry>): Promise<void> {
    try {
      const created = await fsp.mkdir(stateDir, { recursive: true, mode: 0o700 });
      if (created !== undefined) await fsp.chmod(stateDir, 0o700); // whatever the umask
    } catch (err) {
      throw new UserStoreError(`cannot create ${stateDir}: ${describe(err)}`);
    }
    const body = JSON.stringify({ version: 1, users: Object.fromEntries(users) }, null, 2) + '\n';
    const tmp = join(stateDir, `.${USERS_FILE}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
    let fh: fsp.FileHandle | undefined;
    try {
      fh = await fsp.open(tmp, fsc.O_WRONLY | fsc.O_CREAT | fsc.O_EXCL, 0o600);
      await fh.chmod(0o600); // whatever the umask
      await fh.writeFile(body);
      await fh.sync();
      await fh.close();
      fh = undefined;
      await fsp.rename(tmp, path);
    } catch (err) {
      await fh?.close().catch(() => {});
      await fsp.unlink(tmp).catch(() => {});
      throw new UserStoreError(`cannot write ${path}: ${describe(err)}`);
    }
    await syncDir(stateDir);
  }

  return {
    path,
    async verify(user, password) {
      const entry = typeof user === 'string' && usernameProblem(user) === undefined ? (await load()).get(user) : undefined;
      const stored = entry ? parseHash(entry.hash) : undefined;
      const usable = stored !== undefined && typeof password === 'string' && passwordProblem(password) === undefined;
      const against = usable ? stored : dummy;
      const key = await scrypt(typeof password === 'string' ? password : '', against.salt, against.key.length, against.params);
      return timingSafeEqual(key, against.key) && usable;
    },
    async has(user) {
      return usernameProblem(user) === undefined && (await load()).has(user);
    },
    set(user, password) {
      const run = async () => {
        const bad = usernameProblem(user) ?? passwordProblem(password);
        if (bad) throw new UserStoreError(bad);
        const hash = await hashPassword(password, params);
        const users = await load();
        users.set(user, { ...users.get(user), hash });
        await save(users);
      };
      const p = writes.then(run, run);
      writes = p.catch(() => {});
      return p;
    },
  };
}

export type AdminFromEnv = 'not-set' | 'created' | 'reset' | 'unchanged';

/**
 * NETSTAGE_ADMIN_PASSWORD, when set (and not empty), is the password of user `admin`: the user is
 * created, or its password reset. Nothing is written when it already is the password. Throws
 * UserStoreError when the password is not acceptable. The caller may delete the variable from its
 * environment afterwards so child processes do not inherit it.
 */
export async function ensureAdminFromEnv(
  store: UserStore,
  env: Record<string, string | undefined> = process.env,
): Promise<AdminFromEnv> {
  const password = env.NETSTAGE_ADMIN_PASSWORD;
  if (password === undefined || password === '') return 'not-set';
  const bad = passwordProblem(password);
  if (bad) throw new UserStoreError(`NETSTAGE_ADMIN_PASSWORD: ${bad}`);
  if (!(await store.has('admin'))) {
    await store.set('admin', password);
    return 'created';
  }
  if (await store.verify('admin', password)) return 'unchanged';
  await store.set('admin', password);
  return 'reset';
}
