/** What the subcommands share: usage errors, argument helpers, diagnostics of a document. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Diagnostic, NetDocument } from '../interfaces/types';
import { validate } from '../interfaces/validate';
import type { Io } from './io';

/** Bad command line: printed with a pointer to the help, exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface Command {
  readonly name: string;
  /** Full help text (ends with a newline). */
  readonly help: string;
  run(args: string[], io: Io): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** `util.parseArgs`, strict, with its errors turned into UsageError. */
export function parse<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (typeof e?.code === 'string' && e.code.startsWith('ERR_PARSE_ARGS')) throw new UsageError(e.message);
    throw err;
  }
}

/** `--nics eth0,eth1` (repeatable) → names; undefined when not given. */
export function parseNics(values: readonly string[] | undefined): string[] | undefined {
  if (!values) return undefined;
  const names = values.flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean);
  for (const n of names) if (/\s/.test(n)) throw new UsageError(`--nics: "${n}" is not an interface name`);
  return names;
}

/** Every diagnostic of a document in line order (validate includes the parser's own). */
export function diagnose(doc: NetDocument, nics?: readonly string[]): Diagnostic[] {
  return validate(doc, nics ? { nics } : undefined);
}

export const hasErrors = (diags: readonly Diagnostic[]) => diags.some((d) => d.severity === 'error');

/** At most one `-` among the inputs: stdin can be read once. */
export function checkStdinOnce(paths: readonly string[]): void {
  if (paths.filter((p) => p === '-').length > 1) throw new UsageError('standard input ("-") can be given only once');
}
