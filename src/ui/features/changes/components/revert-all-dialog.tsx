/** "Revert all pending changes?": says how many lines go back, then DELETE /network/changes. */
import { Button, Group, Loader, Modal, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useChanges } from '../api/get-changes';
import { useRevertAll } from '../api/revert-all';
import { countLines, linesSummary } from '../lib/group-hunks';

export interface RevertAllDialogProps {
  opened: boolean;
  onClose: () => void;
  /** Interfaces with pending changes. */
  interfaces: number;
}

export function RevertAllDialog({ opened, onClose, interfaces }: RevertAllDialogProps) {
  const changes = useChanges(opened);
  const revert = useRevertAll();
  const summary = useMemo(() => countLines(changes.data?.diff ?? ''), [changes.data?.diff]);
  const confirm = () => {
    if (!changes.data) return;
    revert.mutate(changes.data.digest, { onSuccess: onClose });
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Revert all pending changes?" centered>
      {changes.isPending ? (
        <Loader size="sm" aria-label="Counting the pending changes" />
      ) : (
        <Text size="sm" data-testid="revert-all-summary">
          {linesSummary(summary)} in {interfaces} {interfaces === 1 ? 'interface' : 'interfaces'} will be reverted. The staged file
          {changes.data ? ` (${changes.data.files.staged})` : ''} is discarded and the configuration is the live one again.
        </Text>
      )}
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button color="red" onClick={confirm} loading={revert.isPending} disabled={!changes.data} data-autofocus>
          Revert all
        </Button>
      </Group>
    </Modal>
  );
}

export default RevertAllDialog;
