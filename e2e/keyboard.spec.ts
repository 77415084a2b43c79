/**
 * The panel without a mouse: sign in, reach the interface table with Tab, move with the arrow
 * keys and End, open a form with Enter, change a field and save with Enter, remove an interface
 * with Delete and confirm with Enter. Every step is a key press; the assertions read what changed.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { stagedModel } from './support/engine';
import { expect, test } from './support/fixtures';
import { changesPane, field, ifaceRow } from './support/ui';

/** Press Tab until the focused element matches `accept` (at most `max` presses). */
async function tabTo(page: Page, what: string, accept: () => Promise<boolean>, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await accept()) return;
  }
  throw new Error(`${what} was not reached with ${max} presses of Tab`);
}

test('sign in, edit and remove with the keyboard only', async ({ page, demo }) => {
  await page.goto(demo.base);
  await expect(field(page, 'User name')).toBeFocused(); // the page focuses it
  await page.keyboard.type(demo.username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(demo.password);
  await page.keyboard.press('Enter');
  await expect(ifaceRow(page, 'vmbr0')).toBeVisible();

  // Into the table: its first row takes the focus; End goes to the last one (vmbr0).
  await tabTo(page, 'the interface table', () => ifaceRow(page, 'lo').evaluate((el) => el === document.activeElement));
  await page.keyboard.press('End');
  await expect(ifaceRow(page, 'vmbr0')).toBeFocused();
  await expect(ifaceRow(page, 'vmbr0')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /^Edit: .*\bvmbr0$/ });
  await expect(dialog).toBeVisible();

  const cidr = field(dialog, 'IPv4/CIDR');
  await tabTo(page, 'IPv4/CIDR', () => cidr.evaluate((el) => el === document.activeElement));
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('10.20.30.9/24');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(changesPane(page)).toContainText('10.20.30.9/24');
  expect((await stagedModel(demo, 'vmbr0'))?.inet?.cidr).toBe('10.20.30.9/24');

  // Back in the table: Home, down to eth3, Delete, Enter on the dialog's focused Remove button.
  await tabTo(page, 'the interface table', () => page.getByRole('table', { name: 'Network interfaces' }).evaluate((t) => t.contains(document.activeElement)));
  await page.keyboard.press('Home');
  await expect(ifaceRow(page, 'lo')).toBeFocused();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await expect(ifaceRow(page, 'eth3')).toBeFocused();
  await page.keyboard.press('Delete');
  const remove = page.getByRole('dialog', { name: 'Remove eth3?' });
  await expect(remove.getByRole('button', { name: 'Remove', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(remove).toBeHidden();
  await expect(changesPane(page)).toContainText('eth3 (removed)');
  expect(await stagedModel(demo, 'eth3')).toBeUndefined();
  expect(await readFile(demo.live)).toEqual(demo.liveAtStart);
});
