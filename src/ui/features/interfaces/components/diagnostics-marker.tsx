/** A row's problems: an icon whose tooltip (and accessible name) lists them as "line 12: …". */
import { Tooltip } from '@mantine/core';
import type { Diagnostic } from '../../../../interfaces/types';
import { diagnosticText, worstSeverity } from '../lib/diagnostics';
import { ErrorIcon, WarningIcon } from './icons';

export function DiagnosticsMarker({ diagnostics }: { diagnostics: readonly Diagnostic[] }) {
  if (!diagnostics.length) return null;
  const severity = worstSeverity(diagnostics);
  const lines = diagnostics.map(diagnosticText);
  const Icon = severity === 'error' ? ErrorIcon : WarningIcon;
  const color = severity === 'error' ? 'var(--mantine-color-red-text)' : severity === 'warning' ? 'var(--mantine-color-yellow-text)' : 'var(--mantine-color-blue-text)';
  return (
    <Tooltip
      multiline
      w={360}
      withArrow
      label={lines.map((l, i) => (
        <div key={i}>{l}</div>
      ))}
    >
      <span role="img" aria-label={`${diagnostics.length === 1 ? 'Problem' : `${diagnostics.length} problems`}: ${lines.join('; ')}`} style={{ color, display: 'inline-flex', flexShrink: 0 }}>
        <Icon />
      </span>
    </Tooltip>
  );
}
