/**
 * What every validation rule gets: the document, its model, and helpers that turn a logical line
 * and a word of it into a diagnostic position (1-based physical line, 1-based column).
 *
 * Positions: the line is always `doc.lineNumbers[i]` (the first physical line of the logical line).
 * The column is the token's column when the token starts on that first physical line; a token that
 * only starts on a backslash-continued physical line gets the column of the line's first word.
 */
import { splitPhysical } from '../lexer';
import { canonicalKey } from '../keys';
import { stanzasByName, toModel } from '../model';
import type { Diagnostic, IfaceBlock, InterfaceModel, NetDocument, Severity } from '../types';

export interface OptionRef {
  /** Logical line index. */
  readonly index: number;
  readonly block: IfaceBlock;
  /** Interface name (the block's). */
  readonly name: string;
  /** Canonical key (`bridge_ports` → `bridge-ports`, `slaves` → `bond-slaves`). */
  readonly key: string;
  /** Key as written. */
  readonly rawKey: string;
  /** Everything after the key, trimmed. */
  readonly value: string;
  /** The value's words (line words after the key). */
  readonly values: readonly string[];
}

export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface RuleContext {
  readonly doc: NetDocument;
  readonly model: readonly InterfaceModel[];
  readonly byName: ReadonlyMap<string, InterfaceModel>;
  /** Interface stanzas by name, in order of first appearance. */
  readonly stanzas: ReadonlyMap<string, readonly IfaceBlock[]>;
  readonly nics: ReadonlySet<string>;
  /** Every option line of every iface stanza, in file order. */
  readonly options: readonly OptionRef[];
  /** Option lines of interface `name` whose canonical key is `key`, in file order. */
  optionsOf(name: string, key: string): readonly OptionRef[];
  /** Position of word `word` (0 = first word) of logical line `i`. */
  pos(i: number, word?: number): Position;
  /** Position of the first word equal to `token` (searched from word `from`), else of word `from`. */
  posOf(i: number, token: string, from?: number): Position;
  /** The iface stanza whose lines include logical line `i`, if any. */
  ownerOf(i: number): IfaceBlock | undefined;
  /** Does the file contain `source` or `source-directory` lines (declarations we cannot see)? */
  readonly hasSources: boolean;
}

export type Rule = (ctx: RuleContext) => Diagnostic[];

/** Build a diagnostic at a position. */
export function at(p: Position, severity: Severity, rule: string, message: string, iface?: string): Diagnostic {
  return iface === undefined
    ? { line: p.line, column: p.column, severity, rule, message }
    : { line: p.line, column: p.column, severity, rule, message, iface };
}

export function makeContext(doc: NetDocument, nics: readonly string[] = []): RuleContext {
  const stanzas = stanzasByName(doc);
  const model = toModel(doc, { nics });
  const byName = new Map(model.map((m) => [m.name, m]));
  const options: OptionRef[] = [];
  const byKey = new Map<string, OptionRef[]>();
  const owner = new Map<number, IfaceBlock>();
  for (const b of doc.blocks) {
    if (b.kind !== 'iface') continue;
    for (let i = b.start; i < b.end; i++) owner.set(i, b);
    for (const i of b.options) {
      const line = doc.lines[i];
      const rawKey = line.words[0];
      const ref: OptionRef = {
        index: i,
        block: b,
        name: b.name,
        key: canonicalKey(rawKey),
        rawKey,
        value: line.text.slice(rawKey.length).trim(),
        values: line.words.slice(1).filter(Boolean),
      };
      options.push(ref);
      const k = `${b.name}\0${ref.key}`;
      const list = byKey.get(k);
      if (list) list.push(ref);
      else byKey.set(k, [ref]);
    }
  }
  options.sort((a, b) => a.index - b.index);
  for (const list of byKey.values()) list.sort((a, b) => a.index - b.index);

  const starts = new Map<number, number[]>();
  const wordStarts = (i: number): number[] => {
    let s = starts.get(i);
    if (s) return s;
    let first = splitPhysical(doc.lines[i].raw)[0] ?? '';
    first = first.replace(/\r?\n$/, '');
    if (doc.lines[i].physCount > 1) first = first.replace(/\\$/, '');
    s = [];
    for (const m of first.matchAll(/[^ \t]+/g)) s.push(m.index! + 1);
    starts.set(i, s);
    return s;
  };
  const pos = (i: number, word = 0): Position => {
    const s = wordStarts(i);
    return { line: doc.lineNumbers[i], column: s[word] ?? s[0] ?? 1 };
  };
  return {
    doc,
    model,
    byName,
    stanzas,
    nics: new Set(nics),
    options,
    optionsOf: (name, key) => byKey.get(`${name}\0${key}`) ?? [],
    pos,
    posOf: (i, token, from = 1) => {
      const w = doc.lines[i].words.indexOf(token, from);
      return pos(i, w === -1 ? from : w);
    },
    ownerOf: (i) => owner.get(i),
    hasSources: doc.blocks.some((b) => b.kind === 'source' || b.kind === 'source-directory'),
  };
}
