/** "Remove vmbr1?": stages the removal (DELETE /network/:iface, If-Match the digest shown). */
import { Button, Group, Modal, Text } from '@mantine/core';
import { useRemoveInterface } from '../api/remove-interface';
import { typeLabel } from '../lib/columns';
import type { InterfaceRow } from '../lib/rows';

export interface RemoveDialogProps {
  row: InterfaceRow | null;
  digest: string;
  onClose: () => void;
  onRemoved?: (name: string) => void;
}

export function RemoveDialog({ row, digest, onClose, onRemoved }: RemoveDialogProps) {
  const remove = useRemoveInterface();
  const name = row?.model.name ?? '';
  const confirm = () => {
    if (!row) return;
    remove.mutate(
      { name, digest },
      {
        onSuccess: () => {
          onRemoved?.(name);
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened={row !== null} onClose={onClose} title={`Remove ${name}?`} centered>
      <Text size="sm">
        The {row ? typeLabel(row.model.type) : ''} <strong>{name}</strong> and its options are removed from the staged configuration
        (interfaces.new). Nothing changes on the host until the configuration is applied; you can revert it from the pending changes.
      </Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button color="red" onClick={confirm} loading={remove.isPending} data-autofocus>
          Remove
        </Button>
      </Group>
    </Modal>
  );
}
