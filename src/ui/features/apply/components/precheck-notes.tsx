/** In the apply dialog: which checks ran (when ifupdown2's did not, why) and the warnings they found. */
import { Alert, List, Text } from '@mantine/core';
import type { ApplyCheckResponse } from '../../../../server/apply/types';
import { diagnosticLine } from '../lib/apply-error';

export function PrecheckNotes({ check }: { check: ApplyCheckResponse | undefined }) {
  if (!check?.ok) return null;
  const warnings = check.diagnostics.filter((d) => d.severity !== 'info');
  return (
    <>
      {check.check?.note && (
        <Text size="sm" c="dimmed">
          {check.check.note}
        </Text>
      )}
      {warnings.length > 0 && (
        <Alert color="yellow" title={`The check found ${warnings.length === 1 ? 'a warning' : `${warnings.length} warnings`}`}>
          <List size="sm" spacing={2}>
            {warnings.map((d, i) => (
              <List.Item key={`${d.line}-${d.rule}-${i}`}>{diagnosticLine(d)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </>
  );
}
