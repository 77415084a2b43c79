/** The notification after a change was staged, with the warnings the file now has about it. */
import type { ChangeResponse } from '../../../schema/responses';

export interface Notice {
  color: 'green' | 'yellow';
  title: string;
  message: string;
  autoClose: number | false;
}

export function stagedNotice(names: readonly string[], result: Pick<ChangeResponse, 'diagnostics'>): Notice {
  const unique = [...new Set(names)];
  const warnings = (result.diagnostics ?? []).filter((d) => d.severity !== 'info' && d.iface !== undefined && unique.includes(d.iface));
  const title = `Staged: ${unique.join(' and ')}`;
  if (!warnings.length) return { color: 'green', title, message: 'Nothing is live yet: review the pending changes and apply them.', autoClose: 5000 };
  const list = warnings.map((w) => w.message).join(' ');
  return { color: 'yellow', title, message: `Staged with ${warnings.length === 1 ? 'a warning' : `${warnings.length} warnings`}: ${list}`, autoClose: false };
}
