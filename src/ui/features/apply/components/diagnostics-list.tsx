/** The problems a check found, "line 12: …" each. */
import { List } from '@mantine/core';
import type { Diagnostic } from '../../../../interfaces/types';
import { diagnosticLine } from '../lib/apply-error';

export function DiagnosticsList({ diagnostics }: { diagnostics: readonly Diagnostic[] }) {
  if (!diagnostics.length) return null;
  return (
    <List size="sm" spacing={2} mt="xs">
      {diagnostics.map((d, i) => (
        <List.Item key={`${d.line}-${d.rule}-${i}`}>{diagnosticLine(d)}</List.Item>
      ))}
    </List>
  );
}
