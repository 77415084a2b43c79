/**
 * "Apply the configuration?": what will happen in plain words, the precheck's notes, "Roll back
 * after (seconds)" (default 60; 0 keeps without asking), the pending changes, and Apply. A 502
 * (the reload failed and was rolled back) goes to the outcome dialog; other refusals show here.
 */
import { Button, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ApplyRecord } from '../../../../server/apply/types';
import { confirmSecondsSchema, DEFAULT_CONFIRM_SECONDS as DEFAULT_SECONDS, MAX_CONFIRM_SECONDS as MAX_SECONDS } from '../../../../schema/apply';
import type { NetworkResponse } from '../../../../schema/responses';
import { ApiError } from '../../../api/client';
import { useApplyCheck } from '../api/get-apply-check';
import { useApplyConfiguration, type ApplyResult } from '../api/apply-configuration';
import { describeApplyError } from '../lib/apply-error';
import { durationWords } from '../lib/countdown';
import { ChangeSummary } from './change-summary';
import { PrecheckNotes } from './precheck-notes';
import { ProblemAlert } from './problem-alert';


export interface ApplyDialogProps {
  opened: boolean;
  network: NetworkResponse;
  onClose: () => void;
  onApplied: (result: ApplyResult) => void;
  /** The apply was rolled back at once (its reload failed). */
  onRolledBack: (record: ApplyRecord) => void;
}


export function ApplyDialog({ opened, network, onClose, onApplied, onRolledBack }: ApplyDialogProps) {
  const [seconds, setSeconds] = useState<number | string>(DEFAULT_SECONDS);
  const apply = useApplyConfiguration();
  const check = useApplyCheck(network.digest, opened && network.pending);
  const { reset } = apply;
  useEffect(() => {
    if (!opened) return;
    reset();
    setSeconds(DEFAULT_SECONDS);
  }, [opened, reset]);

  const checked = confirmSecondsSchema.safeParse(seconds === '' ? undefined : seconds);
  const valid = checked.success;
  const busy = apply.isPending;
  const submit = () => {
    if (!checked.success) return;
    apply.mutate(
      { digest: network.digest, confirmWithinSeconds: checked.data },
      {
        onSuccess: onApplied,
        onError: (err) => {
          const { record } = describeApplyError(err);
          if (err instanceof ApiError && err.code === 'reload-failed' && record) onRolledBack(record);
        },
      },
    );
  };
  const problem = apply.error && !(apply.error instanceof ApiError && apply.error.code === 'reload-failed') ? describeApplyError(apply.error, 'The configuration could not be applied') : null;
  const lostAnswer = apply.error instanceof ApiError && apply.error.status === 0;

  return (
    <Modal opened={opened} onClose={onClose} title="Apply the configuration?" size="lg" closeOnClickOutside={!busy} closeOnEscape={!busy} withCloseButton={!busy} closeButtonProps={{ 'aria-label': 'Close' }}>
      <Stack gap="sm">
        <Text size="sm">
          The staged configuration (interfaces.new) becomes the live <code>/etc/network/interfaces</code>, and the network is reloaded with it.
        </Text>
        {checked.success && (
          <Text size="sm">
            {checked.data > 0
              ? `Then you have ${durationWords(checked.data)} to press "Keep this configuration" or "Roll back now". If you do neither (for instance because the change cut your connection to the host), the previous configuration is restored by itself.`
              : 'With 0 seconds the new configuration is kept without asking: nothing restores the previous one if the change cuts your connection to the host.'}
          </Text>
        )}
        <PrecheckNotes check={check.data} />
        <NumberInput
          label="Roll back after (seconds)"
          description="0 keeps the new configuration without asking."
          value={seconds}
          onChange={setSeconds}
          min={0}
          max={MAX_SECONDS}
          allowDecimal={false}
          allowNegative={false}
          error={checked.error?.issues[0]?.message}
          disabled={busy}
          data-autofocus
          w={220}
        />
        <ChangeSummary statuses={network.changes ?? {}} />
        {problem && (
          <ProblemAlert
            problem={problem}
            hint={lostAnswer ? 'If the configuration was applied and cut your connection, the previous one is restored by itself when the rollback window ends.' : undefined}
          />
        )}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button onClick={submit} loading={busy} disabled={!valid}>
            Apply
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
