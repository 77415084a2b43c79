/**
 * The bond form and the seven Linux bond modes: the Mode select lists all seven, and for each mode
 * the form shows exactly the mode-specific fields that apply to it (fieldsForMode in
 * src/schema/bond.ts: xmitHashPolicy → "Hash policy", primary → "Bond primary", lacpRate → "LACP
 * rate"); a bond created in each mode is staged with that mode and its fields.
 */
import { readFile } from 'node:fs/promises';
import { BOND_MODES, type BondMode } from '../src/interfaces/types';
import { BOND_MODE_INFO, fieldsForMode, type BondModeField } from '../src/schema/bond';
import { stagedModel } from './support/engine';
import { expect, test } from './support/fixtures';
import { choose, chooseOrType, field, openCreate, setNames, signIn, submit, type } from './support/ui';

const LABEL: Record<BondModeField, string> = { xmitHashPolicy: 'Hash policy', primary: 'Bond primary', lacpRate: 'LACP rate' };
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The option of a mode: its accessible name starts with the mode's key (802.3ad) or its label
 * (LACP (IEEE 802.3ad)). Anchored, because descriptions mention other modes ("balance-tlb plus …").
 */
function modeOption(mode: BondMode): RegExp {
  return new RegExp(`^\\s*(${escape(mode)}|${escape(BOND_MODE_INFO[mode].label)})($|[^\\w-])`);
}

test('the Mode select lists the seven modes, and each mode shows exactly its fields', async ({ page, demo }) => {
  await signIn(page, demo);
  const dialog = await openCreate(page, 'Linux Bond');

  await field(dialog, 'Mode').click();
  const options = page.getByRole('option');
  await expect(options).toHaveCount(BOND_MODES.length);
  const names = await options.allInnerTexts();
  for (const mode of BOND_MODES) expect(names.filter((n) => modeOption(mode).test(n)), `exactly one option for ${mode} among ${JSON.stringify(names)}`).toHaveLength(1);
  await dialog.getByRole('heading').first().click();

  for (const mode of BOND_MODES) {
    await choose(dialog, 'Mode', modeOption(mode));
    const shown = fieldsForMode(mode);
    for (const f of Object.keys(LABEL) as BondModeField[]) {
      const input = field(dialog, LABEL[f]);
      if (shown.includes(f)) await expect(input, `${mode}: "${LABEL[f]}" is shown`).toBeVisible();
      else await expect(input, `${mode}: "${LABEL[f]}" is not shown`).toHaveCount(0);
    }
    // The fields every mode has stay.
    for (const label of ['Name', 'Slaves', 'MII monitoring (ms)', 'IPv4/CIDR']) await expect(field(dialog, label), `${mode}: "${label}"`).toBeVisible();
  }
});

/** What to enter in a mode's specific fields, and what the model must then say. */
const SPECIFIC: Record<BondModeField, { enter: string; model: string }> = {
  xmitHashPolicy: { enter: 'layer3+4', model: 'layer3+4' },
  primary: { enter: 'eth1', model: 'eth1' },
  lacpRate: { enter: 'fast', model: 'fast' },
};

for (const mode of BOND_MODES) {
  test(`a ${mode} bond is staged with its mode`, async ({ page, demo }) => {
    await signIn(page, demo);
    const dialog = await openCreate(page, 'Linux Bond');
    await type(dialog, 'Name', 'bond1');
    await setNames(dialog, 'Slaves', ['eth1', 'eth2']);
    await choose(dialog, 'Mode', modeOption(mode));
    for (const f of fieldsForMode(mode)) await chooseOrType(dialog, LABEL[f], SPECIFIC[f].enter);
    await submit(dialog, 'Create');

    const bond = await stagedModel(demo, 'bond1');
    expect(bond?.type).toBe('bond');
    expect(bond?.bond?.mode).toBe(mode);
    expect(bond?.bond?.slaves).toEqual(['eth1', 'eth2']);
    for (const f of ['xmitHashPolicy', 'primary', 'lacpRate'] as const)
      expect(bond?.bond?.[f], `${mode}: ${f}`).toBe(fieldsForMode(mode).includes(f) ? SPECIFIC[f].model : undefined);
    expect(await readFile(demo.live)).toEqual(demo.liveAtStart);
  });
}
