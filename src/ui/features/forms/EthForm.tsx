/** Create / edit the stanza of a network device (eth.ts): the common fields only. */
import { Autocomplete } from '@mantine/core';
import { useController } from 'react-hook-form';
import { ethFormSchema } from '../../../schema/eth';
import { CommonFields } from './CommonFields';
import { createEthValues, editValues } from './defaults';
import { unconfiguredNics } from './devices';
import type { InterfaceFormProps } from './form-props';
import { COMBOBOX_PROPS, useFieldError } from './fields';
import { FIELD_LABELS } from './labels';
import { SchemaForm } from './SchemaForm';
import { useInterfaceSubmit } from './use-interface-submit';

export function EthForm({ network, model, onDone, onCancel }: InterfaceFormProps) {
  const { submit, plan } = useInterfaceSubmit('eth', model?.name, network.digest);
  return (
    <SchemaForm
      schema={ethFormSchema}
      defaultValues={model ? editValues.eth(model) : createEthValues(network)}
      submitLabel={model ? 'Save' : 'Create'}
      onSubmit={submit}
      plan={plan}
      onDone={(v, result) => onDone([v.name], result)}
      onCancel={onCancel}
      network={network}
    >
      <CommonFields nameReadOnly={Boolean(model)} nameInput={model ? undefined : <NicNameInput nics={unconfiguredNics(network)} />} />
    </SchemaForm>
  );
}

/** Name of a create form: the host's NICs that have no stanza yet, or any name typed. */
function NicNameInput({ nics }: { nics: string[] }) {
  const { field, fieldState } = useController({ name: 'name' });
  const error = useFieldError('name', fieldState);
  return (
    <Autocomplete
      label={FIELD_LABELS.name}
      aria-required
      description={nics.length ? 'A network device without a configuration yet' : undefined}
      data={nics}
      name={field.name}
      ref={field.ref}
      value={(field.value as string) ?? ''}
      onChange={field.onChange}
      onBlur={field.onBlur}
      error={error}
      comboboxProps={COMBOBOX_PROPS}
      autoComplete="off"
      data-autofocus
    />
  );
}
