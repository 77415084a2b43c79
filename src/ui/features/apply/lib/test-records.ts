/** ApplyRecords for the tests. */
import type { ApplyRecord, RollbackReason } from '../../../../server/apply/types';

export function record(over: Partial<ApplyRecord> = {}): ApplyRecord {
  return {
    id: '20250101T000000000Z-abcdef',
    user: 'admin',
    startedAt: '2025-01-01T00:00:00.000Z',
    deadline: '2025-01-01T00:01:00.000Z',
    confirmWithinSeconds: 60,
    status: 'waiting',
    diff: '--- interfaces\n+++ interfaces.new\n@@ -1,2 +1,2 @@\n iface vmbr0 inet static\n-\taddress 10.0.0.1/24\n+\taddress 10.0.0.2/24\n',
    check: { tool: 'engine', diagnostics: [] },
    ...over,
  };
}

export const rolledBack = (reason: RollbackReason, over: Partial<ApplyRecord> = {}) =>
  record({
    status: 'rolled-back',
    finishedAt: '2025-01-01T00:01:00.000Z',
    reload: { ran: true, ok: reason !== 'reload-failed', exitCode: reason === 'reload-failed' ? 1 : 0, output: 'reload output' },
    rollback: { at: '2025-01-01T00:01:00.000Z', reason, reload: { ran: true, ok: true, exitCode: 0, output: 'rollback output' }, restagged: true },
    ...over,
  });
