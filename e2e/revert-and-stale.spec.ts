/**
 * Reverting pending changes: one interface at a time (its per-interface "Revert" in the
 * pending-changes pane) and all at once (the toolbar's "Revert") both restore the staged file. And
 * a stale tab: page A loads and opens a form, page B saves an edit, A submits and gets the 412
 * message "The configuration changed meanwhile" with a "Reload" button.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { liveModel, stagedModel, stagedText } from './support/engine';
import { expect, test } from './support/fixtures';
import type { DemoServer } from './support/server';
import { changesPane, ifaceRow, openCreate, openEdit, openEditFromToolbar, revertAll, revertOne, signIn, submit, type } from './support/ui';

async function createVmbr1(page: Page): Promise<void> {
  const dialog = await openCreate(page, 'Linux Bridge');
  await type(dialog, 'Name', 'vmbr1');
  await type(dialog, 'IPv4/CIDR', '10.0.5.1/24');
  await submit(dialog, 'Create');
  await expect(ifaceRow(page, 'vmbr1')).toBeVisible();
}

/** Edit a NIC's address: by double-clicking its row, or selecting it and pressing the toolbar's Edit. */
async function setEthAddress(page: Page, name: string, cidr: string, via: 'double-click' | 'toolbar' = 'double-click'): Promise<void> {
  const dialog = via === 'toolbar' ? await openEditFromToolbar(page, name) : await openEdit(page, name);
  await type(dialog, 'IPv4/CIDR', cidr);
  await submit(dialog, 'Save');
}

/** Nothing is staged any more: no interfaces.new, or one with the live file's bytes. */
async function expectRestored(demo: DemoServer): Promise<void> {
  const staged = await stagedText(demo);
  if (staged !== null) expect(staged, 'interfaces.new equals the live file again').toEqual(demo.liveAtStart.toString('utf8'));
  expect(await readFile(demo.live), 'the live file is untouched').toEqual(demo.liveAtStart);
}

test('reverting one interface restores it and keeps the other change; reverting the last restores the file', async ({ page, demo }) => {
  await signIn(page, demo);
  await createVmbr1(page);
  await setEthAddress(page, 'eth1', '10.9.0.2/24');
  expect((await stagedModel(demo, 'eth1'))?.inet?.cidr).toBe('10.9.0.2/24');
  expect(await stagedModel(demo, 'vmbr1')).toBeDefined();
  await expect(changesPane(page)).toContainText('iface vmbr1');
  await expect(changesPane(page)).toContainText('10.9.0.2/24');

  await revertOne(page, 'eth1');
  await expect(changesPane(page)).not.toContainText('10.9.0.2/24');
  expect(await stagedModel(demo, 'eth1'), 'eth1 is back to the live file').toEqual(await liveModel(demo, 'eth1'));
  expect((await stagedModel(demo, 'vmbr1'))?.inet?.cidr, 'vmbr1 is still staged').toBe('10.0.5.1/24');

  await revertOne(page, 'vmbr1');
  await expect(ifaceRow(page, 'vmbr1')).toHaveCount(0);
  // Nothing pending: the pane goes.
  await expect(changesPane(page)).toBeHidden();
  await expectRestored(demo);
});

test('the toolbar Revert reverts every pending change', async ({ page, demo }) => {
  await signIn(page, demo);
  await createVmbr1(page);
  await setEthAddress(page, 'eth2', '10.9.2.2/24', 'toolbar');
  expect(await stagedText(demo)).toContain('vmbr1');

  await revertAll(page);
  await expect(ifaceRow(page, 'vmbr1')).toHaveCount(0);
  await expect(changesPane(page)).toBeHidden();
  await expect(page.getByRole('toolbar', { name: 'Interfaces' }).getByRole('button', { name: 'Revert', exact: true })).toBeDisabled();
  await expectRestored(demo);
});

test('a stale tab gets "The configuration changed meanwhile" and can reload', async ({ page: pageA, demo, context }) => {
  await signIn(pageA, demo);
  // A opens a form on what it loaded.
  const formA = await openEdit(pageA, 'eth2');
  await type(formA, 'IPv4/CIDR', '10.0.2.2/24');

  // B (another tab of the same browser, so the same session) saves an edit meanwhile.
  const pageB = await context.newPage();
  await pageB.goto(demo.base);
  await expect(ifaceRow(pageB, 'eth1')).toBeVisible();
  await setEthAddress(pageB, 'eth1', '10.0.1.2/24');
  expect((await stagedModel(demo, 'eth1'))?.inet?.cidr).toBe('10.0.1.2/24');

  // A submits on its stale digest: 412, the message and a Reload button.
  const responses: number[] = [];
  pageA.on('response', (r) => {
    if (r.url().includes('/api/v1/network/') && r.request().method() === 'PUT') responses.push(r.status());
  });
  await formA.getByRole('button', { name: 'Save', exact: true }).click();
  // The notification (outside the form's modal) with its Reload button.
  const notice = pageA
    .getByRole('alert')
    .filter({ hasText: 'The configuration changed meanwhile' })
    .locator('xpath=self::*[not(ancestor::*[@role="dialog"])]');
  await expect(notice).toBeVisible();
  await expect(notice.getByRole('button', { name: 'Reload', exact: true })).toBeVisible();
  expect(responses).toEqual([412]);
  // B's edit stays; A's was not written.
  expect((await stagedModel(demo, 'eth1'))?.inet?.cidr).toBe('10.0.1.2/24');
  expect(await stagedModel(demo, 'eth2')).toEqual(await liveModel(demo, 'eth2'));

  await notice.getByRole('button', { name: 'Reload', exact: true }).click();
  await expect(notice).toBeHidden();
  await formA.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(formA).toBeHidden();
  // After reloading, A shows B's change.
  await expect(ifaceRow(pageA, 'eth1')).toContainText('10.0.1.2/24');
  await expect(changesPane(pageA)).toContainText('10.0.1.2/24');
  expect(await readFile(demo.live)).toEqual(demo.liveAtStart);
});
