/**
 * The VLAN form's three naming styles, by clicking and typing: `eth0.50` fills raw device and tag
 * (read-only), `vlan60` fills the tag and asks for the raw device, any other name asks for both;
 * the VLAN protocol (802.1ad, QinQ) is written only when chosen. Checked on the staged file's model.
 */
import { readFile } from 'node:fs/promises';
import { stagedModel, stagedText } from './support/engine';
import { expect, test } from './support/fixtures';
import { changesPane, choose, chooseOrType, field, openCreate, signIn, submit, type } from './support/ui';

test('eth0.50, vlan60 on eth1 and "storage" on eth2 with tag 70 over 802.1ad', async ({ page, demo }) => {
  await signIn(page, demo);

  // eth0.50: everything from the name.
  let dialog = await openCreate(page, 'Linux VLAN');
  await type(dialog, 'Name', 'eth0.50');
  await expect(field(dialog, 'VLAN raw device')).toHaveValue('eth0');
  await expect(field(dialog, 'VLAN tag')).toHaveValue('50');
  await expect(field(dialog, 'VLAN raw device')).toHaveAttribute('readonly', '');
  await expect(field(dialog, 'VLAN tag')).toHaveAttribute('readonly', '');
  await submit(dialog);

  // vlan60: the tag from the name, the raw device asked for.
  dialog = await openCreate(page, 'Linux VLAN');
  await type(dialog, 'Name', 'vlan60');
  await expect(field(dialog, 'VLAN tag')).toHaveValue('60');
  await expect(dialog.getByRole('button', { name: 'Create', exact: true })).toBeDisabled();
  await chooseOrType(dialog, 'VLAN raw device', 'eth1');
  await submit(dialog);

  // Any name: raw device and tag asked for; QinQ chosen.
  dialog = await openCreate(page, 'Linux VLAN');
  await type(dialog, 'Name', 'storage');
  await chooseOrType(dialog, 'VLAN raw device', 'eth2');
  await type(dialog, 'VLAN tag', '70');
  await choose(dialog, 'VLAN protocol', '802.1ad');
  await submit(dialog);

  await expect(changesPane(page)).toContainText('storage');
  expect((await stagedModel(demo, 'eth0.50'))?.vlan).toEqual({ rawDevice: 'eth0', id: 50 });
  expect((await stagedModel(demo, 'vlan60'))?.vlan).toEqual({ rawDevice: 'eth1', id: 60 });
  expect((await stagedModel(demo, 'storage'))?.vlan).toEqual({ rawDevice: 'eth2', id: 70, protocol: '802.1ad' });
  for (const name of ['eth0.50', 'vlan60', 'storage']) expect((await stagedModel(demo, name))?.type, name).toBe('vlan');
  const staged = (await stagedText(demo))!;
  expect(staged.match(/vlan-protocol/g), 'vlan-protocol only where chosen').toHaveLength(1);
  expect(staged).not.toMatch(/iface eth0\.50[^\n]*\n(\s+\S[^\n]*\n)*\s+vlan-raw-device/); // implied by the name: not written
  expect(await readFile(demo.live)).toEqual(demo.liveAtStart);
});
