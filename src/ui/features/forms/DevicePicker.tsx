/**
 * Picks devices for a field: several (MultiSelect: bridge ports, bond slaves) or one
 * (Autocomplete, so a device the host does not list can still be typed: VLAN raw device, public
 * interface). Options come from deviceOptions(): enslaved devices disabled, with the reason.
 */
import { Autocomplete, MultiSelect, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useController } from 'react-hook-form';
import type { NetworkResponse } from '../../../schema/responses';
import { deviceOptions, type DevicePurpose } from './devices';
import { COMBOBOX_PROPS, useFieldError } from './fields';
import { FIELD_LABELS, type FieldPath } from './labels';

export interface DevicePickerProps {
  name: FieldPath;
  network: Pick<NetworkResponse, 'interfaces' | 'nics'>;
  purpose: DevicePurpose;
  /** The interface the form edits (or creates): not offered. */
  exclude?: string;
  multiple?: boolean;
  description?: ReactNode;
  readOnly?: boolean;
  variant?: 'default' | 'filled';
  placeholder?: string;
  deps?: FieldPath[];
  'aria-required'?: boolean;
}

export function DevicePicker({ name, network, purpose, exclude, multiple, deps, ...rest }: DevicePickerProps) {
  const { field, fieldState } = useController({ name, rules: { deps } });
  const error = useFieldError(name, fieldState);
  const value = field.value as string[] | string | undefined;
  const selected = Array.isArray(value) ? value : value ? [value] : [];
  const options = deviceOptions(network, { purpose, exclude, selected });
  const common = { label: FIELD_LABELS[name], name: field.name, ref: field.ref, onBlur: field.onBlur, error, ...rest };

  if (multiple)
    return (
      <MultiSelect
        {...common}
        data={options}
        value={selected}
        onChange={(v) => field.onChange(v)}
        searchable
        nothingFoundMessage="No such device"
        comboboxProps={COMBOBOX_PROPS}
      />
    );

  const labels = new Map(options.map((o) => [o.value, o.label]));
  return (
    <Autocomplete
      {...common}
      data={options.map(({ value, disabled }) => ({ value, disabled }))}
      value={typeof value === 'string' ? value : ''}
      onChange={(v) => field.onChange(v)}
      renderOption={({ option }) => <Text size="sm">{labels.get(option.value) ?? option.value}</Text>}
      comboboxProps={COMBOBOX_PROPS}
      autoComplete="off"
    />
  );
}
