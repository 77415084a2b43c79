/**
 * Pure helpers between validation results and the form: the message to show on a field, the
 * "Fix: …" reason of a disabled submit button, and the server's 400 `fields` mapped onto form
 * fields. No React here (unit-tested in form-errors.test.ts).
 */
import type { Diagnostic } from '../../../interfaces/types';
import type { ApiErrorBody } from '../../../schema/responses';
import { labelOf } from './labels';

/**
 * The first message in a react-hook-form error entry. A list field (`ports`) may carry its
 * errors per item (`errors.ports[1].message`), an object field per key; the input shows the
 * first one found. `ref` (the DOM element) is never walked.
 */
export function firstErrorMessage(err: unknown): string | undefined {
  if (err === null || typeof err !== 'object') return undefined;
  const e = err as Record<string, unknown>;
  if (typeof e.message === 'string' && e.message) return e.message;
  for (const [key, value] of Object.entries(e)) {
    if (key === 'ref' || key === 'types' || key === 'message' || key === 'type') continue;
    const found = firstErrorMessage(value);
    if (found) return found;
  }
  return undefined;
}

export interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
}

/** Why a form cannot be submitted yet: its first validation issue, named by the field's label. */
export function fixReason(issues: readonly IssueLike[]): string | null {
  const first = issues[0];
  if (!first) return null;
  const path = first.path.map(String).join('.');
  return path ? `Fix: ${labelOf(path)}: ${first.message}` : `Fix: ${first.message}`;
}

/** Every field path of a form's values: leaves and lists (`ipv4.cidr`, `ports`), not objects. */
export function valuePaths(values: unknown, prefix = ''): string[] {
  if (values === null || typeof values !== 'object' || Array.isArray(values)) return prefix ? [prefix] : [];
  return Object.entries(values as Record<string, unknown>).flatMap(([k, v]) => valuePaths(v, prefix ? `${prefix}.${k}` : k));
}

export interface ServerFieldErrors {
  /** Errors to put on fields with setError (first one per field). */
  matched: { name: string; message: string }[];
  /** Errors about no field of the form (shown in the modal's alert). */
  unmatched: { path: string; message: string }[];
}

/**
 * A 400 answer's `fields` (`form.ipv4.cidr`, `form.ports.1`, or `publicCidr` for the setups,
 * whose body is the form itself) onto the form's field paths: the leading `form.` is stripped and
 * a path is shortened until it names a field (`ports.1` → `ports`).
 */
export function mapServerFields(fields: ApiErrorBody['fields'], known: Iterable<string>): ServerFieldErrors {
  const knownSet = new Set(known);
  const out: ServerFieldErrors = { matched: [], unmatched: [] };
  for (const { path, message } of fields ?? []) {
    const parts = path === 'form' ? [] : path.replace(/^form\./, '').split('.').filter(Boolean);
    let name: string | undefined;
    for (let n = parts.length; n > 0 && !name; n--) {
      const candidate = parts.slice(0, n).join('.');
      if (knownSet.has(candidate)) name = candidate;
    }
    if (!name) out.unmatched.push({ path, message });
    else if (!out.matched.some((m) => m.name === name)) out.matched.push({ name, message });
  }
  return out;
}

/** Server errors that are about one field without a `fields` list. */
export function fieldOfErrorCode(code: string): string | undefined {
  return code === 'exists' ? 'name' : undefined;
}

/**
 * Which field an engine diagnostic of a refused change is about, for the few rules a form's valid
 * values can still break (they involve other interfaces): a table from rule id to the fields that
 * can cause it, not a copy of the rule. A diagnostic is placed when it is about one of the form's
 * own interfaces (`own`), or names one while it is about the other party (a rule reports the later
 * of two stanzas: "vmbr0: bridge port eth0 is already a port of bridge vmbr1"). It goes to the
 * candidate field whose value the message names (a gateway, a port); about an own interface with
 * no value named, to the rule's first field there is (never a guessed gateway family).
 */
const DIAGNOSTIC_FIELDS: Record<string, readonly string[]> = {
  'duplicate-gateway': ['ipv4.gateway', 'ipv6.gateway', 'gateway'],
  'port-conflict': ['ports', 'slaves'],
  'port-is-slave': ['ports', 'slaves'],
  'mtu-above-parent': ['mtu'],
};

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Does `message` name `word` as a whole (an interface, an address)? Not inside a longer name or
 * address: eth0 is not named by "eth0.50", 10.0.1.1 not by "10.0.1.10"; a trailing ":", "." or
 * "'s" is punctuation.
 */
export function mentions(message: string, word: string): boolean {
  return word !== '' && new RegExp(`(?<![\\w.:-])${escapeRe(word)}(?![\\w-]|[.:][\\w:])`).test(message);
}

/** The words a field's value can appear as in a message (a list's items, a number's digits). */
function valueWords(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(valueWords);
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (typeof value === 'number' && Number.isFinite(value)) return [String(value)];
  return [];
}

export function diagnosticField(d: Diagnostic, values: unknown, own: readonly string[]): string | undefined {
  const candidates = DIAGNOSTIC_FIELDS[d.rule];
  if (!candidates || !d.iface) return undefined;
  const about = own.includes(d.iface);
  if (!about && !own.some((n) => mentions(d.message, n))) return undefined;
  const known = new Set(valuePaths(values));
  const valueOf = (path: string) => path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), values);
  const present = candidates.filter((c) => known.has(c));
  const named = present.find((c) => valueWords(valueOf(c)).some((w) => mentions(d.message, w)));
  if (named || !about || d.rule === 'duplicate-gateway') return named;
  return present[0];
}

/** What the modal's alert shows when a refusal is not (only) about fields. */
export interface Refusal {
  message: string;
  /** 412: the configuration changed meanwhile (the alert offers Reload). */
  stale?: boolean;
  diagnostics: Diagnostic[];
  unmatched: { path: string; message: string }[];
}

export interface RefusalPlan {
  /** Errors for fields (first one per field), to set with setError; the first is focused. */
  fieldErrors: { name: string; message: string }[];
  /** For the alert; null when the field errors say it all. */
  refusal: Refusal | null;
}

/**
 * Where a refused write's problems go: 400 `fields` and "exists" onto their fields, diagnostics
 * about the form's own interfaces onto the fields that cause them, the rest to the alert.
 */
export function planRefusal(body: ApiErrorBody | undefined, message: string, values: unknown, own: readonly string[]): RefusalPlan {
  const { matched, unmatched } = mapServerFields(body?.fields, valuePaths(values));
  const codeField = body && !body.fields?.length ? fieldOfErrorCode(body.code) : undefined;
  if (codeField) matched.push({ name: codeField, message });
  const diagnostics: Diagnostic[] = [];
  for (const d of body?.diagnostics ?? []) {
    const name = d.severity === 'error' ? diagnosticField(d, values, own) : undefined;
    if (!name) diagnostics.push(d);
    else if (!matched.some((m) => m.name === name)) matched.push({ name, message: d.message });
  }
  const refusal = matched.length === 0 || unmatched.length || diagnostics.length ? { message, diagnostics, unmatched } : null;
  return { fieldErrors: matched, refusal };
}

/** The interfaces a form's values are about: an interface form's name, a setup's two. */
export function ownNames(values: unknown): string[] {
  const v = (values ?? {}) as Record<string, unknown>;
  return [v.name, v.publicIface, v.bridge].filter((n): n is string => typeof n === 'string' && n !== '');
}
