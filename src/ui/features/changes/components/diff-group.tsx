/** One interface's pending lines, with a "Revert" button per interface it touches. */
import { Button, Group, Paper, Text } from '@mantine/core';
import { useId } from 'react';
import type { PendingStatus } from '../../../../schema/responses';
import type { DiffGroup } from '../lib/group-hunks';
import classes from './changes.module.css';
import { DiffLines } from './diff-lines';

export interface DiffGroupViewProps {
  group: DiffGroup;
  /** Pending status per interface (GET /network's `changes`): only those get a Revert button. */
  statuses: Record<string, PendingStatus>;
  onRevert: (name: string) => void;
  reverting: string | null;
}

export function DiffGroupView({ group, statuses, onRevert, reverting }: DiffGroupViewProps) {
  const titleId = useId();
  const parts = group.names.map((n) => (statuses[n] ? `${n} (${statuses[n]})` : n));
  if (group.unowned) parts.push(group.names.length ? 'lines outside any interface' : 'Outside any interface');
  if (group.unidentified) parts.push(parts.length ? 'lines of an interface not shown in the diff' : 'Lines of an interface not shown in the diff');
  const title = parts.join(', ');
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
