/**
 * The pending changes (live → staged) under the table, grouped by the interfaces the server says
 * each hunk changes, each group with a Revert per interface. Loaded lazily: only hosts with
 * something pending need it.
 */
import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { PendingStatus } from '../../../../schema/responses';
import { errorMessage } from '../../../api/errors';
import { useChanges } from '../api/get-changes';
import { useRevertInterface } from '../api/revert-interface';
import { linesSummary, summarizeDiff } from '../lib/group-hunks';
import classes from './changes.module.css';
import { DiffGroupView } from './diff-group';

const FIRST_GROUPS = 50;

export interface ChangesPaneProps {
  /** GET /network's `changes`: which interfaces are added, changed or removed. */
  statuses: Record<string, PendingStatus>;
}

export function ChangesPane({ statuses: listStatuses }: ChangesPaneProps) {
  const changes = useChanges();
  const revert = useRevertInterface();
  const [allGroups, setAllGroups] = useState(false);
  // The statuses read with the diff (the list's may be a refetch behind or ahead).
  const statuses = changes.data?.changes ?? listStatuses;
  const summary = useMemo(() => summarizeDiff(changes.data?.diff ?? '', changes.data?.hunks), [changes.data?.diff, changes.data?.hunks]);
  const reverting = revert.isPending ? revert.variables.name : null;
  const onRevert = (name: string) => {
    if (changes.data) revert.mutate({ name, digest: changes.data.digest });
  };
  const count = Object.keys(statuses).length;
  const groups = allGroups ? summary.groups : summary.groups.slice(0, FIRST_GROUPS);

  return (
    <Paper component="section" withBorder p="sm" aria-labelledby="pending-changes-title" data-testid="changes-pane">
      <Group justify="space-between" mb="xs" gap="xs">
        <Group gap="sm" align="baseline">
          <Title order={2} size="h4" id="pending-changes-title">
            Pending changes
          </Title>
          {changes.data && (
            <Text size="sm" c="dimmed" data-testid="changes-summary">
              {linesSummary(summary)} in {count} {count === 1 ? 'interface' : 'interfaces'}
            </Text>
          )}
        </Group>
        {changes.data && (
          <Text size="xs" c="dimmed">
            {changes.data.files.live} → {changes.data.files.staged}
          </Text>
        )}
      </Group>
      {changes.isPending && <Loader size="sm" aria-label="Loading the pending changes" />}
      {changes.isError && (
        <Alert color="red" title="The pending changes could not be loaded">
          {errorMessage(changes.error)}
        </Alert>
      )}
      {changes.data && !summary.groups.length && <Text size="sm">The staged file is the same as the live one.</Text>}
      {summary.groups.length > 0 && (
        <div className={classes.scroller} tabIndex={0} role="region" aria-label="Diff of the pending changes">
          <Stack gap="xs">
            {groups.map((g) => (
              <DiffGroupView key={g.key} group={g} statuses={statuses} onRevert={onRevert} reverting={reverting} />
            ))}
            {summary.groups.length > FIRST_GROUPS && (
              <Button variant="subtle" size="compact-sm" onClick={() => setAllGroups((v) => !v)}>
                {allGroups ? 'Show fewer' : `Show all ${summary.groups.length} groups`}
              </Button>
            )}
          </Stack>
        </div>
      )}
    </Paper>
  );
}

export default ChangesPane;
