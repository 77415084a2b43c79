import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hostSystem, runProgram, templateEnableOf } from './system';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
const tempRoot = async () => {
  const d = await mkdtemp(join(tmpdir(), 'netstage-system-'));
  dirs.push(d);
  return d;
};

describe('runProgram', () => {
  it('passes arguments as they are, with no shell, and collects both streams', async () => {
    const r = await runProgram([process.execPath, '-e', 'console.log(process.argv[1]); console.error("err"); process.exit(3)', '$(touch /tmp/x); *']);
    expect(r.exitCode).toBe(3);
    expect(r.output).toContain('$(touch /tmp/x); *');
    expect(r.output).toContain('err');
  });

  it('reports a missing program and a timeout without throwing', async () => {
    expect(await runProgram(['/nonexistent/netstage-no-such-program'])).toMatchObject({ exitCode: null, failure: expect.stringMatching(/not found/) });
    const slow = await runProgram([process.execPath, '-e', 'setTimeout(() => {}, 60000)'], { timeoutMs: 200 });
    expect(slow).toMatchObject({ exitCode: null, failure: expect.stringMatching(/timed out/) });
  });
});

describe('hostSystem', () => {
  it('never reloads a root other than / unless told to, and runs the configured reload command', async () => {
    const root = await tempRoot();
    expect(await hostSystem(root).reload()).toMatchObject({ ran: false, reason: expect.stringContaining('--reload-command') });
    const r = await hostSystem(root, { reloadCommand: [process.execPath, '-e', 'console.log("reloaded", process.env.MARK)'], env: { MARK: 'yes' } }).reload();
    expect(r).toMatchObject({ ran: true, exitCode: 0, output: 'reloaded yes\n' });
  });

  it('says when ifupdown2 is not there', async () => {
    const root = await tempRoot();
    expect(await hostSystem(root, { ifup: null }).checkSyntax('/x')).toMatchObject({ available: false });
    expect(await hostSystem(root, { ifup: ['/nonexistent/ifup'] }).checkSyntax('/x')).toMatchObject({ available: false, reason: expect.stringMatching(/not found/) });
  });

  it("reads template_enable from ifupdown2.conf, defaulting to Debian's 1 when ifupdown2 is there", async () => {
    const root = await tempRoot();
    const conf = join(root, 'ifupdown2.conf');
    expect(templateEnableOf('use_daemon=no\ntemplate_enable=1\n')).toBe(true);
    expect(templateEnableOf('template_enable = 0\n')).toBe(false);
    expect(templateEnableOf('# template_enable=1\n')).toBeUndefined();
    expect(await hostSystem(root, { ifup: ['/x/ifup'], ifupdown2Conf: conf }).templatesEnabled()).toBe(true);
    await writeFile(conf, 'template_enable=0\n');
    expect(await hostSystem(root, { ifup: ['/x/ifup'], ifupdown2Conf: conf }).templatesEnabled()).toBe(false);
  });
});
