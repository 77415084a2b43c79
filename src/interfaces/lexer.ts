/**
 * Lexer: text → logical lines that keep every byte.
 *
 * A physical line ends at `\n` (a preceding `\r` stays with the ending). A physical line whose
 * content ends with a backslash continues onto the next one, as in ifupdown: the logical line joins
 * them, `raw` keeps them all.
 */
import type { Line, LineKind } from './types';

const KEYWORDS: Record<string, LineKind> = {
  iface: 'iface',
  mapping: 'mapping',
  auto: 'auto',
  source: 'source',
  'source-directory': 'source-directory',
  'no-auto-down': 'no-auto-down',
  'no-scripts': 'no-scripts',
};

/** Split text into physical lines, each with its own line ending (the last may have none). */
export function splitPhysical(text: string): string[] {
  const out: string[] = [];
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    if (nl === -1) {
      out.push(text.slice(pos));
      break;
    }
    out.push(text.slice(pos, nl + 1));
    pos = nl + 1;
  }
  return out;
}

function stripEol(phys: string): string {
  if (phys.endsWith('\r\n')) return phys.slice(0, -2);
  if (phys.endsWith('\n')) return phys.slice(0, -1);
  return phys;
}

/** Classify a logical line by its first word (context-free; the parser refines `option`). */
export function classify(text: string): LineKind {
  if (text === '') return 'blank';
  if (text.startsWith('#')) return 'comment';
  const first = text.split(/[ \t]/, 1)[0];
  const kw = KEYWORDS[first];
  if (kw) return kw;
  if (first.startsWith('allow-')) return 'allow';
  return 'option';
}

/** Build a Line from its raw bytes (one or more physical lines). */
export function makeLine(raw: string): Line {
  const phys = splitPhysical(raw);
  const first = stripEol(phys[0] ?? '');
  const indent = /^[ \t]*/.exec(first)![0];
  // Continuations: drop the trailing backslash and join with the next physical line.
  let joined = '';
  for (let i = 0; i < phys.length; i++) {
    let content = stripEol(phys[i]);
    if (i < phys.length - 1 && content.endsWith('\\')) content = content.slice(0, -1);
    joined += content;
  }
  const text = joined.replace(/^[ \t]+/, '').replace(/[ \t\r]+$/, '');
  const kind = classify(text);
  // Comments are not split: their words are of no use and may be long.
  const words = kind === 'comment' || kind === 'blank' ? [] : text.split(/[ \t]+/);
  return { raw, physCount: phys.length, indent, text, words, kind };
}

/** Text → logical lines. `lex(t).map(l => l.raw).join('') === t` for every string t. */
export function lex(text: string): Line[] {
  const phys = splitPhysical(text);
  const lines: Line[] = [];
  let i = 0;
  while (i < phys.length) {
    let raw = phys[i];
    // A comment line does not continue (ifupdown strips comments before joining).
    const isComment = /^[ \t]*#/.test(raw);
    while (!isComment && i < phys.length - 1 && stripEol(phys[i]).endsWith('\\')) {
      i++;
      raw += phys[i];
    }
    lines.push(makeLine(raw));
    i++;
  }
  return lines;
}
