/**
 * The seed page's acceptance items through the real command: `netstage check` on its examples
 * written to files (read from ../shared in place; skipped with a message when absent).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { haveSeed, seedExamples, skipMessage } from '../../test/support/shared';
import { netstage, tempDir } from './testing';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const examples = haveSeed ? seedExamples() : [];
const file = (i: number) => tmp.write(`example${i + 1}.interfaces`, examples[i]);
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe(haveSeed ? 'netstage check on the seed examples' : skipMessage('seed page'), () => {
  it.skipIf(!haveSeed)('reports `maunal` in the fifth example as an error on its line and exits 1', async () => {
    const f = file(4);
    const r = await netstage(['check', f]);
    expect(r.code).toBe(1);
    const line = lineOf(examples[4], 'iface bond0 inet maunal');
    expect(r.out).toMatch(new RegExp(`^${f}:${line}:\\d+: error: .*maunal.*manual.*\\[unknown-method\\]$`, 'm'));
  });

  it.skipIf(!haveSeed)('warns about the undeclared bridge port eth0 in the fourth example unless --nics lists it', async () => {
    const f = file(3);
    const plain = await netstage(['check', f]);
    expect(plain.code).toBe(0);
    expect(plain.out).toMatch(new RegExp(`^${f}:${lineOf(examples[3], 'bridge_ports eth0')}:\\d+: warning: .*eth0.*\\[undeclared-reference\\]$`, 'm'));
    expect(plain.out).toMatch(/warning: .*bond-slaves.*\[slaves-spelling\]$/m);
    const withNics = await netstage(['check', f, '--nics', 'eth0,eth1,eth2']);
    expect(withNics.out).not.toContain('undeclared-reference');
  });

  it.skipIf(!haveSeed)('finds no errors in the first three examples', async () => {
    const r = await netstage(['check', file(0), file(1), file(2)]);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain(': error:');
  });
});
