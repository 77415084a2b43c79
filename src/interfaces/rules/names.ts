/** `bad-name`: names Linux refuses (dev_valid_name), ifupdown's alias form NAME:LABEL aside. */
import type { Diagnostic } from '../types';
import { at, type Rule } from './context';

const MAX_BYTES = 15; // IFNAMSIZ 16 minus the terminating NUL
/** 1 to 15 printable ASCII characters other than `/` and `:`: valid unless `.` or `..`. */
const PLAIN = /^[\x21-\x2e\x30-\x39\x3b-\x7e]{1,15}$/;
const utf8 = new TextEncoder();

export function nameProblem(name: string): string | undefined {
  if (PLAIN.test(name) && name !== '.' && name !== '..') return undefined; // almost every name
  const bytes = utf8.encode(name).length;
  if (bytes > MAX_BYTES) return `the name is ${bytes} bytes long, Linux allows at most ${MAX_BYTES}: shorten it`;
  if (/[/ \t\n\v\f\r]/.test(name)) return `the name contains "/" or whitespace, which Linux refuses: rename it`;
  const parts = name.split(':');
  if (parts.length > 2 || parts.some((p) => p === ''))
    return `":" is only allowed once, in an alias name such as eth0:1: rename it`;
  if (parts[0] === '.' || parts[0] === '..') return `"${parts[0]}" is not a valid interface name: rename it`;
  return undefined;
}

export const names: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  const list = ctx.list;
  for (let k = 0; k < list.length; k++) { // indexed: for-of costs more until compiled (see context.ts)
    const { name, header } = list[k];
    const problem = nameProblem(name);
    if (problem) out.push(at(ctx.pos(header, 1), 'error', 'bad-name', `${name}: ${problem}.`, name));
  }
  return out;
};
