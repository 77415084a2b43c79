/**
 * The toolbar above the table, as Proxmox VE's: Create ▾, Revert, Edit, Remove, and how many
 * interfaces have pending changes. `applySlot` holds the apply feature's buttons (Apply Configuration, Apply history).
 */
import { Badge, Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CreateChoice } from '../lib/create-items';
import { CreateMenu } from './create-menu';

export interface InterfacesToolbarProps {
  onCreate: (choice: CreateChoice) => void;
  onRevert: () => void;
  onEdit: () => void;
  onRemove: () => void;
  canEdit: boolean;
  canRemove: boolean;
  /** Interfaces with pending changes (0: nothing to revert). */
  pendingCount: number;
  /** Slot for the apply feature's buttons (features/apply: ApplyControls). */
  applySlot?: ReactNode;
  children?: ReactNode;
}

export function InterfacesToolbar({ onCreate, onRevert, onEdit, onRemove, canEdit, canRemove, pendingCount, applySlot, children }: InterfacesToolbarProps) {
  return (
    <Group gap="xs" wrap="wrap" role="toolbar" aria-label="Interfaces">
      <CreateMenu onCreate={onCreate} />
      <Button variant="default" onClick={onRevert} disabled={pendingCount === 0}>
        Revert
      </Button>
      <Button variant="default" onClick={onEdit} disabled={!canEdit}>
        Edit
      </Button>
      <Button variant="default" onClick={onRemove} disabled={!canRemove}>
        Remove
      </Button>
      {applySlot}
      {pendingCount > 0 && (
        <Badge size="lg" variant="filled" color="blue" tt="none" data-testid="pending-count" aria-label={`${pendingCount} ${pendingCount === 1 ? 'interface' : 'interfaces'} with pending changes`}>
          {pendingCount} pending
        </Badge>
      )}
      {children}
    </Group>
  );
}
