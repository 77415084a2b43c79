/**
 * The seed page's five example configurations, built in the panel only by clicking and typing,
 * each from a fresh demo root (lo, eth0-eth3 manual, vmbr0 10.20.30.5/24 gw 10.20.30.1 on eth0 with
 * a comment). For every interface of the example, the staged file's model must equal the example's
 * model (compared with the engine, not as text: `slaves` and `bond-slaves`, netmask lines and CIDR
 * are the same to the model); the pending-changes pane shows the new stanzas; the live file keeps
 * its bytes.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { haveSeed, seedExamples, skipMessage } from '../test/support/shared';
import { addedLines, modelOfText, stagedModel, stagedText, without } from './support/engine';
import { expect, test } from './support/fixtures';
import type { DemoServer } from './support/server';
import { changesPane, choose, chooseOrType, openCreate, openEdit, setNames, signIn, submit, type } from './support/ui';

// Skipped only where ../shared/seed/ is missing (the brief: read it from there, never copy it into
// this repo), with a message saying so; in this workspace and in CI it is present and these run.
test.skip(!haveSeed, skipMessage('the seed page'));

const NICS = ['eth0', 'eth1', 'eth2', 'eth3'];
const examples = haveSeed ? seedExamples() : [];

/** Example N (1-based) of the seed page. */
function example(n: number): string {
  const text = examples[n - 1];
  if (!text) throw new Error(`the seed page has ${examples.length} examples, not ${n}`);
  return text;
}

/** The interface names an example defines (its `iface` stanzas), in order. */
function namesOf(text: string): string[] {
  return [...new Set([...text.matchAll(/^\s*iface\s+(\S+)/gm)].map((m) => m[1]))];
}

/**
 * Every interface of `exampleText` has the same model in the staged file. `ignoreComments` lists
 * interfaces whose comment lines are not compared (the demo's vmbr0 comment stays where the form
 * leaves it).
 */
async function expectStagedMatches(demo: DemoServer, exampleText: string, ignoreComments: string[] = []): Promise<void> {
  const names = namesOf(exampleText);
  expect(names.length).toBeGreaterThan(1);
  for (const name of names) {
    const want = modelOfText(exampleText, name, NICS);
    const got = await stagedModel(demo, name);
    if (ignoreComments.includes(name)) expect(without(got, 'comments'), `staged model of ${name}`).toEqual(without(want, 'comments'));
    else expect(got, `staged model of ${name}`).toEqual(want);
  }
}

/**
 * The pending-changes pane shows every line the staged file adds (the new and changed stanzas,
 * computed from the files with the engine's diff) plus a few landmarks, and the live file kept its
 * bytes.
 */
async function expectPaneAndLive(page: Page, demo: DemoServer, landmarks: string[]): Promise<void> {
  const pane = changesPane(page);
  await expect(pane).toBeVisible();
  const added = await addedLines(demo);
  expect(added.length, 'the staged file adds lines').toBeGreaterThan(0);
  for (const line of [...added.map((l) => l.trim()), ...landmarks]) await expect(pane, `the pending-changes pane shows "${line}"`).toContainText(line);
  expect(await readFile(demo.live), 'the live file is untouched').toEqual(demo.liveAtStart);
  expect(await stagedText(demo), 'interfaces.new exists').not.toBeNull();
}

/** The background colour behind a line of the diff (the nearest element that has one). */
async function lineBackground(pane: Locator, text: string): Promise<string> {
  return pane.getByText(text, { exact: true }).evaluate((el) => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      const bg = getComputedStyle(e).backgroundColor;
      if (bg && bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return bg;
    }
    return 'none';
  });
}

/** Edit vmbr0's address and gateway, and clear its comment (typing, so the comment line goes). */
async function editVmbr0(page: Page, fields: { cidr: string; gateway: string; ports?: string[] }): Promise<void> {
  const dialog = await openEdit(page, 'vmbr0');
  if (fields.ports) await setNames(dialog, 'Bridge ports', fields.ports);
  await type(dialog, 'IPv4/CIDR', fields.cidr);
  await type(dialog, 'Gateway (IPv4)', fields.gateway);
  await type(dialog, 'Comment', '');
  await submit(dialog, 'Save');
}

/** Create bond0 on eth1 eth2, 802.3ad, miimon 100, hash policy layer2+3 (and an address if given). */
async function createBond0(page: Page, cidr: string): Promise<Locator> {
  const dialog = await openCreate(page, 'Linux Bond');
  await type(dialog, 'Name', 'bond0');
  await setNames(dialog, 'Slaves', ['eth1', 'eth2']);
  await choose(dialog, 'Mode', /^802\.3ad/);
  await chooseOrType(dialog, 'Hash policy', 'layer2+3');
  await type(dialog, 'MII monitoring (ms)', '100');
  if (cidr) await type(dialog, 'IPv4/CIDR', cidr);
  await submit(dialog, 'Create');
  return dialog;
}

test.describe('seed examples built in the panel', () => {
  test('1: default bridge vmbr0 on eth0 with 192.168.10.2/24', async ({ page, demo }) => {
    await signIn(page, demo);
    await editVmbr0(page, { cidr: '192.168.10.2/24', gateway: '192.168.10.1' });
    await expectStagedMatches(demo, example(1));
    await expectPaneAndLive(page, demo, ['192.168.10.2/24']);
    // A coloured diff: added, removed and context lines have three different backgrounds.
    const pane = changesPane(page);
    const add = await lineBackground(pane, 'address 192.168.10.2/24');
    const del = await lineBackground(pane, 'address 10.20.30.5/24');
    const ctx = await lineBackground(pane, 'iface vmbr0 inet static');
    expect(new Set([add, del, ctx]).size, `backgrounds: added ${add}, removed ${del}, context ${ctx}`).toBe(3);
  });

  test('2: routed setup (proxy_arp on eth0, vmbr0 10.10.10.1/24 without ports)', async ({ page, demo }) => {
    await signIn(page, demo);
    const dialog = await openCreate(page, 'Routed setup');
    await chooseOrType(dialog, 'Public interface', 'eth0');
    await type(dialog, 'Public IPv4/CIDR', '192.168.10.2/24');
    await type(dialog, 'Gateway (IPv4)', '192.168.10.1');
    await chooseOrType(dialog, 'Bridge', 'vmbr0');
    await type(dialog, 'Bridge IPv4/CIDR', '10.10.10.1/24');
    await submit(dialog, 'Create');
    // The setup updates the demo's existing vmbr0 in place, so its comment line stays: the
    // example's vmbr0 has none, the comparison leaves vmbr0's comment out.
    await expectStagedMatches(demo, example(2), ['vmbr0']);
    await expectPaneAndLive(page, demo, ['iface eth0 inet static', 'proxy_arp', '10.10.10.1/24']);
  });

  test('3: NAT setup (masquerading 10.10.10.0/24 out of eth0)', async ({ page, demo }) => {
    await signIn(page, demo);
    const dialog = await openCreate(page, 'NAT setup');
    await chooseOrType(dialog, 'Public interface', 'eth0');
    await type(dialog, 'Public IPv4/CIDR', '192.168.10.2/24');
    await type(dialog, 'Gateway (IPv4)', '192.168.10.1');
    await chooseOrType(dialog, 'Bridge', 'vmbr0');
    await type(dialog, 'Bridge IPv4/CIDR', '10.10.10.1/24');
    // The page's comments, its spelling ("adress") included, so the comments compare too.
    await type(dialog, 'Comment (public interface)', 'real IP adress');
    await type(dialog, 'Comment (bridge)', 'private sub network');
    await submit(dialog, 'Create');
    await expectStagedMatches(demo, example(3));
    await expectPaneAndLive(page, demo, ['iface eth0 inet static', 'MASQUERADE', 'ip_forward']);
  });

  test('4: bond0 (802.3ad) with an address, vmbr0 on eth0', async ({ page, demo }) => {
    await signIn(page, demo);
    await createBond0(page, '192.168.1.2/24');
    await editVmbr0(page, { cidr: '10.10.10.2/24', gateway: '10.10.10.1' });
    await expectStagedMatches(demo, example(4));
    await expectPaneAndLive(page, demo, ['iface bond0 inet static', '802.3ad', 'layer2+3', '10.10.10.2/24']);
  });

  test('5: bond0 (802.3ad) as the port of vmbr0', async ({ page, demo }) => {
    await signIn(page, demo);
    await createBond0(page, '');
    await editVmbr0(page, { cidr: '10.10.10.2/24', gateway: '10.10.10.1', ports: ['bond0'] });
    // The page writes `iface bond0 inet maunal`, a typo: ifupdown would refuse the method, and the
    // GUI writes `manual`. Compare with the typo corrected.
    const corrected = example(5).replace(/^(\s*iface\s+bond0\s+inet\s+)maunal\b/m, '$1manual');
    expect(corrected, 'the seed page still has its "maunal" typo').not.toEqual(example(5));
    await expectStagedMatches(demo, corrected);
    await expectPaneAndLive(page, demo, ['iface bond0 inet manual', '802.3ad', 'bond0']);
  });
});
