/** sessions.json: written 0600 with the newest sessions, read back, and harmless when broken. */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSessions, sessionSaver } from './session-file';
import type { SavedSession } from './sessions';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'netstage-sessions-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const session = (n: number): SavedSession => ({ digest: `d${n}`, csrfToken: `c${n}`, username: 'admin', createdAt: n, lastSeen: n });

describe('sessions.json', () => {
  it('holds the newest of the saves asked for, readable by its owner only, in a state folder made if needed', async () => {
    const path = join(dir, 'state', 'sessions.json');
    const warnings: string[] = [];
    const saver = sessionSaver(path, (m) => warnings.push(m));
    saver.save([session(1)]);
    saver.save([session(1), session(2)]);
    saver.save([session(2)]);
    await saver.flushed();
    expect(await loadSessions(path, (m) => warnings.push(m))).toEqual([session(2)]);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(warnings).toEqual([]);
  });

  it('missing: no sessions, no warning; broken: no sessions and a warning', async () => {
    const warnings: string[] = [];
    expect(await loadSessions(join(dir, 'none.json'), (m) => warnings.push(m))).toEqual([]);
    expect(warnings).toEqual([]);
    await writeFile(join(dir, 'bad.json'), '{"not":"a list"');
    expect(await loadSessions(join(dir, 'bad.json'), (m) => warnings.push(m))).toEqual([]);
    expect(warnings).toEqual([`${join(dir, 'bad.json')} is not a sessions file: everyone signs in again`]);
    await writeFile(join(dir, 'mixed.json'), JSON.stringify([session(1), { digest: 'x' }, 'y']));
    expect(await loadSessions(join(dir, 'mixed.json'), () => {})).toEqual([session(1)]);
    expect(await readFile(join(dir, 'mixed.json'), 'utf8')).toContain('"x"'); // reading never rewrites
  });
});
