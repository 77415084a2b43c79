/** One apply in the history: when, who, its status and outcome; details (diff, outputs) on demand. */
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import type { ApplyRecord } from '../../../../server/apply/types';
import { diffStats, statsText } from '../lib/diff';
import { outcomeSentence } from '../lib/status';
import { formatTime } from '../lib/time';
import { ApplyStatusBadge } from './apply-status-badge';
import { DiffBlock } from './diff-block';
import { OutcomeDetails } from './outcome-details';

export function HistoryEntry({ record }: { record: ApplyRecord }) {
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  return (
    <Paper component="li" withBorder p="sm" data-apply-id={record.id}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Title order={3} size="h6">
            {formatTime(record.startedAt)} by {record.user}
          </Title>
          <ApplyStatusBadge status={record.status} />
        </Group>
        <Text size="sm">{outcomeSentence(record)}</Text>
        <Group gap="xs">
          <Text size="xs" c="dimmed">
            {statsText(diffStats(record.diff))} · checked by {record.check.tool === 'ifupdown2' ? 'ifupdown2 and netstage' : 'netstage'}
          </Text>
          <Button variant="default" size="compact-xs" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen((v) => !v)}>
            {open ? 'Hide details' : 'Show details'}
          </Button>
        </Group>
        <div id={detailsId} hidden={!open}>
          {open && (
            <Stack gap="sm">
              <DiffBlock diff={record.diff} caption="Diff (live before → after)" truncated={record.diffTruncated} />
              <OutcomeDetails record={record} withSentence={false} />
            </Stack>
          )}
        </div>
      </Stack>
    </Paper>
  );
}
