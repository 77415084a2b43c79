/**
 * Create / edit a Linux bond (bond.ts). The Mode select lists all seven modes with their
 * one-line descriptions; only the fields of the chosen mode are shown, and switching modes goes
 * through switchBondMode so the values never carry a field the mode does not have.
 */
import { Stack, Text } from '@mantine/core';
import { useFormContext, useWatch } from 'react-hook-form';
import { BOND_MODES, type BondMode } from '../../../interfaces/types';
import { BOND_MODE_INFO, bondFormSchema, fieldsForMode, LACP_RATES, switchBondMode, XMIT_HASH_POLICIES, type BondFormInput } from '../../../schema/bond';
import { CommonFields } from './CommonFields';
import { createBondValues, editValues } from './defaults';
import { DevicePicker } from './DevicePicker';
import { NumberField, SelectField } from './fields';
import type { InterfaceFormProps } from './form-props';
import { SchemaForm } from './SchemaForm';
import { useInterfaceSubmit } from './use-interface-submit';

const MODE_DATA = BOND_MODES.map((m) => ({ value: m, label: `${m}: ${BOND_MODE_INFO[m].label}` }));

export function BondForm({ network, model, onDone, onCancel }: InterfaceFormProps) {
  const { submit, plan } = useInterfaceSubmit('bond', model?.name, network.digest);
  return (
    <SchemaForm
      schema={bondFormSchema}
      defaultValues={model ? editValues.bond(model) : createBondValues(network)}
      submitLabel={model ? 'Save' : 'Create'}
      onSubmit={submit}
      plan={plan}
      onDone={(v, result) => onDone([v.name], result)}
      onCancel={onCancel}
      network={network}
    >
      <BondFields network={network} editing={Boolean(model)} />
    </SchemaForm>
  );
}

function BondFields({ network, editing }: { network: InterfaceFormProps['network']; editing: boolean }) {
  const { control, getValues, reset } = useFormContext();
  const [name, mode, slaves] = useWatch({ control, name: ['name', 'mode', 'slaves'] }) as [string, BondMode, string[]];
  const fields = fieldsForMode(mode);
  const changeMode = (next: string) => {
    if (next && next !== mode) reset(switchBondMode(getValues() as BondFormInput, next as BondMode), { keepDefaultValues: true, keepTouched: true, keepDirty: true });
  };
  return (
    <CommonFields
      nameReadOnly={editing}
      nameDeps={['slaves']}
      left={
        <>
          <NumberField name="miimon" placeholder="100" description="Link check interval; 0 turns it off" deps={['updelay', 'downdelay']} />
          <NumberField name="updelay" placeholder="0" description="A multiple of the MII interval" />
          <NumberField name="downdelay" placeholder="0" description="A multiple of the MII interval" />
        </>
      }
    >
      <DevicePicker name="slaves" network={network} purpose="slave" exclude={name} multiple aria-required deps={['primary']} />
      <SelectField
        name="mode"
        data={MODE_DATA}
        description={BOND_MODE_INFO[mode]?.description}
        onValueChange={changeMode}
        renderOption={({ option }) => (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            <Text size="xs" c="dimmed">
              {BOND_MODE_INFO[option.value as BondMode].description}
            </Text>
          </Stack>
        )}
        comboboxProps={{ width: 420, position: 'bottom-start' }}
        maxDropdownHeight={360}
      />
      {fields.includes('xmitHashPolicy') && <SelectField name="xmitHashPolicy" data={[...XMIT_HASH_POLICIES]} placeholder="Default (layer2)" clearable />}
      {fields.includes('lacpRate') && <SelectField name="lacpRate" data={[...LACP_RATES]} placeholder="Default (slow)" clearable />}
      {fields.includes('primary') && (
        <SelectField
          name="primary"
          data={[...new Set([...(slaves ?? []), ...(getValues('primary') ? [getValues('primary') as string] : [])])]}
          placeholder="None"
          description="One of the slaves, preferred while its link is up"
          clearable
          nothingFoundMessage="Add slaves first"
        />
      )}
    </CommonFields>
  );
}
