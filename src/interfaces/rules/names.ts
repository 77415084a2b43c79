/** `bad-name`: names Linux refuses (dev_valid_name), ifupdown's alias form NAME:LABEL aside. */
import type { Diagnostic } from '../types';
import { at, type Rule } from './context';

const MAX_BYTES = 15; // IFNAMSIZ 16 minus the terminating NUL

export function nameProblem(name: string): string | undefined {
  const bytes = new TextEncoder().encode(name).length;
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
  for (const [name, blocks] of ctx.stanzas) {
    const problem = nameProblem(name);
    if (problem) out.push(at(ctx.pos(blocks[0].header, 1), 'error', 'bad-name', `${name}: ${problem}.`, name));
  }
  return out;
};
