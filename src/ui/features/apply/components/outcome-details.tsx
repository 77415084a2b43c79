/** What became of an apply, in plain words, with the reload outputs (the new configuration's, then the rollback's). */
import { Alert, Stack, Text } from '@mantine/core';
import type { ApplyRecord } from '../../../../server/apply/types';
import { outcomeSentence, restagedText } from '../lib/status';
import { formatTime } from '../lib/time';
import { CommandOutput } from './command-output';

export function OutcomeDetails({ record, withSentence = true }: { record: ApplyRecord; withSentence?: boolean }) {
  const restaged = restagedText(record);
  const reloadFailed = record.rollback?.reason === 'reload-failed';
  return (
    <Stack gap="sm">
      {withSentence && <Text size="sm">{outcomeSentence(record)}</Text>}
      <Text size="sm" c="dimmed">
        Applied by {record.user} at {formatTime(record.startedAt)}
        {record.rollback ? `; rolled back at ${formatTime(record.rollback.at)}` : record.finishedAt ? `; finished at ${formatTime(record.finishedAt)}` : ''}.
      </Text>
      {restaged && <Text size="sm">{restaged}</Text>}
      {record.status === 'rollback-failed' && (
        <Alert color="red" title="The host needs a look">
          The previous file is back in place, but reloading it failed, so the network may run neither configuration. Check the host from its console
          (ifreload -a, ip addr).
        </Alert>
      )}
      {record.reload && (
        <CommandOutput caption={reloadFailed ? 'Output of the reload that failed' : 'Output of the reload of the applied configuration'} output={record.reload.output} />
      )}
      {record.rollback && <CommandOutput caption="Output of the reload of the previous configuration" output={record.rollback.reload.output} />}
    </Stack>
  );
}
