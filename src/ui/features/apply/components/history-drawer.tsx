/** The lazy chunk of the apply history: a drawer listing the last 50 applies, newest first. */
import '@mantine/core/styles/Drawer.css';
import { Alert, Button, Drawer, Loader, Stack, Text } from '@mantine/core';
import { errorMessage } from '../../../api/errors';
import { useApplyHistory } from '../api/get-apply-history';
import classes from './apply.module.css';
import { HistoryEntry } from './history-entry';

export default function HistoryDrawer({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const history = useApplyHistory(opened);
  const entries = history.data?.entries ?? [];
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="lg" title="Apply history" closeButtonProps={{ 'aria-label': 'Close the apply history' }}>
      {history.isPending && <Loader size="sm" aria-label="Loading the apply history" />}
      {history.isError && (
        <Alert color="red" title="The apply history could not be loaded">
          {errorMessage(history.error)}
          <div>
            <Button mt="sm" variant="default" size="xs" onClick={() => void history.refetch()}>
              Try again
            </Button>
          </div>
        </Alert>
      )}
      {history.data && !entries.length && <Text size="sm">Nothing has been applied from netstage yet.</Text>}
      {entries.length > 0 && (
        <Stack component="ol" gap="sm" className={classes.entries} aria-label="Applies, newest first">
          {entries.map((r) => (
            <HistoryEntry key={r.id} record={r} />
          ))}
        </Stack>
      )}
    </Drawer>
  );
}
