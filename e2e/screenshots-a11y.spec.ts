/**
 * Screenshots of the panel, a bond form (also showing a problem) and the pending-changes pane, in
 * light and dark colour schemes, written to e2e/artifacts/ on every run; and axe
 * (@axe-core/playwright) finds no serious or critical accessibility violation on each of those
 * views (the error colour's contrast, the notifications' close buttons included).
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { changesPane, choose, field, ifaceRow, openCreate, openEdit, setNames, signIn, submit, type } from './support/ui';

const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');

/** Serious and critical axe violations of the page as it is now, one line per rule (the full report is attached). */
async function seriousViolations(page: Page, testInfo: TestInfo, view: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  await testInfo.attach(`axe ${view}.json`, { body: JSON.stringify(result.violations, null, 2), contentType: 'application/json' });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const first = v.nodes[0];
      const more = v.nodes.length > 1 ? ` (+${v.nodes.length - 1} more)` : '';
      return `${v.impact} ${v.id}: ${v.help} — ${first?.target.join(' ')}${more}: ${first?.failureSummary?.replace(/\s+/g, ' ').slice(0, 220) ?? ''}`;
    });
}

async function shoot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots and axe, ${scheme} scheme: panel, bond form, pending changes`, async ({ page, demo }, testInfo) => {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await signIn(page, demo);
    // The panel starts light; the header's switch ("Switch to dark theme") changes it.
    const html = page.locator('html');
    if ((await html.getAttribute('data-mantine-color-scheme')) !== scheme) await page.getByRole('button', { name: `Switch to ${scheme} theme` }).click();
    await expect(html).toHaveAttribute('data-mantine-color-scheme', scheme);
    const problems: Record<string, string[]> = {};

    await expect(ifaceRow(page, 'eth3')).toBeVisible();
    await shoot(page, `panel-${scheme}`);
    problems.panel = await seriousViolations(page, testInfo, `panel ${scheme}`);

    const bond = await openCreate(page, 'Linux Bond');
    await type(bond, 'Name', 'bond0');
    await setNames(bond, 'Slaves', ['eth1', 'eth2']);
    await choose(bond, 'Mode', /^802\.3ad/);
    await shoot(page, `bond-form-${scheme}`);
    problems['bond form'] = await seriousViolations(page, testInfo, `bond form ${scheme}`);
    // A problem shown: the field's error text and the "Fix: …" line, in the error colour.
    await type(bond, 'IPv4/CIDR', '10.0.1.2/24');
    await type(bond, 'Gateway (IPv4)', '10.0.1.1');
    await expect(field(bond, 'Gateway (IPv4)')).toHaveAttribute('aria-invalid', 'true');
    await expect(bond.getByText(/^Fix: Gateway \(IPv4\): /)).toBeVisible();
    await shoot(page, `form-error-${scheme}`);
    problems['form with an error'] = await seriousViolations(page, testInfo, `form with an error ${scheme}`);
    await bond.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(bond).toBeHidden();

    const edit = await openEdit(page, 'vmbr0');
    await type(edit, 'IPv4/CIDR', '10.20.30.6/24');
    await submit(edit, 'Save');
    const pane = changesPane(page);
    await expect(pane).toContainText('10.20.30.6/24');
    // axe sees the page as the save left it (the "Staged" notification included) …
    problems['pending changes'] = await seriousViolations(page, testInfo, `pending changes ${scheme}`);
    // … the screenshots show the pane without the notification over it.
    const notices = page.getByRole('region', { name: 'Notifications' }).getByRole('alert');
    // (Closed by their named close button; one that closes itself meanwhile, after its 5 s, is gone anyway.)
    for (const notice of await notices.all())
      await notice
        .getByRole('button', { name: 'Close notification', exact: true })
        .click({ timeout: 2_000 })
        .catch(() => undefined);
    await expect(notices).toHaveCount(0);
    await pane.scrollIntoViewIfNeeded();
    await shoot(page, `diff-pane-${scheme}`);
    await pane.screenshot({ path: join(ARTIFACTS, `diff-pane-only-${scheme}.png`) });

    expect(problems, 'no serious or critical axe violations').toEqual({ panel: [], 'bond form': [], 'form with an error': [], 'pending changes': [] });
  });
}
