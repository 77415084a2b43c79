/** In the apply dialog: which interfaces change, how many lines, and the diff on demand. */
import { Button, Loader, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import type { PendingStatus } from '../../../../schema/responses';
import { useChanges } from '../../changes';
import { diffStats, statsText } from '../lib/diff';
import { DiffBlock } from './diff-block';

export function ChangeSummary({ statuses }: { statuses: Record<string, PendingStatus> }) {
  const changes = useChanges();
  const [open, setOpen] = useState(false);
  const diffId = useId();
  const names = Object.entries(statuses).map(([name, status]) => `${name} (${status})`);
  const diff = changes.data?.diff ?? '';
  return (
    <Stack gap={4}>
      <Text size="sm">
        <strong>Changes:</strong> {names.length ? names.join(', ') : 'lines outside any interface'}
        {changes.data && `; ${statsText(diffStats(diff))}`}
      </Text>
      {changes.isPending && <Loader size="xs" aria-label="Loading the diff" />}
      {changes.data && (
        <div>
          <Button variant="default" size="compact-sm" aria-expanded={open} aria-controls={diffId} onClick={() => setOpen((v) => !v)}>
            {open ? 'Hide the diff' : 'Show the diff'}
          </Button>
          <div id={diffId} hidden={!open} style={{ marginTop: 'var(--mantine-spacing-xs)' }}>
            {open && <DiffBlock diff={diff} caption="Diff (live → staged)" />}
          </div>
        </div>
      )}
    </Stack>
  );
}
