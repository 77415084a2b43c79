/** Above the table: every problem the engine found in the file shown, as "line 12: … (vmbr1)". */
import { Alert, Button, List, Text } from '@mantine/core';
import { useState } from 'react';
import type { Diagnostic } from '../../../../interfaces/types';
import { byLine, diagnosticsSummary, diagnosticText, worstSeverity } from '../lib/diagnostics';

const FIRST = 5;

export function DiagnosticsBanner({ diagnostics }: { diagnostics: readonly Diagnostic[] | undefined }) {
  const [all, setAll] = useState(false);
  if (!diagnostics?.length) return null;
  const sorted = byLine(diagnostics);
  const shown = all ? sorted : sorted.slice(0, FIRST);
  const severity = worstSeverity(sorted);
  return (
    <Alert
      color={severity === 'error' ? 'red' : severity === 'warning' ? 'yellow' : 'blue'}
      title={`The configuration has ${diagnosticsSummary(sorted)}`}
      role="region" // named by its title (Mantine links it with aria-labelledby)
      data-testid="diagnostics-banner"
    >
      <List size="sm" spacing={2}>
        {shown.map((d, i) => (
          <List.Item key={`${d.line}-${d.rule}-${i}`}>
            <Text span size="sm">
              {diagnosticText(d)}
              {d.iface && !d.message.includes(d.iface) ? ` (${d.iface})` : ''}
            </Text>
          </List.Item>
        ))}
      </List>
      {sorted.length > FIRST && (
        <Button variant="subtle" size="compact-sm" mt={4} onClick={() => setAll((v) => !v)}>
          {all ? 'Show fewer' : `Show all ${sorted.length}`}
        </Button>
      )}
    </Alert>
  );
}
