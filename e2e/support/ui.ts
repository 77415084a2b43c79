/**
 * Driving the panel the way a user does: only clicks and typing, found by the labels and roles the
 * issue fixes (getByLabel / getByRole). No test ids. One exception to "no CSS classes": reading
 * which values a Mantine MultiSelect holds (its pills have no role), in chosenNames().
 */
import { expect, type Locator, type Page, type Request } from '@playwright/test';
import type { DemoServer } from './server';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Open the panel and sign in through the sign-in form; waits for the interface table. */
export async function signIn(page: Page, demo: DemoServer): Promise<void> {
  if (!page.url().startsWith(demo.base)) await page.goto(demo.base);
  await field(page, 'User name').fill(demo.username);
  await field(page, 'Password').fill(demo.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(ifaceRow(page, 'vmbr0')).toBeVisible();
}

/**
 * The interface table's row of `name`: the row of the "Network interfaces" table whose name cell
 * shows `name` (the name's text carries it as its title too, which stays exact when a status badge
 * such as "new" follows the name in the same cell).
 */
export function ifaceRow(page: Page, name: string): Locator {
  return page
    .getByRole('table', { name: 'Network interfaces' })
    .getByRole('row')
    .filter({ has: page.getByTitle(name, { exact: true }) });
}

/** Create menu → item; waits for the "Create: ITEM" modal. */
export async function openCreate(page: Page, item: 'Linux Bridge' | 'Linux Bond' | 'Linux VLAN' | 'Routed setup' | 'NAT setup'): Promise<Locator> {
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await page.getByRole('menuitem', { name: item, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: new RegExp(`^Create: ${escape(item)}`) });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Double-click the interface's row; waits for its "Edit: … NAME" modal. */
export async function openEdit(page: Page, name: string): Promise<Locator> {
  await ifaceRow(page, name).dblclick();
  const dialog = page.getByRole('dialog', { name: new RegExp(`^Edit: .*\\b${escape(name)}$`) });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Click the interface's row (selects it), then the toolbar's "Edit"; waits for its modal. */
export async function openEditFromToolbar(page: Page, name: string): Promise<Locator> {
  await ifaceRow(page, name).click();
  await expect(ifaceRow(page, name)).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('toolbar', { name: 'Interfaces' }).getByRole('button', { name: 'Edit', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: new RegExp(`^Edit: .*\\b${escape(name)}$`) });
  await expect(dialog).toBeVisible();
  return dialog;
}

/**
 * A form field by its exact label. A required field's label ends with Mantine's " *" (aria-hidden,
 * but part of the label's text), which the match allows.
 */
export function field(scope: Locator | Page, label: string): Locator {
  return scope.getByLabel(new RegExp(`^${escape(label)}(\\s*\\*)?$`));
}

/** Type into a text field (clears it first; '' clears it). */
export async function type(dialog: Locator, label: string, value: string): Promise<void> {
  const input = field(dialog, label);
  await input.click();
  await input.fill(value);
  await expect(input).toHaveValue(value);
}

async function closeDropdown(dialog: Locator): Promise<void> {
  // Clicking the modal's title closes an open combobox dropdown without closing the modal.
  await dialog.getByRole('heading').first().click();
}

/** A single-choice select: click it, click the option whose accessible name matches. */
export async function choose(dialog: Locator, label: string, option: string | RegExp): Promise<void> {
  const page = dialog.page();
  await field(dialog, label).click();
  const opt = page.getByRole('option', typeof option === 'string' ? { name: option, exact: true } : { name: option });
  await opt.first().click();
  await expect(page.getByRole('listbox')).toHaveCount(0);
}

/**
 * A field holding a list of interface names (bridge ports, bond slaves): a multi-select (click the
 * options), a tags input (type + Enter), or a plain text field (space-separated names). Replaces
 * what the field held.
 */
export async function setNames(dialog: Locator, label: string, names: readonly string[]): Promise<void> {
  const page = dialog.page();
  const input = field(dialog, label);
  const role = await input.getAttribute('role');
  const popup = await input.getAttribute('aria-haspopup');
  if (role !== 'combobox' && !popup) {
    await type(dialog, label, names.join(' '));
    return;
  }
  await input.click();
  // Remove what is there: Backspace on the empty input removes the last chosen value.
  for (let i = 0; i < 16; i++) {
    const chosen = await chosenNames(dialog, label);
    if (!chosen.length) break;
    await input.press('Backspace');
  }
  for (const n of names) {
    await input.click();
    const opt = page.getByRole('option', { name: n, exact: true });
    if (await opt.isVisible()) await opt.click();
    else {
      await input.fill(n);
      const typed = page.getByRole('option', { name: n, exact: true });
      if (await typed.isVisible()) await typed.click();
      else await input.press('Enter');
    }
  }
  await closeDropdown(dialog);
  await expect.poll(() => chosenNames(dialog, label)).toEqual([...names]);
}

/** The names a multi-select/tags field shows as chosen (its pills), in order. */
export async function chosenNames(dialog: Locator, label: string): Promise<string[]> {
  const input = field(dialog, label);
  // Mantine renders the pills next to the input inside the same field wrapper.
  const wrapper = input.locator('xpath=ancestor::*[contains(@class,"mantine-MultiSelect-root") or contains(@class,"mantine-TagsInput-root")][1]');
  if (!(await wrapper.count())) return [];
  return (await wrapper.locator('[class*="Pill-label"]').allInnerTexts()).map((t) => t.trim());
}

/** Click Create/Save and wait for the modal to close. */
export async function submit(dialog: Locator, button: 'Create' | 'Save' = 'Create'): Promise<void> {
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** Every write the page sends to the API (POST/PUT/DELETE under /api/v1, sign-in excluded). */
export function recordWrites(page: Page): Request[] {
  const writes: Request[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/v1/') && url.pathname !== '/api/v1/session' && r.method() !== 'GET') writes.push(r);
  });
  return writes;
}

/** The pending-changes pane. */
export function changesPane(page: Page): Locator {
  return page.getByRole('region', { name: 'Pending changes', exact: true });
}

/**
 * A single-value field: a fixed-choice Select (read-only combobox: click the option named exactly
 * `value`), or a field you type into (text, or an Autocomplete such as the device pickers: type,
 * then close its suggestions).
 */
export async function chooseOrType(dialog: Locator, label: string, value: string): Promise<void> {
  const input = field(dialog, label);
  const readOnly = (await input.getAttribute('readonly')) !== null;
  const combobox = (await input.getAttribute('aria-haspopup')) !== null || (await input.getAttribute('role')) === 'combobox';
  if (combobox && readOnly) {
    await choose(dialog, label, value);
    await expect(input).toHaveValue(value);
    return;
  }
  await type(dialog, label, value);
  if (combobox) await closeDropdown(dialog);
  await expect(input).toHaveValue(value);
}
/** The per-interface "Revert" button of `name` in the pending-changes pane (no confirmation). */
export async function revertOne(page: Page, name: string): Promise<void> {
  await changesPane(page).getByRole('button', { name: `Revert ${name}`, exact: true }).click();
}

/** The toolbar's "Revert": every pending change, after its confirmation dialog. */
export async function revertAll(page: Page): Promise<void> {
  await page.getByRole('toolbar', { name: 'Interfaces' }).getByRole('button', { name: 'Revert', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: /^Revert all/ });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Revert all', exact: true }).click();
  await expect(confirm).toBeHidden();
}
