/** "Why?" next to a disabled Apply Configuration: the precheck's message and the problems it found. */
import { Button, List, Popover, Text } from '@mantine/core';
import { useId } from 'react';
import type { Diagnostic } from '../../../../interfaces/types';
import { diagnosticLine } from '../lib/apply-error';

export function CheckProblems({ reason, diagnostics }: { reason: string; diagnostics: readonly Diagnostic[] }) {
  const titleId = useId();
  return (
    <Popover position="bottom-start" width={440} withArrow shadow="md">
      <Popover.Target>
        <Button variant="default" size="compact-sm">
          Why?
        </Button>
      </Popover.Target>
      <Popover.Dropdown aria-labelledby={titleId}>
        <Text id={titleId} size="sm" fw={700}>
          Why the configuration cannot be applied
        </Text>
        <Text size="sm" mt={4}>
          {reason}
        </Text>
        {diagnostics.length > 0 && (
          <List size="sm" spacing={2} mt="xs">
            {diagnostics.map((d, i) => (
              <List.Item key={`${d.line}-${d.rule}-${i}`}>{diagnosticLine(d)}</List.Item>
            ))}
          </List>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
