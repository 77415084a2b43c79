/**
 * Interface names.
 *
 * Linux (dev_valid_name) accepts 1-15 bytes except '/', ':', whitespace, "." and "..". We are
 * stricter on purpose, because names end up in shell commands (post-up, iptables -o NAME) and
 * in /proc/sys paths:
 * - only ASCII letters, digits, '_', '.', '-'; the first character is a letter, digit or '_'
 *   (so no "-e" option injection, no ".." path tricks);
 * - no '@' (ip(8) prints "name@link"), no '+' (iptables reads "eth+" as a wildcard);
 * - no empty dot parts ("eth0.", "a..b"): they look like a VLAN with its tag missing;
 * - not "all" or "default": they are /proc/sys/net/ipv4/conf/{all,default}, so a command
 *   written for the interface would change every interface;
 * - ':' only in the alias form BASE:LABEL (eth0:1), and only where an alias is meaningful.
 * The vmbrN bridge naming convention is a suggestion only (see bridgeNameHint).
 */
import { z } from 'zod';
import { addFieldIssue, addUnsafeTextIssues } from './safe-text';

/** Linux IFNAMSIZ is 16 including the terminating NUL. */
export const IFNAME_MAX_BYTES = 15;

const BASE_RE = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const ALIAS_LABEL_RE = /^[A-Za-z0-9_]+$/;
const RESERVED = new Set(['all', 'default']);

export function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

export interface NameOptions {
  /** Accept the alias form BASE:LABEL (eth0:1). */
  alias?: boolean;
  /** Message for the empty string. */
  required?: string;
}

/** Problems with an interface name (assumes it already passed the safe-text rule). */
export function interfaceNameProblems(name: string, opts: NameOptions = {}): string[] {
  if (name === '') return [opts.required ?? 'Enter an interface name.'];
  const out: string[] = [];
  const bytes = utf8Length(name);
  if (bytes > IFNAME_MAX_BYTES)
    out.push(
      `Interface names are at most ${IFNAME_MAX_BYTES} bytes (Linux IFNAMSIZ); this one is ${bytes}. Shorten it.`,
    );
  const colon = name.indexOf(':');
  if (colon >= 0) {
    if (!opts.alias) {
      out.push("Must not contain ':' here: ':' is only used in alias names such as eth0:1.");
      return out;
    }
    const label = name.slice(colon + 1);
    if (!ALIAS_LABEL_RE.test(label))
      out.push("After ':' an alias name needs a label of letters, digits or '_' (e.g. eth0:1).");
    name = name.slice(0, colon);
    if (name === '') {
      out.push("An alias name needs the interface before ':' (e.g. eth0:1).");
      return out;
    }
  }
  if (/\s/.test(name)) out.push('Must not contain spaces.');
  else if (name.startsWith('-')) out.push("Must not start with '-'. Start with a letter, digit or '_'.");
  else if (name.startsWith('.')) out.push("Must not start with '.'. Start with a letter, digit or '_'.");
  else if (!BASE_RE.test(name))
    out.push("Use only letters A-Z a-z, digits, '_', '.' and '-' (e.g. eth0, vmbr0, bond0, eth0.50).");
  else if (/\.\.|\.$/.test(name))
    out.push("Every '.' must be followed by something (e.g. eth0.50, not eth0. or eth0..50).");
  if (RESERVED.has(name.toLowerCase()))
    out.push(`"${name}" is reserved by Linux (/proc/sys/net/ipv4/conf/${name}). Pick another name.`);
  return out;
}

export function isValidInterfaceName(name: string, opts: NameOptions = {}): boolean {
  return interfaceNameProblems(name, opts).length === 0;
}

/** A name schema; safe-text problems are reported first and stop further checks. */
export function nameSchema(opts: NameOptions = {}) {
  return z.string({ error: 'Enter an interface name.' }).superRefine((s, ctx) => {
    if (!addUnsafeTextIssues(s, ctx)) return;
    for (const message of interfaceNameProblems(s, opts)) addFieldIssue(ctx, message);
  });
}

/** An interface name that is not an alias (bridge, bond, VLAN, port, slave, raw device). */
export const ifaceNameSchema = nameSchema();
/** An interface name, alias form (eth0:1) allowed. */
export const ifaceOrAliasNameSchema = nameSchema({ alias: true });

/** An interface name or '' (not set), e.g. a bond's primary slave or a VLAN's raw device. */
export const optionalIfaceNameSchema = z.string({ error: 'Enter an interface name.' }).superRefine((s, ctx) => {
  if (!addUnsafeTextIssues(s, ctx) || s === '') return;
  for (const message of interfaceNameProblems(s)) addFieldIssue(ctx, message);
});

/** A list of interface names (bridge ports, bond slaves): each valid, no duplicates. */
export function nameListSchema(what: string, min = 0) {
  return z
    .array(ifaceNameSchema, { error: `Enter the ${what} as a list of interface names.` })
    .superRefine((names, ctx) => {
      if (names.length < min)
        ctx.addIssue({ code: 'custom', message: `Add at least ${min === 1 ? 'one' : min} ${what.replace(/s$/, '')}.` });
      const seen = new Set<string>();
      names.forEach((n, i) => {
        if (seen.has(n))
          ctx.addIssue({ code: 'custom', path: [i], message: `${n} is listed twice. Remove the duplicate.` });
        seen.add(n);
      });
    });
}

const VMBR_RE = /^vmbr(0|[1-9]\d{0,3})$/;

/** A hint (not an error) when a bridge name does not follow the Proxmox vmbrN (0-4094) convention. */
export function bridgeNameHint(name: string): string | undefined {
  const m = VMBR_RE.exec(name);
  if (m && Number(m[1]) <= 4094) return undefined;
  return 'Proxmox names bridges vmbr0 to vmbr4094; other names work but the Proxmox GUI may not list them.';
}

/** First PREFIXn (n = 0, 1, …) not in `taken`, e.g. nextFreeName('vmbr', ['vmbr0']) === 'vmbr1'. */
export function nextFreeName(prefix: string, taken: Iterable<string>, max = 4094): string | undefined {
  const used = new Set(taken);
  for (let n = 0; n <= max; n++) if (!used.has(prefix + n)) return prefix + n;
  return undefined;
}
