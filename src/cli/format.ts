/**
 * Text output of the CLI: diagnostics in the compiler style editors understand, and the
 * interface table of `netstage show`.
 *
 * Everything printed from a file (names, comments, values, messages quoting them) goes through
 * `clean()`, so control characters in a file cannot drive the terminal.
 */
import type { Diagnostic, InterfaceModel } from '../interfaces/types';

/** Control characters (but tab) and DEL as `\xNN`; tabs as a space when `oneLine`. */
export function clean(s: string, oneLine = false): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => {
    if (c === '\t') return oneLine ? ' ' : c;
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}

/**
 * `FILE:LINE:COL: SEVERITY: MESSAGE [RULE]`, or `FILE: SEVERITY: MESSAGE [RULE]` for a problem
 * not tied to a line (line 0).
 */
export function formatDiagnostic(file: string, d: Diagnostic): string {
  const where = d.line > 0 ? `${clean(file, true)}:${d.line}:${d.column > 0 ? d.column : 1}` : clean(file, true);
  return `${where}: ${d.severity}: ${clean(d.message, true)} [${d.rule}]`;
}

export function formatDiagnostics(file: string, diags: readonly Diagnostic[]): string {
  return diags.map((d) => formatDiagnostic(file, d) + '\n').join('');
}

/** `2 errors, 1 warning` (empty when there is nothing). */
export function summary(diags: readonly Diagnostic[]): string {
  const n = (sev: Diagnostic['severity']) => diags.filter((d) => d.severity === sev).length;
  const part = (count: number, word: string) => (count ? `${count} ${word}${count === 1 ? '' : 's'}` : '');
  return [part(n('error'), 'error'), part(n('warning'), 'warning'), part(n('info'), 'info message')].filter(Boolean).join(', ');
}

export const TABLE_COLUMNS = [
  'Name',
  'Type',
  'Autostart',
  'Ports/Slaves',
  'Bond mode',
  'Hash policy',
  'CIDR',
  'Gateway',
  'CIDR6',
  'Gateway6',
  'MTU',
  'Comment',
] as const;

const COMMENT_MAX = 40;

function cidrs(f: InterfaceModel['inet']): string {
  if (!f) return '';
  const all = [f.cidr, ...(f.extraCidrs ?? [])].filter((x): x is string => !!x);
  if (all.length) return all.join(',');
  // No address: say how it gets one, unless that is "none" (static without address, manual).
  return f.method && !['static', 'manual', 'loopback'].includes(f.method) ? `(${f.method})` : '';
}

/** One table row per interface, cells in TABLE_COLUMNS order ('' = nothing to show). */
export function interfaceRow(m: InterfaceModel): string[] {
  const start = [m.autostart ? 'auto' : '', m.hotplug ? 'hotplug' : ''].filter(Boolean).join(',') || 'no';
  const members = m.bridge?.ports ?? m.bond?.slaves ?? [...(m.ovs?.ports ?? []), ...(m.ovs?.bonds ?? [])];
  let comment = (m.comments ?? '').split('\n').find((l) => l.trim() !== '') ?? '';
  comment = comment.trim();
  if ([...comment].length > COMMENT_MAX) comment = [...comment].slice(0, COMMENT_MAX - 1).join('') + '…';
  return [
    m.name,
    m.type,
    start,
    members.join(','),
    m.bond?.mode ?? '',
    m.bond?.xmitHashPolicy ?? '',
    cidrs(m.inet),
    m.inet?.gateway ?? '',
    cidrs(m.inet6),
    m.inet6?.gateway ?? '',
    m.mtu === undefined ? '' : String(m.mtu),
    comment,
  ].map((c) => clean(c, true));
}

/** Columns padded to their widest cell, two spaces apart; empty cells shown as `-`. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows.map((r) => r.map((c) => (c === '' ? '-' : c)))];
  const width = (s: string) => [...s].length;
  const widths = header.map((_, i) => Math.max(...all.map((r) => width(r[i] ?? ''))));
  return all
    .map((r) =>
      r
        .map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i] - width(c))))
        .join('  ')
        .trimEnd() + '\n',
    )
    .join('');
}

export function interfaceTable(models: readonly InterfaceModel[]): string {
  return formatTable(TABLE_COLUMNS, models.map(interfaceRow));
}
