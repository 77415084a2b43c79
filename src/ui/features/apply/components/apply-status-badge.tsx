/** An apply's status as a badge (text, not only a colour). */
import { Badge } from '@mantine/core';
import type { ApplyStatus } from '../../../../server/apply/types';
import { STATUS_COLOR, STATUS_LABEL } from '../lib/status';

export function ApplyStatusBadge({ status }: { status: ApplyStatus }) {
  return (
    <Badge variant="light" tt="none" color={STATUS_COLOR[status]} styles={{ label: { color: 'var(--mantine-color-text)' } }} style={{ flexShrink: 0 }}>
      {STATUS_LABEL[status]}
    </Badge>
  );
}
