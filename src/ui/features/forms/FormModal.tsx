/**
 * The modal the table opens a form in. An edit form reads its interface from `network` (nothing
 * extra is fetched); the form is remounted when the target changes.
 */
import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ComponentType } from 'react';
import type { NetworkResponse } from '../../../schema/responses';
import { BondForm } from './BondForm';
import { BridgeForm } from './BridgeForm';
import { EthForm } from './EthForm';
import type { InterfaceFormProps } from './form-props';
import type { FormKind, FormTarget } from './kind';
import { formTitle } from './labels';
import { SetupForm } from './SetupForm';
import { stagedNotice } from './staged-notice';
import { VlanForm } from './VlanForm';

const FORMS: Record<FormKind, ComponentType<InterfaceFormProps>> = { bridge: BridgeForm, bond: BondForm, vlan: VlanForm, eth: EthForm };

type SetupTarget = Extract<FormTarget, { kind: 'routed' | 'nat' }>;
type InterfaceTarget = Exclude<FormTarget, SetupTarget>;
const isSetup = (t: FormTarget): t is SetupTarget => t.kind === 'routed' || t.kind === 'nat';

export interface FormModalProps {
  target: FormTarget | null;
  network: NetworkResponse;
  onClose: () => void;
}

export function FormModal({ target, network, onClose }: FormModalProps) {
  if (!target) return null;
  const key = target.mode === 'edit' ? `edit:${target.kind}:${target.name}` : `create:${target.kind}`;
  const done: InterfaceFormProps['onDone'] = (names, result) => {
    notifications.show({ ...stagedNotice(names, result) });
    onClose();
  };
  return (
    <Modal opened onClose={onClose} title={formTitle(target)} size="xl" closeButtonProps={{ 'aria-label': 'Close' }}>
      {isSetup(target) ? (
        <SetupForm key={key} kind={target.kind} network={network} onDone={done} onCancel={onClose} />
      ) : (
        <InterfaceForm key={key} target={target} network={network} onDone={done} onClose={onClose} />
      )}
    </Modal>
  );
}

function InterfaceForm({ target, network, onDone, onClose }: { target: InterfaceTarget; network: NetworkResponse; onDone: InterfaceFormProps['onDone']; onClose: () => void }) {
  const Form = FORMS[target.kind];
  if (target.mode === 'create') return <Form network={network} onDone={onDone} onCancel={onClose} />;
  const model = network.interfaces.find((m) => m.name === target.name);
  if (!model)
    return (
      <Stack>
        <Alert color="yellow" title={`${target.name} is not in the configuration`}>
          It was removed or renamed meanwhile. Close this dialog and pick it again from the list.
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
        </Group>
      </Stack>
    );
  return <Form network={network} model={model} onDone={onDone} onCancel={onClose} />;
}
