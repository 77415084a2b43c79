/**
 * The lazy chunk of the apply dialogs: "Apply the configuration?", the countdown, and the outcome
 * of a rollback. Loaded before the apply is sent (ApplyButton preloads it), so it is there even if
 * the new configuration cuts the host off.
 */
// The CSS of the Mantine components only these dialogs use: loaded with this chunk.
import '@mantine/core/styles/NumberInput.css';
import '@mantine/core/styles/Progress.css';
import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import type { ApplyRecord } from '../../../../server/apply/types';
import type { NetworkResponse } from '../../../../schema/responses';
import type { ApplyResult } from '../api/apply-configuration';
import type { ApplyFlow } from '../hooks/use-apply-flow';
import { localDeadline } from '../lib/countdown';
import { outcomeSentence, outcomeTitle } from '../lib/status';
import { ApplyDialog } from './apply-dialog';
import { CountdownDialog } from './countdown-dialog';
import { OutcomeDialog } from './outcome-dialog';

export default function ApplyDialogs({ flow, network }: { flow: ApplyFlow; network: NetworkResponse }) {
  const { view, close, showCountdown, showOutcome } = flow;
  const kept = useCallback(
    (record: ApplyRecord) => {
      notifications.show({ id: `apply-${record.id}`, color: 'green', title: outcomeTitle(record), message: outcomeSentence(record) });
      close();
    },
    [close],
  );
  const applied = useCallback(
    (r: ApplyResult) => {
      if (r.deadline === null || r.record.status !== 'waiting') return kept(r.record);
      // The window started just before the answer was sent: it ends confirmWithinSeconds after it arrived.
      showCountdown({ id: r.applyId, deadlineAt: localDeadline(r.receivedAt, r.record.confirmWithinSeconds), windowSeconds: r.record.confirmWithinSeconds, record: r.record });
    },
    [kept, showCountdown],
  );
  return (
    <>
      <ApplyDialog opened={view.kind === 'apply'} network={network} onClose={close} onApplied={applied} onRolledBack={showOutcome} />
      {view.kind === 'countdown' && <CountdownDialog key={view.pending.id} pending={view.pending} onKept={kept} onRolledBack={showOutcome} />}
      {view.kind === 'outcome' && <OutcomeDialog key={view.record.id} record={view.record} onClose={close} />}
    </>
  );
}
