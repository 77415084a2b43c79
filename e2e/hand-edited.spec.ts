/**
 * A hand-edited file with the seed page's slips (its fifth example: `inet maunal`, option lines
 * without indentation, `slaves` and `bond_*` spellings, a dotted netmask) plus a bridge port that
 * exists nowhere. The panel shows every problem with its line, marks the rows, never crashes, and
 * an edit elsewhere changes only its own line: nothing is "fixed" behind the admin's back.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { stagedText } from './support/engine';
import { expect, test } from './support/fixtures';
import { changesPane, field, ifaceRow, openEdit, signIn, submit, type } from './support/ui';

const LIVE = `auto lo
iface lo inet loopback

iface eth1 inet manual

iface eth2 inet manual

auto bond0
iface bond0 inet maunal
slaves eth1 eth2
bond_miimon 100
bond_mode 802.3ad
bond_xmit_hash_policy layer2+3

auto vmbr0
iface vmbr0 inet static
address 10.10.10.2
netmask 255.255.255.0
gateway 10.10.10.1
bridge_ports bond0
bridge_stp off
bridge_fd 0

auto vmbr1
iface vmbr1 inet manual
	bridge-ports eth9
	bridge-stp off
	bridge-fd 0
`;

test('the seed\'s slips are reported with their lines, and an edit elsewhere changes one line only', async ({ page, demo }) => {
  await writeFile(demo.live, LIVE);
  await signIn(page, demo);

  const banner = page.getByRole('region', { name: 'The configuration has 1 error, 2 warnings' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(/line 9\b.*maunal/);
  await expect(banner).toContainText(/line 10\b.*slaves/);
  await expect(banner).toContainText(/eth9/);
  await expect(ifaceRow(page, 'bond0').getByRole('img', { name: /maunal/ })).toBeVisible();
  await expect(ifaceRow(page, 'vmbr1').getByRole('img', { name: /eth9/ })).toBeVisible();

  const dialog = await openEdit(page, 'vmbr0');
  await expect(field(dialog, 'IPv4/CIDR')).toHaveValue('10.10.10.2/24');
  await type(dialog, 'IPv4/CIDR', '10.10.10.3/24');
  await submit(dialog, 'Save');
  await expect(changesPane(page)).toContainText('10.10.10.3');

  const before = LIVE.split('\n');
  const after = (await stagedText(demo))!.split('\n');
  expect(after).toHaveLength(before.length);
  const changed = before.flatMap((line, i) => (line === after[i] ? [] : [`${line} -> ${after[i]}`]));
  expect(changed, 'only the address line changed, in its own spelling (no indentation added)').toEqual(['address 10.10.10.2 -> address 10.10.10.3']);
  expect(await readFile(demo.live, 'utf8')).toBe(LIVE);
  // The banner still reports the slips: staging an edit did not hide or fix them.
  await expect(banner).toContainText('maunal');
  await expect(banner).toContainText('eth9');
});
