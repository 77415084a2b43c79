/**
 * The seed page's five examples as netstage writes them (through the API, as the panel would:
 * the interface forms, and the routed/NAT setups for examples 2 and 3) pass ifupdown2's syntax
 * check, apart from its documented false positive on `bridge-ports none`, and netstage's model of
 * each agrees with ifupdown2's reading. Example 5's `inet maunal` comes out as `manual`, the
 * only method its form can write for a bond without an address.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toModel } from '../../src/interfaces/model';
import { parse } from '../../src/interfaces/parser';
import { modelToBondForm, modelToBridgeForm, modelToEthForm } from '../../src/schema/to-model';
import { parseCheckOutput } from '../../src/server/apply/check-output';
import { makeTestApp } from '../../src/server/testing';
import { haveSeed, seedExamples, skipMessage } from '../support/shared';
import { declaredNames, fromIfquery, fromModels, type IfqueryStanza } from './agreement';
import { haveIfupdown2, ifupdown2, IFUPDOWN2_MISSING, makeScratch, removeScratch } from './support';

const SETUP = { publicIface: 'eth0', publicCidr: '192.168.10.2/24', gateway: '192.168.10.1', bridge: 'vmbr0', bridgeCidr: '10.10.10.1/24' };
const FORMS = { eth: modelToEthForm, bridge: modelToBridgeForm, bond: modelToBondForm } as const;

/** Example `i` written by netstage on a host that has only `lo`. */
async function generated(i: number): Promise<string> {
  const t = await makeTestApp({ live: 'auto lo\niface lo inet loopback\n' });
  try {
    const send = async (url: string, body: unknown) => {
      const res = await t.call('POST', url, body, { ifMatch: true });
      expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
    };
    if (i === 1) await send('/api/v1/network/setups/routed', SETUP);
    else if (i === 2) await send('/api/v1/network/setups/nat', { ...SETUP, publicComment: 'real IP adress', bridgeComment: 'private sub network' });
    else
      for (const m of toModel(parse(seedExamples()[i])).filter((x) => x.type !== 'loopback')) {
        const kind = m.type as keyof typeof FORMS;
        await send('/api/v1/network', { kind, form: FORMS[kind](m) });
      }
    return (await t.staged())!.toString();
  } finally {
    await t.close();
  }
}

let scratch: string;
beforeAll(async () => {
  if (haveIfupdown2) scratch = await makeScratch();
});
afterAll(async () => scratch && removeScratch(scratch));

const skip = !haveIfupdown2 || !haveSeed;
describe.skipIf(skip)(!haveIfupdown2 ? IFUPDOWN2_MISSING : !haveSeed ? skipMessage('the seed page') : 'seed examples as netstage writes them', { timeout: 30_000 }, () => {
  it.each([1, 2, 3, 4, 5])('example %i passes ifupdown2 -s and agrees with ifquery', async (n) => {
    const i = n - 1;
    const text = await generated(i);
    const original = toModel(parse(seedExamples()[i]));
    const models = toModel(parse(text));
    expect(models.map((m) => [m.name, m.type])).toEqual(original.map((m) => [m.name, m.type]));
    if (i === 4) expect(text).toMatch(/^iface bond0 inet manual$/m);

    const file = join(scratch, `example${i + 1}`);
    await writeFile(file, text);
    const check = await ifupdown2('ifup', ['-a', '-s', '-i', file], scratch);
    const outcome = parseCheckOutput(check.output, check.exitCode, parse(text));
    expect(outcome, `${text}\n${check.output}`).toMatchObject({ ok: true });
    const fps = outcome.diagnostics.filter((d) => d.rule === 'ifupdown2-false-positive');
    if (/bridge-ports none/.test(text)) expect(fps.length).toBeGreaterThan(0);
    else expect(check.exitCode, check.output).toBe(0);

    const q = await ifupdown2('ifquery', ['-i', file, '-o', 'json', ...declaredNames(text)], scratch);
    expect(q.exitCode, q.output).toBe(0);
    const theirs = fromIfquery(JSON.parse(q.output.slice(q.output.indexOf('['))) as IfqueryStanza[]);
    expect(Object.fromEntries(theirs)).toEqual(Object.fromEntries(fromModels(models)));
  });
});
