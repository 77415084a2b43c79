/**
 * After an apply: the time left until the previous configuration is restored, ticking on this
 * browser's clock, "Keep this configuration" (sent over a new connection) and "Roll back now". It
 * cannot be closed by clicking outside or Escape. When the time is up it polls GET /network/apply/current until the
 * apply shows as finished: rolled back → the outcome dialog; kept (e.g. from another tab) → closed.
 */
import { Alert, Button, Group, Loader, Modal, Progress, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useEffect } from 'react';
import type { ApplyRecord } from '../../../../server/apply/types';
import { ApiError } from '../../../api/client';
import { useConfirmApply } from '../api/confirm-apply';
import { useCurrentApply } from '../api/get-current-apply';
import { useRollBackApply } from '../api/roll-back-apply';
import type { PendingApply } from '../hooks/use-apply-flow';
import { useNow } from '../hooks/use-now';
import { describeApplyError } from '../lib/apply-error';
import { clockText, durationWords, percentLeft, secondsLeft } from '../lib/countdown';
import { isFinished, isRollback } from '../lib/status';
import classes from './apply.module.css';
import { ProblemAlert } from './problem-alert';

export interface CountdownDialogProps {
  pending: PendingApply;
  onKept: (record: ApplyRecord) => void;
  onRolledBack: (record: ApplyRecord) => void;
}

/** Said to screen readers once each is passed (the timer itself is not announced every second). */
const MILESTONES = [60, 30, 10];

export function CountdownDialog({ pending, onKept, onRolledBack }: CountdownDialogProps) {
  const now = useNow(250);
  const left = secondsLeft(pending.deadlineAt, now);
  const expired = left === 0;
  const confirm = useConfirmApply();
  const rollBack = useRollBackApply();
  const current = useCurrentApply({ pollMs: expired ? 1000 : 5000 });

  const last = current.data?.last;
  const finished = last && last.id === pending.id && isFinished(last) ? last : null;
  useEffect(() => {
    if (!finished) return;
    if (isRollback(finished)) onRolledBack(finished);
    else onKept(finished);
  }, [finished, onKept, onRolledBack]);

  const keep = () =>
    confirm.mutate(pending.id, {
      onError: (err) => {
        const { record } = describeApplyError(err);
        if (record && isRollback(record)) onRolledBack(record);
      },
    });
  const undo = () =>
    rollBack.mutate(pending.id, {
      onSuccess: ({ record }) => onRolledBack(record),
      onError: (err) => {
        const { record } = describeApplyError(err);
        if (record && isRollback(record)) onRolledBack(record);
        else if (record) onKept(record);
      },
    });
  const busy = confirm.isPending || rollBack.isPending;
  const problem = confirm.error
    ? describeApplyError(confirm.error, 'The configuration could not be kept')
    : rollBack.error
      ? describeApplyError(rollBack.error, 'The previous configuration could not be restored')
      : null;
  const unreachable = confirm.error instanceof ApiError && confirm.error.status === 0;
  const milestone = MILESTONES.filter((m) => left > 0 && left <= m).at(-1);
  const reload = pending.record.reload;

  return (
    <Modal opened onClose={() => {}} title="Keep the new configuration?" withCloseButton={false} closeOnClickOutside={false} closeOnEscape={false} centered>
      <Stack gap="sm">
        <Text size="sm">
          The new configuration is live
          {reload && !reload.ran ? ` (no reload ran: ${reload.output.trim()})` : reload && reload.ok ? ' and the network was reloaded with it' : ''}. If this page still works, your
          connection to the host survived the change: keep it. Otherwise the previous configuration is restored by itself.
        </Text>
        <div className={classes.timer} role="timer" aria-label="Time left before the rollback">
          {clockText(left)}
        </div>
        <Progress value={percentLeft(left, pending.windowSeconds)} color={left <= 10 ? 'orange' : 'blue'} aria-hidden />
        <VisuallyHidden aria-live="polite">{milestone ? `Less than ${milestone} seconds left before the rollback.` : ''}</VisuallyHidden>
        {expired ? (
          <Group gap="xs" wrap="nowrap">
            <Loader size="xs" aria-hidden />
            <Text size="sm" role="status">
              Time is up: netstage is restoring the previous configuration…
              {current.isError ? ' (the host does not answer yet)' : ''}
            </Text>
          </Group>
        ) : (
          <Text size="sm" ta="center">
            Rolls back in {durationWords(left)} unless you keep it.
          </Text>
        )}
        {problem && !problem.record && (
          <ProblemAlert
            problem={problem}
            hint={unreachable ? 'Your browser could not reach the host over a new connection. If the change cut your path to the host, it rolls back by itself when the countdown ends.' : undefined}
          />
        )}
        {!expired && confirm.isSuccess && (
          <Alert color="green" title="Kept">
            The new configuration stays live.
          </Alert>
        )}
        <Button onClick={keep} loading={confirm.isPending} disabled={expired || busy} data-autofocus fullWidth>
          Keep this configuration
        </Button>
        <Button variant="default" onClick={undo} loading={rollBack.isPending} disabled={expired || busy} fullWidth>
          Roll back now
        </Button>
      </Stack>
    </Modal>
  );
}
