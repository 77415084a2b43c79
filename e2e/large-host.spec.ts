/**
 * A host the size the brief plans for: the benchmark's generated file (4,094 bridges, 200 bonds,
 * 2,000 VLANs, 2,494 NICs, ~43k lines) as the demo's live file. The panel lists every interface
 * through a virtualized table (a few dozen rows in the page, not 9,000), the search finds one
 * bridge, and editing its address stages exactly that one line: the other ~43k stay byte for byte.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { generateHostFile } from '../bench/generate';
import { modelsOfText, stagedText } from './support/engine';
import { expect, test } from './support/fixtures';
import { changesPane, field, ifaceRow, openEdit, submit, type } from './support/ui';

const NEW_CIDR = '100.64.77.1/24';

test('a 43k-line host: every interface listed through a virtualized table, one edit stages one line', async ({ page, demo }) => {
  const live = generateHostFile();
  await writeFile(demo.live, live);
  const models = modelsOfText(live, demo.nics);
  // A bridge far down the file, with an IPv4 address to change.
  const target = models.filter((m) => m.type === 'bridge' && m.inet?.cidr && Number(m.name.slice(4)) > 3000)[0];
  expect(target, 'the generated file has a bridge with an address past vmbr3000').toBeDefined();
  expect(live).not.toContain(NEW_CIDR.split('/')[0]);

  // Signed in by hand: signIn() waits for vmbr0's row, which is far below the first screen here.
  await page.goto(demo.base);
  await field(page, 'User name').fill(demo.username);
  await field(page, 'Password').fill(demo.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const table = page.getByRole('table', { name: 'Network interfaces' });
  await expect(ifaceRow(page, 'lo')).toBeVisible();
  await expect(page.getByText(`${models.length} interfaces`, { exact: true })).toBeVisible();
  await expect(table).toHaveAttribute('aria-rowcount', String(models.length + 1));
  const inPage = await table.getByRole('row').count();
  expect(inPage, `rows in the page for ${models.length} interfaces`).toBeLessThan(200);

  await page.getByRole('searchbox', { name: 'Search interfaces' }).fill(target.name);
  await expect(ifaceRow(page, target.name)).toBeVisible();
  const dialog = await openEdit(page, target.name);
  await expect(field(dialog, 'IPv4/CIDR')).toHaveValue(target.inet!.cidr!);
  await type(dialog, 'IPv4/CIDR', NEW_CIDR);
  await submit(dialog, 'Save');

  await expect(changesPane(page)).toContainText(NEW_CIDR);
  const staged = await stagedText(demo);
  expect(staged, 'something was staged').not.toBeNull();
  const before = live.split('\n');
  const after = staged!.split('\n');
  expect(after).toHaveLength(before.length);
  const changed = before.flatMap((line, i) => (line === after[i] ? [] : [{ line: i + 1, before: line, after: after[i] }]));
  expect(changed, 'exactly one line changed').toHaveLength(1);
  expect(changed[0].before).toContain(target.inet!.cidr!.split('/')[0]);
  expect(changed[0].after).toContain(NEW_CIDR.split('/')[0]);
  expect(await readFile(demo.live, 'utf8'), 'the live file is untouched').toBe(live);
});
