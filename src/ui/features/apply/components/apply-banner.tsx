/**
 * Above the toolbar, from GET /network/apply/current (fetched on load): an apply still waiting for
 * confirmation (e.g. after a page reload mid-window) with "Show the countdown", or a rollback the
 * admin has not been told about yet (remembered by id in localStorage) with Details and Dismiss.
 * Always mounted, it also refetches the network view when the apply state moves on.
 */
import { Alert, Button, Group, Text } from '@mantine/core';
import { useCurrentApply } from '../api/get-current-apply';
import type { ApplyFlow } from '../hooks/use-apply-flow';
import { useRefreshOnApplyChange } from '../hooks/use-refresh-on-apply-change';
import { durationWords, localDeadline } from '../lib/countdown';
import { needsAttention } from '../lib/seen';
import { outcomeSentence, outcomeTitle } from '../lib/status';
import { formatTime } from '../lib/time';

export function ApplyBanner({ flow }: { flow: ApplyFlow }) {
  // While an apply waits, see it kept or rolled back (e.g. after a page reload mid-window).
  const current = useCurrentApply({ whilePendingMs: 3000 });
  useRefreshOnApplyChange(current.data);
  const pending = current.data?.pending;
  const last = current.data?.last;
  const { view } = flow;

  if (pending && !(view.kind === 'countdown' && view.pending.id === pending.id)) {
    const showCountdown = () =>
      flow.showCountdown({
        id: pending.id,
        deadlineAt: localDeadline(current.dataUpdatedAt, pending.secondsLeft),
        windowSeconds: pending.confirmWithinSeconds,
        record: pending,
      });
    return (
      <Alert color="yellow" title="An applied configuration is waiting for confirmation" role="region">
        <Text size="sm">
          Applied by {pending.user} at {formatTime(pending.startedAt)}. Unless it is kept, the previous configuration is restored in about {durationWords(pending.secondsLeft)}.
        </Text>
        <Button mt="xs" size="xs" onClick={showCountdown}>
          Show the countdown
        </Button>
      </Alert>
    );
  }

  if (needsAttention(last, flow.seen) && !(view.kind === 'outcome' && view.record.id === last.id)) {
    return (
      <Alert color={last.status === 'rollback-failed' ? 'red' : 'orange'} title={outcomeTitle(last)} role="region">
        <Text size="sm">
          {outcomeSentence(last)} (Applied by {last.user} at {formatTime(last.startedAt)}.)
        </Text>
        <Group gap="xs" mt="xs">
          <Button size="xs" variant="default" onClick={() => flow.showOutcome(last)}>
            Details
          </Button>
          <Button size="xs" variant="default" onClick={() => flow.markSeen(last.id)}>
            Dismiss
          </Button>
        </Group>
      </Alert>
    );
  }
  return null;
}
