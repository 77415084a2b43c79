/**
 * The safe-text rule: every string a form can put into /etc/network/interfaces passes it.
 *
 * Why each rule exists:
 * - The file is line based. CR, LF, U+2028, U+2029 (and NEL, a C1 control) would start a new
 *   line, so a comment or a post-up command could smuggle in a whole new stanza or option.
 * - A trailing backslash makes ifupdown (and Mako) join the next line onto this one.
 * - ifupdown2 renders the file through the Mako template engine as soon as the file contains
 *   a `%` anywhere. Mako then runs `<% code %>` blocks, `% for` lines and `${expr}` expressions
 *   as root. So `%` is rejected everywhere and `${` too (it is only evaluated when some other
 *   line of the file contains `%`, which we cannot rule out: admins edit the file by hand).
 * - Every other control character (C0 including TAB, DEL, C1) is rejected: none has a use in a
 *   single line of this file, and TAB in particular would be read as a word separator.
 *   Decision: all our free-text fields are single-line, so TAB is rejected everywhere.
 * - Unicode direction overrides and the BOM are rejected: they make the file display differently
 *   from what ifupdown reads ("trojan source").
 *
 * Pure: no `node:` imports, runs in the browser and on the server.
 */
import { z } from 'zod';

/** Longest single-line value we accept (the file has no limit; this catches paste accidents). */
export const MAX_LINE_LENGTH = 1024;

export const SAFE_TEXT_MESSAGES = {
  lf: 'Must not contain a line break: the interfaces file is line based, so the rest would become a new line. Keep it on one line.',
  cr: 'Must not contain a carriage return (CR): the interfaces file is line based, so the rest would become a new line. Keep it on one line.',
  nul: 'Must not contain a NUL character: remove it.',
  lineSeparator:
    'Must not contain the Unicode line separator U+2028: some tools treat it as a line break. Remove it.',
  paragraphSeparator:
    'Must not contain the Unicode paragraph separator U+2029: some tools treat it as a line break. Remove it.',
  tab: 'Must not contain a tab: ifupdown reads it as a word separator. Use a plain space instead.',
  trailingBackslash:
    "Must not end with a backslash: ifupdown would join the next line onto this one. Remove the trailing '\\'.",
  makoBlock:
    "Must not contain '<%': ifupdown2 would treat the file as a Mako template and run this as code as root. Remove it.",
  percent:
    "Must not contain '%': ifupdown2 would treat the file as a Mako template. Remove the '%' (write 'percent' if you need the word).",
  makoExpression:
    "Must not contain '${': ifupdown2 would evaluate it as a Mako template expression. Remove it, or use $NAME without braces in shell commands.",
  tooLong: `Must be at most ${MAX_LINE_LENGTH} characters long. Shorten it.`,
} as const;

function hex(cp: number): string {
  return 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
}

function isBidiOrBom(cp: number): boolean {
  return (
    (cp >= 0x200e && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2066 && cp <= 0x2069) ||
    cp === 0xfeff
  );
}

/**
 * Every safe-text problem of `s`, as user-facing messages, most important first, each at most
 * once. Empty when `s` is safe.
 */
export function unsafeTextProblems(s: string): string[] {
  const out = new Set<string>();
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0x0a) out.add(SAFE_TEXT_MESSAGES.lf);
    else if (cp === 0x0d) out.add(SAFE_TEXT_MESSAGES.cr);
    else if (cp === 0x00) out.add(SAFE_TEXT_MESSAGES.nul);
    else if (cp === 0x2028) out.add(SAFE_TEXT_MESSAGES.lineSeparator);
    else if (cp === 0x2029) out.add(SAFE_TEXT_MESSAGES.paragraphSeparator);
    else if (cp === 0x09) out.add(SAFE_TEXT_MESSAGES.tab);
    else if (cp === 0x85)
      out.add(`Must not contain the control character ${hex(cp)} (next line): some tools treat it as a line break. Remove it.`);
    else if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
      out.add(`Must not contain the control character ${hex(cp)}: remove it.`);
    else if (isBidiOrBom(cp))
      out.add(
        `Must not contain the invisible character ${hex(cp)}: it makes the text display differently from what the file contains. Remove it.`,
      );
  }
  if (/\\\s*$/.test(s)) out.add(SAFE_TEXT_MESSAGES.trailingBackslash);
  if (s.includes('<%')) out.add(SAFE_TEXT_MESSAGES.makoBlock);
  else if (s.includes('%')) out.add(SAFE_TEXT_MESSAGES.percent);
  if (s.includes('${')) out.add(SAFE_TEXT_MESSAGES.makoExpression);
  if (s.length > MAX_LINE_LENGTH) out.add(SAFE_TEXT_MESSAGES.tooLong);
  return [...out];
}

export function isSafeText(s: string): boolean {
  return unsafeTextProblems(s).length === 0;
}

/**
 * Adds an issue about a single field's own value. Such issues are aborting (`continue: false`):
 * the cross-field rules of the enclosing form only run once every field is valid on its own,
 * so they never see (or echo) unsafe text.
 */
export function addFieldIssue(ctx: z.RefinementCtx, message: string): void {
  ctx.addIssue({ code: 'custom', message, continue: false });
}

/** Adds one issue per safe-text problem; returns false when there was any (callers stop there). */
export function addUnsafeTextIssues(s: string, ctx: z.RefinementCtx): boolean {
  const problems = unsafeTextProblems(s);
  for (const message of problems) addFieldIssue(ctx, message);
  return problems.length === 0;
}

export interface SafeLineOptions {
  /** Reject the empty string, with this message. */
  required?: string;
  /** Maximum length (default MAX_LINE_LENGTH). */
  max?: number;
}

/**
 * A single line of safe text. Empty is allowed unless `required` is set (forms send '' for an
 * untouched optional field; converters treat '' as "not set").
 */
export function safeLine(opts: SafeLineOptions = {}) {
  return z.string({ error: 'Must be text.' }).superRefine((s, ctx) => {
    if (!addUnsafeTextIssues(s, ctx)) return;
    if (s.trim() === '') {
      if (opts.required) addFieldIssue(ctx, opts.required);
      return;
    }
    if (opts.max !== undefined && s.length > opts.max)
      addFieldIssue(ctx, `Must be at most ${opts.max} characters long. Shorten it.`);
  });
}

/** Any single-line free text (e.g. a comment). */
export const safeTextSchema = safeLine();

/** A comment shown above the stanza as `# TEXT`. Single line by design (see common.ts). */
export const commentSchema = safeLine({ max: 200 });

/** A shell command for post-up / pre-down / … lines: non-empty, single line, safe. */
export const commandSchema = safeLine({ required: 'Enter a command, or remove this line.' });
