/**
 * The fields every interface form shares (common.ts): Name, IPv4/IPv6 with gateways, Autostart,
 * MTU, Comment. The form's own fields go in `children`, in the right-hand column.
 */
import { SimpleGrid, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { TextField, CheckboxField, NumberField } from './fields';
import type { FieldPath } from './labels';

export interface CommonFieldsProps {
  /** Edit forms cannot rename. */
  nameReadOnly?: boolean;
  /** Replaces the Name text input (e.g. a picker of unconfigured NICs). */
  nameInput?: ReactNode;
  nameDescription?: ReactNode;
  onNameChange?: (name: string) => void;
  /** Fields whose rules involve the name (a bridge is not its own port …). */
  nameDeps?: FieldPath[];
  /** The form's own fields, right-hand column. */
  children?: ReactNode;
  /** More of the form's own fields, under the addresses (left-hand column). */
  left?: ReactNode;
}

export function CommonFields({ nameReadOnly, nameInput, nameDescription, onNameChange, nameDeps, children, left }: CommonFieldsProps) {
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" verticalSpacing="sm">
        <Stack gap="sm">
          {nameInput ?? (
            <TextField
              name="name"
              aria-required={!nameReadOnly}
              readOnly={nameReadOnly}
              variant={nameReadOnly ? 'filled' : 'default'}
              description={nameReadOnly ? 'Renaming is not supported.' : nameDescription}
              onValueChange={onNameChange}
              deps={nameDeps}
              autoComplete="off"
              spellCheck={false}
              data-autofocus={nameReadOnly ? undefined : true}
            />
          )}
          <TextField name="ipv4.cidr" placeholder="192.168.10.2/24" deps={['ipv4.gateway']} autoComplete="off" spellCheck={false} />
          <TextField name="ipv4.gateway" placeholder="192.168.10.1" autoComplete="off" spellCheck={false} />
          <TextField name="ipv6.cidr" placeholder="2001:db8::2/64" deps={['ipv6.gateway', 'mtu']} autoComplete="off" spellCheck={false} />
          <TextField name="ipv6.gateway" placeholder="2001:db8::1" autoComplete="off" spellCheck={false} />
          {left}
        </Stack>
        <Stack gap="sm">
          <CheckboxField name="autostart" description="Bring it up at boot (auto)" />
          {children}
          <NumberField name="mtu" placeholder="1500" description="Empty: the kernel's default" />
        </Stack>
      </SimpleGrid>
      <TextField name="comment" autoComplete="off" />
    </Stack>
  );
}
