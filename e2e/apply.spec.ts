/**
 * Applying the staged configuration from the panel, on a fresh demo root each (nothing is reloaded
 * there unless a spec gives a --reload-command, but the file swap, the countdown, the confirmation
 * and the rollback are real):
 *   - apply with 60 s and "Keep this configuration": the live file has the change, nothing is
 *     pending; apply another change with 6 s and do not confirm: the panel says it rolled back
 *     (waited on by its text) and the live file is the previous one again; the history lists both;
 *   - "Roll back now" in the countdown restores the previous configuration at once;
 *   - a page reload mid-window offers the countdown again (banner), and a rollback the admin did
 *     not see is shown once (remembered across reloads);
 *   - a failing reload (a --reload-command that refuses one address) is explained with its output;
 *   - an engine error in the staged file disables "Apply Configuration" with the reason.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFile, writeFile } from 'node:fs/promises';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { liveModel, stagedModel, stagedText } from './support/engine';
import { expect, test } from './support/fixtures';
import { startDemoServer, type DemoServer } from './support/server';
import { changesPane, field, openEdit, signIn, submit, type } from './support/ui';

function toolbar(page: Page): Locator {
  return page.getByRole('toolbar', { name: 'Interfaces' });
}

function applyButton(page: Page): Locator {
  return toolbar(page).getByRole('button', { name: 'Apply Configuration', exact: true });
}

async function setVmbr0Address(page: Page, cidr: string): Promise<void> {
  const dialog = await openEdit(page, 'vmbr0');
  await type(dialog, 'IPv4/CIDR', cidr);
  await submit(dialog, 'Save');
}

/** Apply Configuration → the dialog → "Roll back after (seconds)" → Apply. */
async function applyWith(page: Page, seconds: number): Promise<void> {
  await expect(applyButton(page)).toBeEnabled();
  await applyButton(page).click();
  const dialog = page.getByRole('dialog', { name: 'Apply the configuration?' });
  await expect(dialog).toBeVisible();
  const window = field(dialog, 'Roll back after (seconds)');
  await expect(window).toHaveValue('60');
  if (seconds !== 60) await type(dialog, 'Roll back after (seconds)', String(seconds));
  await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(dialog).toBeHidden();
}

function countdown(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Keep the new configuration?' });
}

/** The statuses of the confirmation requests the page sent. */
function recordConfirms(page: Page): number[] {
  const statuses: number[] = [];
  page.on('response', (r) => {
    if (/\/api\/v1\/network\/apply\/[^/]+\/confirm$/.test(new URL(r.url()).pathname)) statuses.push(r.status());
  });
  return statuses;
}

/** Nothing is staged: no interfaces.new, or one with the live file's bytes. */
async function expectNothingStaged(demo: DemoServer): Promise<void> {
  const staged = await stagedText(demo);
  if (staged !== null) expect(staged, 'interfaces.new equals the live file').toEqual(await readFile(demo.live, 'utf8'));
}

async function seriousViolations(page: Page, testInfo: TestInfo, view: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  await testInfo.attach(`axe ${view}.json`, { body: JSON.stringify(result.violations, null, 2), contentType: 'application/json' });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes[0]?.target.join(' ')} (${v.nodes.length})`);
}

test('apply and keep; apply and let it roll back; the history lists both', async ({ page, demo }, testInfo) => {
  const confirms = recordConfirms(page);
  await signIn(page, demo);
  await expect(applyButton(page)).toBeDisabled();
  await expect(applyButton(page)).toHaveAccessibleDescription('Nothing to apply');
  const problems: Record<string, string[]> = {};

  // 1. Change vmbr0, apply with the default 60 s, keep it.
  await setVmbr0Address(page, '10.20.30.6/24');
  await expect(applyButton(page)).toBeEnabled();
  await applyButton(page).click();
  const dialog = page.getByRole('dialog', { name: 'Apply the configuration?' });
  await expect(dialog).toContainText('vmbr0 (changed)');
  await expect(dialog).toContainText('+1 −1 lines');
  problems['apply dialog'] = await seriousViolations(page, testInfo, 'apply dialog');
  await expect(field(dialog, 'Roll back after (seconds)')).toHaveValue('60');
  await dialog.getByRole('button', { name: 'Apply', exact: true }).click();

  await expect(countdown(page)).toBeVisible();
  await expect(countdown(page).getByRole('timer')).toHaveText(/^(1:00|0:[1-5]\d)$/);
  expect((await liveModel(demo, 'vmbr0'))?.inet?.cidr, 'the apply made the change live').toBe('10.20.30.6/24');
  problems.countdown = await seriousViolations(page, testInfo, 'countdown');
  await countdown(page).getByRole('button', { name: 'Keep this configuration', exact: true }).click();
  await expect(countdown(page)).toBeHidden();
  await expect(page.getByRole('alert').filter({ hasText: 'Kept: the new configuration stays live' })).toBeVisible();
  // 409s are `old-connection` refusals of tries that went out over a connection older than the apply.
  testInfo.annotations.push({ type: 'confirm answers', description: confirms.join(' ') });
  expect(confirms, 'one confirmation got through (over a new connection)').toContain(200);
  expect(confirms.filter((s) => s !== 200 && s !== 409), 'no other answers than 200 and old-connection refusals').toEqual([]);
  await expect(applyButton(page)).toHaveAccessibleDescription('Nothing to apply');
  expect((await liveModel(demo, 'vmbr0'))?.inet?.cidr).toBe('10.20.30.6/24');
  await expectNothingStaged(demo);
  const liveAfterKeep = await readFile(demo.live, 'utf8');

  // 2. Another change, applied with 6 s (time to see the countdown on a slow machine) and not confirmed: it rolls back.
  await setVmbr0Address(page, '10.20.30.7/24');
  await applyWith(page, 6);
  await expect(countdown(page)).toBeVisible();
  expect((await liveModel(demo, 'vmbr0'))?.inet?.cidr).toBe('10.20.30.7/24');
  const outcome = page.getByRole('dialog', { name: 'Rolled back: the previous configuration is live again' });
  await expect(outcome).toBeVisible({ timeout: 20_000 });
  await expect(countdown(page)).toBeHidden();
  await expect(outcome).toContainText('Rolled back because it was not confirmed within 6 seconds');
  await expect(outcome).toContainText('staged again');
  await expect(outcome.getByRole('figure', { name: 'Output of the reload of the previous configuration' })).toContainText('no reload command');
  expect(await readFile(demo.live, 'utf8'), 'the live file is the previous one again').toEqual(liveAfterKeep);
  expect((await stagedModel(demo, 'vmbr0'))?.inet?.cidr, 'what was applied is staged again').toBe('10.20.30.7/24');
  await outcome.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(outcome).toBeHidden();
  // The panel shows the re-staged change as pending again, ready to be corrected or applied.
  await expect(changesPane(page)).toContainText('10.20.30.7/24');
  await expect(applyButton(page)).toBeEnabled();
  // Seen here, so no banner about it.
  await expect(page.getByRole('region', { name: 'Rolled back: the previous configuration is live again' })).toHaveCount(0);

  // 3. The history: newest first, the rollback then the kept one, each with its diff.
  await toolbar(page).getByRole('button', { name: 'Apply history', exact: true }).click();
  const drawer = page.getByRole('dialog', { name: 'Apply history' });
  const entries = drawer.getByRole('list', { name: 'Applies, newest first' }).getByRole('listitem');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('Rolled back');
  await expect(entries.nth(0)).toContainText(`by ${demo.username}`);
  await expect(entries.nth(1)).toContainText('Kept');
  await expect(entries.nth(1)).toContainText(`confirmed by ${demo.username}`);
  await entries.nth(1).getByRole('button', { name: 'Show details' }).click();
  const diff = entries.nth(1).getByRole('figure', { name: 'Diff (live before → after)' });
  await expect(diff).toContainText('-\taddress 10.20.30.5/24');
  await expect(diff).toContainText('+\taddress 10.20.30.6/24');
  problems.history = await seriousViolations(page, testInfo, 'history');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  expect(problems, 'no serious or critical axe violations').toEqual({ 'apply dialog': [], countdown: [], history: [] });
});

test('"Roll back now" restores the previous configuration at once and stages the change again', async ({ page, demo }) => {
  await signIn(page, demo);
  await setVmbr0Address(page, '10.20.30.6/24');
  await applyWith(page, 60);
  await expect(countdown(page)).toBeVisible();
  expect((await liveModel(demo, 'vmbr0'))?.inet?.cidr).toBe('10.20.30.6/24');
  await countdown(page).getByRole('button', { name: 'Roll back now', exact: true }).click();
  const outcome = page.getByRole('dialog', { name: 'Rolled back: the previous configuration is live again' });
  await expect(outcome).toContainText(`Rolled back because ${demo.username} asked for it before the deadline`);
  await expect(countdown(page)).toBeHidden();
  expect(await readFile(demo.live), 'the live file is the one from before the apply').toEqual(demo.liveAtStart);
  expect((await stagedModel(demo, 'vmbr0'))?.inet?.cidr, 'what was applied is staged again').toBe('10.20.30.6/24');
  await outcome.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(changesPane(page)).toContainText('10.20.30.6/24');
  await expect(applyButton(page)).toBeEnabled();
});

test('after a page reload mid-window the countdown is offered again; an unseen rollback is shown once', async ({ page, demo }) => {
  await signIn(page, demo);

  // Kept from the banner after a reload.
  await setVmbr0Address(page, '10.20.30.6/24');
  await applyWith(page, 60);
  await expect(countdown(page)).toBeVisible();
  await page.reload();
  const waiting = page.getByRole('region', { name: 'An applied configuration is waiting for confirmation' });
  await expect(waiting).toBeVisible();
  await waiting.getByRole('button', { name: 'Show the countdown' }).click();
  await expect(countdown(page).getByRole('timer')).toHaveText(/^0:[1-5]\d$/);
  await countdown(page).getByRole('button', { name: 'Keep this configuration', exact: true }).click();
  await expect(countdown(page)).toBeHidden();
  await expect(waiting).toBeHidden();
  expect((await liveModel(demo, 'vmbr0'))?.inet?.cidr).toBe('10.20.30.6/24');

  // Rolled back while the page was being reloaded: the banner tells, once.
  await setVmbr0Address(page, '10.20.30.8/24');
  await applyWith(page, 2);
  await page.reload();
  const rolled = page.getByRole('region', { name: 'Rolled back: the previous configuration is live again' });
  await expect(rolled).toBeVisible({ timeout: 20_000 });
  await expect(rolled).toContainText('not confirmed within 2 seconds');
  expect((await liveModel(demo, 'vmbr0'))?.inet?.cidr).toBe('10.20.30.6/24');
  await rolled.getByRole('button', { name: 'Details' }).click();
  const outcome = page.getByRole('dialog', { name: 'Rolled back: the previous configuration is live again' });
  await expect(outcome).toContainText('not confirmed within 2 seconds');
  await outcome.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(rolled).toBeHidden();
  await page.reload();
  await expect(applyButton(page)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Rolled back: the previous configuration is live again' })).toHaveCount(0);
});

test('a failed reload is explained with its output, and the previous configuration is live', async ({ page }) => {
  // A reload that refuses the address 10.20.30.9/24 in the live file (and works for anything else).
  const script = 'if grep -q 10.20.30.9/24 "$0"; then echo "error: vmbr0: cannot add address 10.20.30.9/24: RTNETLINK answers: File exists" >&2; exit 1; fi; echo reloaded';
  const demo = await startDemoServer({ args: (dir) => ['--reload-command', JSON.stringify(['sh', '-c', script, `${dir}/root/etc/network/interfaces`])] });
  try {
    await signIn(page, demo);
    await setVmbr0Address(page, '10.20.30.9/24');
    await applyWith(page, 60);
    const outcome = page.getByRole('dialog', { name: 'The reload failed, so the previous configuration was restored' });
    await expect(outcome).toBeVisible();
    await expect(outcome.getByRole('figure', { name: 'Output of the reload that failed' })).toContainText('RTNETLINK answers: File exists');
    await expect(outcome.getByRole('figure', { name: 'Output of the reload of the previous configuration' })).toContainText('reloaded');
    expect(await readFile(demo.live), 'the live file is the previous one').toEqual(demo.liveAtStart);
    await outcome.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(outcome).toBeHidden();
  } finally {
    await demo.dispose();
  }
});

test('Apply Configuration is disabled with the reason when the staged file has an engine error', async ({ page, demo }) => {
  const live = await readFile(demo.live, 'utf8');
  expect(live).toContain('iface eth1 inet manual');
  await writeFile(demo.staged, live.replace('iface eth1 inet manual', 'iface eth1 inet maunal'));
  await signIn(page, demo);
  await expect(applyButton(page)).toBeDisabled();
  await expect(applyButton(page)).not.toHaveAccessibleDescription('Nothing to apply');
  await expect(applyButton(page)).toHaveAccessibleDescription(/error/i);
  await applyButton(page).click({ force: true });
  await expect(page.getByRole('dialog', { name: 'Apply the configuration?' })).toHaveCount(0);
  await toolbar(page).getByRole('button', { name: 'Why?', exact: true }).click();
  const why = page.getByRole('dialog', { name: 'Why the configuration cannot be applied' });
  await expect(why).toContainText('maunal');
  await expect(why).toContainText(/line \d+/);
  expect(await readFile(demo.live, 'utf8')).toEqual(live);
});
