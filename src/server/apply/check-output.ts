/**
 * ifupdown2's `ifup -a -s -i FILE` output as diagnostics. It prints one message a line:
 *   error: FILE: line9: iface bond0: unsupported address method 'maunal'   (parse errors: a line)
 *   warning: vmbr0: bridge-ports: invalid value "none": …                  (addon checks: an interface)
 * and exits 1 on any error or warning. So the exit code alone says little: we keep its messages,
 * tie them to a line (the interface's `iface` line when the message names only the interface),
 * and decide from their severity.
 */
import type { Diagnostic, NetDocument } from '../../interfaces/types';
import { stanzasByName } from '../../interfaces/model';

export interface CheckOutcome {
  /** False when ifupdown2 reported an error (after dropping known false positives). */
  ok: boolean;
  diagnostics: Diagnostic[];
}

/**
 * Messages that are not problems of the file:
 * - `bridge-ports none` is how Proxmox writes a bridge without ports, and what ifupdown2 itself
 *   brings up fine; only its syntax check's value list lacks it.
 * - A file without `auto` interfaces has nothing for `-a` to select: not an error of the file.
 */
const FALSE_POSITIVES: { re: RegExp; why: string }[] = [
  { re: /bridge-ports: invalid value "none"/, why: 'a known false positive of ifupdown2\'s syntax check: `bridge-ports none` is valid and brings the bridge up without ports' },
  { re: /no ifaces found matching given allow lists/, why: 'no interface is marked auto, so ifupdown2 had nothing to check beyond parsing' },
];

/**
 * Warnings that mean ifupdown2 would ignore or misread a setting: the running system would not
 * be what the file says, so they count as errors. Other warnings (e.g. "bridge inherits mtu from
 * its ports") are advice and do not block an apply.
 */
const WARNING_IS_ERROR = /invalid value|valid attribute|unsupported|not recognized|cannot|error/i;

const LINE_MESSAGE = /^(error|warning|info): (?:(.+?): line(\d+): )?(.*)$/;
const IFACE_PREFIX = /^(?:iface )?([A-Za-z0-9_.:@-]{1,64}): /;

export function parseCheckOutput(output: string, exitCode: number | null, doc?: NetDocument): CheckOutcome {
  const headers = doc ? stanzasByName(doc) : new Map();
  const lineOfIface = (name: string) => {
    const s = headers.get(name)?.[0];
    return s && doc ? doc.lineNumbers[s.header] : 0;
  };
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const raw of output.split('\n')) {
    const m = LINE_MESSAGE.exec(raw.trim());
    if (!m || seen.has(raw.trim())) continue;
    seen.add(raw.trim());
    const [, level, , lineNo, message] = m;
    const iface = IFACE_PREFIX.exec(message)?.[1];
    const fp = FALSE_POSITIVES.find((f) => f.re.test(message));
    const severity: Diagnostic['severity'] = fp ? 'info' : level === 'error' || (level === 'warning' && WARNING_IS_ERROR.test(message)) ? 'error' : level === 'warning' ? 'warning' : 'info';
    diagnostics.push({
      line: lineNo ? Number(lineNo) : iface ? lineOfIface(iface) : 0,
      column: 1,
      severity,
      rule: fp ? 'ifupdown2-false-positive' : 'ifupdown2',
      message: `ifupdown2: ${message}${fp ? ` (ignored: ${fp.why})` : ''}`,
      ...(iface && headers.has(iface) ? { iface } : {}),
    });
  }
  if (exitCode !== 0 && diagnostics.length === 0)
    diagnostics.push({
      line: 0,
      column: 1,
      severity: 'error',
      rule: 'ifupdown2',
      message: `ifupdown2's syntax check failed (exit code ${exitCode ?? 'none'}) without a message we understand: ${output.trim().slice(-500) || 'no output'}`,
    });
  return { ok: !diagnostics.some((d) => d.severity === 'error'), diagnostics };
}

/**
 * Where ifupdown2 would run the file through Mako (template_enable on): it renders a file as soon
 * as it contains `%` anywhere, and then evaluates `${…}`, `<% … %>` and `% …` lines as Python, as
 * root. One diagnostic per line with a `%` or `${`.
 */
export function makoMarkers(text: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  text.split('\n').forEach((line, i) => {
    const at = [line.indexOf('%'), line.indexOf('${')].filter((k) => k >= 0);
    if (!at.length) return;
    out.push({
      line: i + 1,
      column: Math.min(...at) + 1,
      severity: 'error',
      rule: 'mako-template',
      message: "ifupdown2 renders this file as a Mako template (template_enable=1) because of this '%' or '${': Mako would run it as code, as root. Remove it, or set template_enable=0 in /etc/network/ifupdown2/ifupdown2.conf.",
    });
  });
  return out;
}
