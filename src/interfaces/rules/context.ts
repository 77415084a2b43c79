/**
 * What every validation rule gets: the document, its interfaces and option lines, and helpers that
 * turn a logical line and a word of it into a diagnostic position (1-based physical line, 1-based
 * column).
 *
 * Positions: the line is always `doc.lineNumbers[i]` (the first physical line of the logical line).
 * The column is the token's column when the token starts on that first physical line; a token that
 * only starts on a backslash-continued physical line gets the column of the line's first word.
 *
 * Speed: a large host file (43k lines, ~9k interfaces, ~17k option lines) validates in a few
 * milliseconds. The context is built in one pass over the blocks; what rules need only now and then
 * (an option's value and words, the typed model, the owner of a line, word columns) is worked out
 * on first use, and rules work out positions only for what they report. Allocation matters as much
 * as work (right after a parse, a young-generation GC has to copy the whole fresh document), so
 * rules hoist their regexes (a regex literal is a new object each time it is evaluated) and avoid
 * making closures, arrays or strings per interface or option line where they can.
 */
import { canonicalKey } from '../keys';
import { toModel } from '../model';
import type { Diagnostic, IfaceBlock, InterfaceModel, Line, NetDocument, Severity } from '../types';

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

/** One interface: its stanzas (inet, inet6, family-less; all named alike) and their option lines. */
export interface Iface {
  readonly name: string;
  /** Its stanzas, in file order. */
  readonly blocks: readonly IfaceBlock[];
  /** Option lines of all its stanzas, in file order. */
  readonly options: readonly OptionRef[];
  /** The first option line with canonical key `key`: the one that counts for a single-valued setting. */
  option(key: string): OptionRef | undefined;
  /** Every option line with canonical key `key`, in file order. */
  optionsWith(key: string): readonly OptionRef[];
}

export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface RuleContext {
  readonly doc: NetDocument;
  /** The typed model (built on first use: rules need it only in rare cases). */
  readonly model: readonly InterfaceModel[];
  readonly byName: ReadonlyMap<string, InterfaceModel>;
  /** Interfaces by name (the names of their `iface` stanzas), in order of first appearance. */
  readonly interfaces: ReadonlyMap<string, Iface>;
  readonly nics: ReadonlySet<string>;
  /** Every option line of every iface stanza, in file order. */
  readonly options: readonly OptionRef[];
  /** Option lines of interface `name` whose canonical key is `key`, in file order. */
  optionsOf(name: string, key: string): readonly OptionRef[];
  /** The first of them, the one that counts for a single-valued setting. */
  optionOf(name: string, key: string): OptionRef | undefined;
  /** Physical line number of logical line `i` (the line of every position on it). */
  line(i: number): number;
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

const DOTTED = /^(.+)\.(\d+)$/;

/** `raw.N` (a dotted VLAN name) → [raw, N]; anything else → null. */
export function splitDotted(name: string): [raw: string, id: string] | null {
  if (name.indexOf('.') === -1 || !DOTTED.test(name)) return null; // test(): no match array
  const dot = name.lastIndexOf('.'); // the digits after the dot hold no dot: it is the last one
  return [name.slice(0, dot), name.slice(dot + 1)];
}

// Not frozen: a frozen array is another kind of array to V8, which would make the loops over option
// lists polymorphic (and slower). `readonly` keeps rules from changing it.
const NO_OPTIONS: readonly OptionRef[] = [];

const CR = 13;
const BACKSLASH = 92;
const isBlank = (c: number) => c === 32 || c === 9; // space, tab

/**
 * The engine's unique copy of string `s` (property names are interned, like string literals): the
 * rules compare keys with literals (`o.key === 'address'`) thousands of times, and two interned
 * strings compare by identity.
 */
const intern = (s: string): string => Object.keys({ [s]: 0 })[0];

/** An option line; its value and words are worked out when a rule asks (for most lines none does). */
class Option implements OptionRef {
  private valueText?: string;
  private valueWords?: readonly string[];
  constructor(
    readonly index: number,
    readonly block: IfaceBlock,
    readonly key: string,
    private readonly line: Line,
  ) {}
  get name(): string {
    return this.block.name;
  }
  get rawKey(): string {
    return this.line.words[0];
  }
  get value(): string {
    return (this.valueText ??= this.line.text.slice(this.rawKey.length).trim());
  }
  get values(): readonly string[] {
    if (this.valueWords === undefined) {
      const words = this.line.words.slice(1);
      this.valueWords = words.includes('') ? words.filter(Boolean) : words;
    }
    return this.valueWords;
  }
}

// Arrays are made at their final size where possible: `[]` grown by push reserves 17 slots, and a
// large file has thousands of one-stanza interfaces with a few options each.
class Interface implements Iface {
  readonly blocks: IfaceBlock[];
  options: readonly OptionRef[];
  constructor(
    readonly name: string,
    block: IfaceBlock,
    options: readonly OptionRef[],
  ) {
    this.blocks = [block];
    this.options = options;
  }
  /** Another stanza of the same name (an inet6 one after the inet one, say). */
  addStanza(block: IfaceBlock, options: readonly OptionRef[]): void {
    this.blocks.push(block);
    if (options.length) this.options = this.options.concat(options);
  }
  option(key: string): OptionRef | undefined {
    const options = this.options;
    for (let k = 0; k < options.length; k++) if (options[k].key === key) return options[k];
    return undefined;
  }
  optionsWith(key: string): readonly OptionRef[] {
    return this.option(key) === undefined ? NO_OPTIONS : this.options.filter((o) => o.key === key);
  }
}

/**
 * An Option and an Interface of the last validation, kept alive. V8 holds the hidden classes of a
 * class's instances only weakly: once no instance lives, a full GC between two validations drops
 * them, and the next run deoptimises every rule that reads an option or an interface (measured:
 * validate's median doubled in the benchmark, which runs a GC before each run). See parser.ts too.
 */
let keepShapes: readonly [Option, Interface] | undefined;

export function makeContext(doc: NetDocument, nics: readonly string[] = []): RuleContext {
  let total = 0;
  for (const b of doc.blocks) if (b.kind === 'iface') total += b.options.length;
  const options = new Array<Option>(total);
  let count = 0; // options made so far

  // Canonical keys, interned. A Map lookup hashes the key, and each line's key is a string of its
  // own; but a stanza nearly always lists the keys of the stanza before it, in the same order
  // (bridge-ports, bridge-stp, bridge-fd), and comparing with those first is cheaper.
  const keyOf = new Map<string, string>();
  const previousRaw: string[] = [];
  const previousKey: string[] = [];
  const canonical = (rawKey: string, k: number): string => {
    if (rawKey === previousRaw[k]) return previousKey[k];
    let key = keyOf.get(rawKey);
    if (key === undefined) keyOf.set(rawKey, (key = intern(canonicalKey(rawKey))));
    previousRaw[k] = rawKey;
    previousKey[k] = key;
    return key;
  };
  let inOrder = true;
  /** The Options of block `b`, also appended to `options`. */
  const optionsOfBlock = (b: IfaceBlock): Option[] => {
    const own = new Array<Option>(b.options.length);
    for (let k = 0; k < own.length; k++) {
      const i = b.options[k];
      const line = doc.lines[i];
      const key = canonical(line.words[0], k);
      if (count > 0 && i < options[count - 1].index) inOrder = false;
      own[k] = options[count++] = new Option(i, b, key, line);
    }
    return own;
  };
  // One pass: interfaces by name with their option lines. The nameless stanzas of malformed
  // `iface` lines are grouped too (their options are looked up by name ''), but are no interface.
  const byName = new Map<string, Interface>();
  let hasSources = false;
  for (const b of doc.blocks) {
    if (b.kind === 'source' || b.kind === 'source-directory') hasSources = true;
    if (b.kind !== 'iface') continue;
    const own = b.options.length ? optionsOfBlock(b) : NO_OPTIONS;
    const it = byName.get(b.name);
    if (it) it.addStanza(b, own);
    else byName.set(b.name, new Interface(b.name, b, own));
  }
  // Blocks come in file order, so the lists are too; sort only if a document breaks that.
  if (!inOrder) {
    const byIndex = (a: OptionRef, b: OptionRef) => a.index - b.index;
    options.sort(byIndex);
    for (const it of byName.values()) it.options = [...it.options].sort(byIndex);
  }
  if (count > 0) keepShapes = [options[0], byName.get(options[0].name)!];
  let interfaces: Map<string, Interface> = byName;
  if (byName.has('')) {
    interfaces = new Map(byName);
    interfaces.delete('');
  }

  // Word columns of a line's first physical line, worked out when a rule reports on that line:
  // where each run of characters other than space and tab starts, the line ending (and the
  // backslash of a continued line) left out.
  const starts = new Map<number, number[]>();
  const wordStarts = (i: number): number[] => {
    let s = starts.get(i);
    if (s) return s;
    const { raw, physCount } = doc.lines[i];
    let end = raw.indexOf('\n');
    if (end === -1) end = raw.length;
    else if (end > 0 && raw.charCodeAt(end - 1) === CR) end--;
    if (physCount > 1 && end > 0 && raw.charCodeAt(end - 1) === BACKSLASH) end--;
    s = [];
    for (let k = 0; k < end; k++) if (!isBlank(raw.charCodeAt(k)) && (k === 0 || isBlank(raw.charCodeAt(k - 1)))) s.push(k + 1);
    starts.set(i, s);
    return s;
  };
  const pos = (i: number, word = 0): Position => {
    const s = wordStarts(i);
    return { line: doc.lineNumbers[i], column: s[word] ?? s[0] ?? 1 };
  };

  let owner: (IfaceBlock | undefined)[] | undefined;
  const ownerOf = (i: number): IfaceBlock | undefined => {
    if (!owner) {
      owner = new Array<IfaceBlock | undefined>(doc.lines.length).fill(undefined);
      for (const b of doc.blocks) if (b.kind === 'iface') for (let j = b.start; j < b.end; j++) owner[j] = b;
    }
    return owner[i];
  };

  let model: InterfaceModel[] | undefined;
  let modelByName: Map<string, InterfaceModel> | undefined;
  const getModel = () => (model ??= toModel(doc, { nics }));

  return {
    doc,
    get model() {
      return getModel();
    },
    get byName() {
      return (modelByName ??= new Map(getModel().map((m) => [m.name, m])));
    },
    interfaces,
    nics: new Set(nics),
    options,
    optionsOf: (name, key) => byName.get(name)?.optionsWith(key) ?? NO_OPTIONS,
    optionOf: (name, key) => byName.get(name)?.option(key),
    line: (i) => doc.lineNumbers[i],
    pos,
    posOf: (i, token, from = 1) => {
      const w = doc.lines[i].words.indexOf(token, from);
      return pos(i, w === -1 ? from : w);
    },
    ownerOf,
    hasSources,
  };
}
