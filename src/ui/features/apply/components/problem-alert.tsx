/** A refused apply or confirmation: what the server said, the problems it found and a command's output. */
import { Alert, Stack, Text } from '@mantine/core';
import type { ApplyProblem } from '../lib/apply-error';
import { CommandOutput } from './command-output';
import { DiagnosticsList } from './diagnostics-list';

export function ProblemAlert({ problem, hint }: { problem: ApplyProblem; hint?: string }) {
  return (
    <Alert color="red" title={problem.title}>
      <Stack gap="xs">
        <Text size="sm">{problem.message}</Text>
        {hint && <Text size="sm">{hint}</Text>}
        <DiagnosticsList diagnostics={problem.diagnostics} />
        {problem.output && <CommandOutput caption="Output of the check" output={problem.output} />}
      </Stack>
    </Alert>
  );
}
