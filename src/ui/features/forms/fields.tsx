/**
 * Inputs bound to the surrounding form (react-hook-form context) by their value path. Each takes
 * its label from FIELD_LABELS and shows the field's first error through Mantine's `error`
 * (which links it with aria-describedby and sets aria-invalid): the schema's or the server's
 * (react-hook-form's errors), else the whole-file check's (FileProblemsContext).
 */
import { Checkbox, NumberInput, Select, TextInput, type CheckboxProps, type NumberInputProps, type SelectProps, type TextInputProps } from '@mantine/core';
import { createContext, useContext } from 'react';
import { useController, type ControllerFieldState } from 'react-hook-form';
import { emptyToUndefined } from '../../../schema/common';
import { firstErrorMessage } from './form-errors';
import { FIELD_LABELS, type FieldPath } from './labels';

/**
 * Mantine 9 keeps a closed dropdown's listbox in the DOM, labelled like its input, so
 * getByLabel('Mode') would find two elements; mount it only while open.
 */
export const COMBOBOX_PROPS = { keepMounted: false } as const;

/**
 * The whole-file check's problems per field path (SchemaForm provides them). Not react-hook-form
 * errors: those are the schema's verdict, redone on every change and at submit, which would wipe
 * a problem the debounced check found until it runs again.
 */
export const FileProblemsContext = createContext<ReadonlyMap<string, string>>(new Map());

/** The message a bound input shows: its own error first, else the whole-file check's. */
export function useFieldError(name: string, fieldState: ControllerFieldState): string | undefined {
  const fileProblems = useContext(FileProblemsContext);
  return firstErrorMessage(fieldState.error) ?? fileProblems.get(name);
}

interface Bound<T> {
  name: FieldPath;
  /** Called with the new value after the form has it (for fields that fill others). */
  onValueChange?: (value: T) => void;
  /** Fields whose validation depends on this one: re-checked when it changes. */
  deps?: FieldPath[];
}

export function TextField({ name, onValueChange, deps, ...rest }: Bound<string> & Omit<TextInputProps, 'name' | 'value' | 'onChange'>) {
  const { field, fieldState } = useController({ name, rules: { deps } });
  const error = useFieldError(name, fieldState);
  return (
    <TextInput
      label={FIELD_LABELS[name]}
      {...rest}
      name={field.name}
      ref={field.ref}
      value={(field.value as string | undefined) ?? ''}
      onBlur={field.onBlur}
      onChange={(e) => {
        field.onChange(e.currentTarget.value);
        onValueChange?.(e.currentTarget.value);
      }}
      error={error}
    />
  );
}

/** A whole number; empty means "not set" (undefined), as emptyToUndefined defines. */
export function NumberField({ name, onValueChange, deps, ...rest }: Bound<number | undefined> & Omit<NumberInputProps, 'name' | 'value' | 'onChange'>) {
  const { field, fieldState } = useController({ name, rules: { deps } });
  const error = useFieldError(name, fieldState);
  const value = field.value as number | undefined;
  return (
    <NumberInput
      label={FIELD_LABELS[name]}
      allowDecimal={false}
      allowNegative={false}
      {...rest}
      name={field.name}
      ref={field.ref}
      value={value === undefined || Number.isNaN(value) ? '' : value}
      onBlur={field.onBlur}
      onChange={(v) => {
        const n = emptyToUndefined(v);
        field.onChange(n);
        onValueChange?.(n);
      }}
      error={error}
    />
  );
}

export function CheckboxField({ name, onValueChange, deps, ...rest }: Bound<boolean> & Omit<CheckboxProps, 'name' | 'checked' | 'onChange'>) {
  const { field, fieldState } = useController({ name, rules: { deps } });
  const error = useFieldError(name, fieldState);
  return (
    <Checkbox
      label={FIELD_LABELS[name]}
      {...rest}
      name={field.name}
      ref={field.ref}
      checked={Boolean(field.value)}
      onBlur={field.onBlur}
      onChange={(e) => {
        field.onChange(e.currentTarget.checked);
        onValueChange?.(e.currentTarget.checked);
      }}
      error={error}
    />
  );
}

/** A choice among fixed values; '' (not set) shows as the placeholder and is what clearing sets. */
export function SelectField({ name, onValueChange, deps, ...rest }: Bound<string> & Omit<SelectProps, 'name' | 'value' | 'onChange'>) {
  const { field, fieldState } = useController({ name, rules: { deps } });
  const error = useFieldError(name, fieldState);
  return (
    <Select
      label={FIELD_LABELS[name]}
      allowDeselect={false}
      {...rest}
      comboboxProps={{ ...COMBOBOX_PROPS, ...rest.comboboxProps }}
      name={field.name}
      ref={field.ref}
      value={(field.value as string | undefined) || null}
      onBlur={field.onBlur}
      onChange={(v) => {
        field.onChange(v ?? '');
        onValueChange?.(v ?? '');
      }}
      error={error}
    />
  );
}
