/** Create / edit a Linux bridge (bridge.ts). */
import { useFormContext, useWatch } from 'react-hook-form';
import { bridgeFormSchema, DEFAULT_BRIDGE_VIDS, FD_MIN_STP } from '../../../schema/bridge';
import { bridgeNameHint } from '../../../schema/names';
import { CommonFields } from './CommonFields';
import { createBridgeValues, editValues } from './defaults';
import { DevicePicker } from './DevicePicker';
import { CheckboxField, NumberField, TextField } from './fields';
import type { InterfaceFormProps } from './form-props';
import { SchemaForm } from './SchemaForm';
import { useInterfaceSubmit } from './use-interface-submit';

export function BridgeForm({ network, model, onDone, onCancel }: InterfaceFormProps) {
  const { submit, plan } = useInterfaceSubmit('bridge', model?.name, network.digest);
  return (
    <SchemaForm
      schema={bridgeFormSchema}
      defaultValues={model ? editValues.bridge(model) : createBridgeValues(network)}
      submitLabel={model ? 'Save' : 'Create'}
      onSubmit={submit}
      plan={plan}
      onDone={(v, result) => onDone([v.name], result)}
      onCancel={onCancel}
      network={network}
    >
      <BridgeFields network={network} editing={Boolean(model)} />
    </SchemaForm>
  );
}

function BridgeFields({ network, editing }: { network: InterfaceFormProps['network']; editing: boolean }) {
  const { control, getValues, setValue } = useFormContext();
  const [name, vlanAware] = useWatch({ control, name: ['name', 'vlanAware'] }) as [string, boolean];
  return (
    <CommonFields nameReadOnly={editing} nameDescription={bridgeNameHint(name)} nameDeps={['ports']}>
      <DevicePicker name="ports" network={network} purpose="port" exclude={name} multiple placeholder="None" description="Empty: a bridge without ports (bridge-ports none)" />
      <CheckboxField
        name="vlanAware"
        deps={['vids']}
        onValueChange={(on) => {
          if (on && !getValues('vids')) setValue('vids', DEFAULT_BRIDGE_VIDS, { shouldValidate: true });
          if (!on) setValue('vids', '', { shouldValidate: true });
        }}
      />
      {vlanAware && <TextField name="vids" description="IDs and ranges separated by spaces, e.g. 2-4094 or 10 20 30-40" autoComplete="off" spellCheck={false} />}
      <CheckboxField
        name="stp"
        deps={['fd']}
        onValueChange={(on) => {
          if (on && (getValues('fd') ?? 0) < FD_MIN_STP) setValue('fd', FD_MIN_STP, { shouldValidate: true });
        }}
      />
      <NumberField name="fd" description="Seconds; 2-30 with STP on" placeholder="0" />
    </CommonFields>
  );
}
