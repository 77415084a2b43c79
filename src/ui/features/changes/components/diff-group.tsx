/**
 * One group of the pending diff: the hunks of an interface (or of the interfaces they change
 * together) with a "Revert" per interface, or the other lines (no interface's; no Revert of their
 * own: the toolbar's Revert takes them back with everything else).
 */
import { Button, Group, Paper, Text } from '@mantine/core';
import { useId } from 'react';
import type { PendingStatus } from '../../../../schema/responses';
import type { DiffGroup } from '../lib/group-hunks';
import classes from './changes.module.css';
import { DiffLines } from './diff-lines';

export interface DiffGroupViewProps {
  group: DiffGroup;
  /** Pending status per interface (GET /network/changes `changes`): only those get a Revert button. */
  statuses: Record<string, PendingStatus>;
  onRevert: (name: string) => void;
  reverting: string | null;
}

export function DiffGroupView({ group, statuses, onRevert, reverting }: DiffGroupViewProps) {
  const titleId = useId();
  const title = group.names.length ? group.names.map((n) => (statuses[n] ? `${n} (${statuses[n]})` : n)).join(', ') : 'Other lines';
  const revertable = group.names.filter((n) => statuses[n] !== undefined);
  return (
    <Paper withBorder component="section" aria-labelledby={titleId} data-testid="diff-group" data-names={group.names.join(' ')}>
      <Group justify="space-between" wrap="nowrap" px="sm" py={4} className={classes.groupHead}>
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <Text id={titleId} fw={600} size="sm" truncate>
            {title}
          </Text>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            +{group.added} −{group.removed}
          </Text>
        </Group>
        <Group gap={4} wrap="nowrap">
          {revertable.map((name) => (
            <Button
              key={name}
              size="compact-xs"
              variant="default"
              aria-label={`Revert ${name}`}
              loading={reverting === name}
              disabled={reverting !== null && reverting !== name}
              onClick={() => onRevert(name)}
            >
              {revertable.length > 1 ? `Revert ${name}` : 'Revert'}
            </Button>
          ))}
        </Group>
      </Group>
      <DiffLines hunks={group.hunks} />
    </Paper>
  );
}
