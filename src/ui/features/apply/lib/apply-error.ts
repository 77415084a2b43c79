/**
 * A failed apply or confirmation in plain words: a title, the server's message, and what it sent
 * along (the problems found, a command's output, the apply's record). Pure: tested.
 */
import type { ApplyRecord } from '../../../../server/apply/types';
import type { Diagnostic } from '../../../../interfaces/types';
import { ApiError } from '../../../api/client';

export interface ApplyProblem {
  title: string;
  message: string;
  diagnostics: readonly Diagnostic[];
  /** ifupdown2's check or a reload's output. */
  output?: string;
  /** 502 reload-failed, 409 deadline-passed / not-pending: what became of the apply. */
  record?: ApplyRecord;
}

const TITLES: Record<string, string> = {
  'invalid-config': 'The staged configuration has errors',
  'mako-template': 'The staged configuration looks like a template',
  'ifupdown2-check-failed': "ifupdown2's check refused the staged configuration",
  'nothing-staged': 'Nothing to apply',
  'apply-pending': 'Another apply is waiting for confirmation',
  locked: 'Another change is running',
  'live-is-symlink': 'The live file is a symbolic link',
  'stale-digest': 'The configuration changed meanwhile',
  'precondition-required': 'The configuration changed meanwhile',
  'reload-failed': 'The reload failed, so the previous configuration was restored',
  'deadline-passed': 'Too late: the previous configuration was restored',
  'not-pending': 'This apply is no longer waiting for confirmation',
  'old-connection': 'The confirmation could not be sent over a new connection',
  network: 'The host cannot be reached',
};

function isRecord(x: unknown): x is ApplyRecord {
  return typeof x === 'object' && x !== null && typeof (x as ApplyRecord).id === 'string' && typeof (x as ApplyRecord).status === 'string';
}

export function describeApplyError(err: unknown, fallbackTitle = 'The request failed'): ApplyProblem {
  if (!(err instanceof ApiError)) return { title: fallbackTitle, message: err instanceof Error ? err.message : String(err), diagnostics: [] };
  const b = err.body;
  return {
    title: TITLES[b.code] ?? fallbackTitle,
    message: b.message,
    diagnostics: b.diagnostics ?? [],
    ...(typeof b.output === 'string' && b.output.trim() ? { output: b.output } : {}),
    ...(isRecord(b.record) ? { record: b.record } : {}),
  };
}

/** "line 12: …" */
export function diagnosticLine(d: Diagnostic): string {
  return `${d.line > 0 ? `line ${d.line}: ` : ''}${d.message}${d.iface && !d.message.includes(d.iface) ? ` (${d.iface})` : ''}`;
}
