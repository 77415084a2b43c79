/** "added" / "changed" / "removed" next to a row's name (text, not only a colour). */
import { Badge } from '@mantine/core';
import type { PendingStatus } from '../../../../schema/responses';

const COLORS: Record<PendingStatus, string> = { added: 'green', changed: 'yellow', removed: 'red' };

export function StatusBadge({ status }: { status: PendingStatus }) {
  return (
    <Badge size="xs" variant="light" tt="none" color={COLORS[status]} styles={{ label: { color: 'var(--mantine-color-text)' } }} style={{ flexShrink: 0 }}>
      {status}
    </Badge>
  );
}
