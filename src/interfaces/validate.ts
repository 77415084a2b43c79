/**
 * Validation: the parser's structural diagnostics plus every rule's findings, sorted by line then
 * column. Rules live in ./rules, one small module each; validate never throws and never fixes.
 */
import type { Diagnostic, NetDocument } from './types';
import { makeContext, type Rule } from './rules/context';
import { methods } from './rules/methods';
import { addresses } from './rules/addresses';
import { gateways } from './rules/gateways';
import { vlan } from './rules/vlan';
import { bond } from './rules/bond';
import { ports } from './rules/ports';
import { references } from './rules/references';
import { names } from './rules/names';
import { mtu } from './rules/mtu';
import { stanzas } from './rules/stanzas';
import { template } from './rules/template';

export interface ValidateOptions {
  /** Names of the host's NICs: references to them need no `iface` stanza. */
  nics?: readonly string[];
}

export const RULES: Readonly<Record<string, Rule>> = { methods, addresses, gateways, vlan, bond, ports, references, names, mtu, stanzas, template };

export function validate(doc: NetDocument, opts: ValidateOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [...doc.diagnostics];
  let ctx;
  try {
    ctx = makeContext(doc, opts.nics);
  } catch (e) {
    out.push(internal('context', e));
    return sortDiagnostics(out);
  }
  for (const [id, rule] of Object.entries(RULES)) {
    try {
      for (const d of rule(ctx)) out.push(d); // not push(...): a huge list would overflow the stack
    } catch (e) {
      out.push(internal(id, e)); // a rule bug must not hide the other findings
    }
  }
  return sortDiagnostics(out);
}

function internal(id: string, e: unknown): Diagnostic {
  const msg = e instanceof Error ? e.message : String(e);
  return { line: 0, column: 1, severity: 'warning', rule: 'internal-error', message: `The ${id} check failed (${msg}): please report this; the other checks still ran.` };
}

/** Stable sort by line, then column. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort((a, b) => a.line - b.line || a.column - b.column);
}
