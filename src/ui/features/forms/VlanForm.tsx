/**
 * Create / edit a Linux VLAN (vlan.ts). The name fills what it implies (vlanAutofill →
 * resolveVlan): `eth0.50` sets raw device and tag, `vlan50` the tag; those fields are then
 * read-only, the others are asked for. VLAN protocol: 802.1ad for QinQ (an outer tag); empty
 * writes no `vlan-protocol` line (the kernel's 802.1q).
 */
import { useFormContext, useWatch } from 'react-hook-form';
import { VLAN_PROTOCOLS, vlanFormSchema } from '../../../schema/vlan';
import { CommonFields } from './CommonFields';
import { createVlanValues, editValues } from './defaults';
import { DevicePicker } from './DevicePicker';
import { NumberField, SelectField } from './fields';
import type { InterfaceFormProps } from './form-props';
import { SchemaForm } from './SchemaForm';
import { useInterfaceSubmit } from './use-interface-submit';
import { vlanAutofill } from './vlan-autofill';

export function VlanForm({ network, model, onDone, onCancel }: InterfaceFormProps) {
  const { submit, plan } = useInterfaceSubmit('vlan', model?.name, network.digest);
  return (
    <SchemaForm
      schema={vlanFormSchema}
      defaultValues={model ? editValues.vlan(model) : createVlanValues()}
      submitLabel={model ? 'Save' : 'Create'}
      onSubmit={submit}
      plan={plan}
      onDone={(v, result) => onDone([v.name], result)}
      onCancel={onCancel}
      network={network}
    >
      <VlanFields network={network} editing={Boolean(model)} />
    </SchemaForm>
  );
}

function VlanFields({ network, editing }: { network: InterfaceFormProps['network']; editing: boolean }) {
  const { control, getValues, setValue, getFieldState, trigger } = useFormContext();
  const name = useWatch({ control, name: 'name' }) as string;
  const fill = vlanAutofill(name ?? '', {});

  const onNameChange = (next: string) => {
    const f = vlanAutofill(next, { rawDevice: getValues('rawDevice'), id: getValues('id') });
    if (f.rawDevice !== getValues('rawDevice')) setValue('rawDevice', f.rawDevice);
    if (f.id !== getValues('id')) setValue('id', f.id);
    // Re-check those fields only once the admin has met them: a half-typed name lights up nothing else.
    const met = (['rawDevice', 'id'] as const).filter((k) => getFieldState(k).isTouched || getFieldState(k).invalid);
    if (met.length) void trigger(met);
  };

  const fromName = `Set by the name ${name}`;
  return (
    <CommonFields
      nameReadOnly={editing}
      onNameChange={onNameChange}
      nameDescription="e.g. eth0.50, vlan50 (then choose the raw device) or any name (then give both)"
    >
      <DevicePicker
        name="rawDevice"
        network={network}
        purpose="raw"
        exclude={name}
        readOnly={fill.rawLocked}
        variant={fill.rawLocked ? 'filled' : 'default'}
        description={fill.rawLocked ? fromName : 'The interface that carries the VLAN'}
        placeholder="eth0"
        aria-required={!fill.rawLocked}
      />
      <NumberField name="id" readOnly={fill.idLocked} variant={fill.idLocked ? 'filled' : 'default'} description={fill.idLocked ? fromName : '1-4094'} placeholder="50" aria-required={!fill.idLocked} />
      <SelectField name="protocol" data={[...VLAN_PROTOCOLS]} placeholder="Default (802.1q)" description="802.1ad: QinQ (service tag)" clearable />
    </CommonFields>
  );
}
