/**
 * The bridge between the table and the forms feature, loaded lazily with it (React.lazy): turns a
 * Create ▾ choice or an edited row into the forms' FormTarget (formKindFor decides what is
 * editable) and renders their FormModal.
 */
// The CSS of the Mantine components only the forms use: loaded with this lazy chunk, not at first load.
import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/CheckboxIndicator.css';
import '@mantine/core/styles/ScrollArea.css';
import '@mantine/core/styles/Combobox.css';
import '@mantine/core/styles/Pill.css';
import '@mantine/core/styles/PillsInput.css';
import '@mantine/core/styles/NumberInput.css';
import '@mantine/core/styles/SimpleGrid.css';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo } from 'react';
import type { InterfaceModel } from '../../interfaces/types';
import type { NetworkResponse } from '../../schema/responses';
import { FormModal, formKindFor, type FormTarget } from '../features/forms';
import type { CreateChoice } from '../features/interfaces';

export type FormRequest = { create: CreateChoice } | { edit: InterfaceModel };

export function toTarget(request: FormRequest | null): FormTarget | null {
  if (!request) return null;
  if ('create' in request) {
    const c = request.create;
    return c === 'routed' || c === 'nat' ? { kind: c, mode: 'create' } : { kind: c, mode: 'create' };
  }
  const kind = formKindFor(request.edit);
  return kind ? { kind, mode: 'edit', name: request.edit.name } : null;
}

export interface FormHostProps {
  request: FormRequest | null;
  network: NetworkResponse;
  onClose: () => void;
}

export default function FormHost({ request, network, onClose }: FormHostProps) {
  const target = useMemo(() => toTarget(request), [request]);
  const notEditable = request !== null && 'edit' in request && target === null ? request.edit : null;
  useEffect(() => {
    if (!notEditable) return;
    notifications.show({
      id: `not-editable-${notEditable.name}`,
      color: 'yellow',
      title: `${notEditable.name} cannot be edited here`,
      message: `netstage has no form for this kind of interface (${notEditable.type}). Its lines stay as they are in the file.`,
    });
    onClose();
  }, [notEditable, onClose]);
  return <FormModal target={target} network={network} onClose={onClose} />;
}
