/**
 * What every validation rule gets: the document, its interfaces and option lines, and helpers that
 * turn a logical line and a word of it into a diagnostic position (1-based physical line, 1-based
 * column).
 *
 * Positions: the line is always `doc.lineNumbers[i]` (the first physical line of the logical line).
 * The column is the token's column when the token starts on that first physical line; a token that
 * only starts on a backslash-continued physical line gets the column of the line's first word.
 *
 * Speed: `netstage check` validates a large host file (43k lines, ~9k interfaces, ~17k option
 * lines) once, mostly before V8 has compiled anything, where every call and every object counts.
 * So the context is built in one pass over the option lines, which records each line's key (read
 * in place, see lines.ts), line and interface in flat arrays, and for the keys of FIRST_KEYS the
 * first line of each interface that has one: rules go through those lists (the 4k `bridge-ports`
 * lines, say) rather than asking each of the 9k interfaces for its lines. An option
 * line becomes an object (OptionRef) only when a rule asks for it; its value and words, the typed
 * model, the owner of a line and word columns are worked out on first use too.
 */
import { canonicalKey } from '../keys';
import type { LineTable } from '../lexer';
import { firstWord, firstWordIs, rawAt, tableOfDoc, valueText, wordsAt, wordsFrom } from '../lines';
import { toModel } from '../model';
import type { Diagnostic, IfaceBlock, InterfaceModel, NetDocument, Severity } from '../types';

export interface OptionRef {
  /** Logical line index. */
  readonly index: number;
  readonly block: IfaceBlock;
  /** The interface the line belongs to. */
  readonly iface: Iface;
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
  readonly stanzaCount: number;
  /** Line of its first stanza's header. */
  readonly header: number;
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
  /** The same interfaces, in the same order. */
  readonly list: readonly Iface[];
  /** The interfaces with a `bond-*` option line (`slaves` is `bond-slaves`). */
  readonly bonds: readonly Iface[];
  readonly nics: ReadonlySet<string>;
  /** Option lines of every iface stanza whose canonical key is `key`, in file order. */
  optionsWith(key: string): readonly OptionRef[];
  /**
   * For each interface that has one, its first option line with canonical key `key` (the one that
   * counts for a single-valued setting), in file order. `key` must be one of FIRST_KEYS.
   */
  firstOptions(key: string): readonly OptionRef[];
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

/** The keys `ctx.firstOptions(key)` lists, recorded while the context is built (at most 32). */
const FIRST_KEYS = ['bridge-ports', 'bond-slaves', 'ovs-ports', 'ovs-bonds', 'bond-primary', 'vlan-raw-device', 'mtu'];
const SLOT = new Map(FIRST_KEYS.map((k, s) => [k, s]));
const NO_SLOT = -1;

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

/** The option lines of a document, in flat arrays indexed by option number (file order). */
interface Table {
  /** The document's lines. */
  readonly lines: LineTable;
  /** Logical line index of each option. */
  readonly index: Int32Array;
  readonly key: string[];
  readonly iface: Interface[];
  readonly block: IfaceBlock[];
  /** OptionRef of each option, made when first asked for. */
  readonly refs: (OptionRef | undefined)[];
  /** Per indexed key, the numbers of each interface's first option with it, in file order. */
  readonly firstsBySlot: number[][];
  readonly bonds: Interface[];
}

// Option and Interface declare their fields and set them in the constructor (no field
// initializers): an initializer is one more function run for each of thousands of objects, made
// mostly before V8 has compiled anything.

/** An option line; its value and words are worked out when a rule asks (for most lines none does). */
class Option implements OptionRef {
  declare readonly index: number;
  declare readonly block: IfaceBlock;
  declare readonly iface: Interface;
  declare readonly key: string;
  declare private readonly lines: LineTable;
  declare private text: string | undefined;
  declare private words: readonly string[] | undefined;
  constructor(index: number, block: IfaceBlock, iface: Interface, key: string, lines: LineTable) {
    this.index = index;
    this.block = block;
    this.iface = iface;
    this.key = key;
    this.lines = lines;
    this.text = undefined;
    this.words = undefined;
  }
  get name(): string {
    return this.block.name;
  }
  get rawKey(): string {
    return firstWord(this.lines, this.index);
  }
  get value(): string {
    return (this.text ??= valueText(this.lines, this.index));
  }
  get values(): readonly string[] {
    if (this.words === undefined) {
      const words = wordsFrom(this.lines, this.index, 1);
      this.words = words.includes('') ? words.filter(Boolean) : words;
    }
    return this.words;
  }
}

function ref(t: Table, n: number): OptionRef {
  return (t.refs[n] ??= new Option(t.index[n], t.block[n], t.iface[n], t.key[n], t.lines));
}

/**
 * An interface: its option numbers are `[lo, hi)` while they follow each other (nearly always:
 * one stanza), else listed in `more` (in file order). Its stanzas other than the first are in
 * `others`.
 */
class Interface implements Iface {
  declare private readonly t: Table;
  declare readonly name: string;
  declare readonly first: IfaceBlock;
  declare readonly header: number;
  declare lo: number;
  declare hi: number;
  declare more: number[] | undefined;
  declare others: IfaceBlock[] | undefined;
  declare stanzaCount: number;
  declare hasBondLine: boolean;
  /** The FIRST_KEYS (by bit) it has an option line with. */
  declare seen: number;
  constructor(t: Table, name: string, first: IfaceBlock) {
    this.t = t;
    this.name = name;
    this.first = first;
    this.header = first.header;
    this.lo = 0;
    this.hi = 0;
    this.more = undefined;
    this.others = undefined;
    this.stanzaCount = 1;
    this.hasBondLine = false;
    this.seen = 0;
  }
  /** Made when asked for: nearly every rule needs only the first stanza's header. */
  get blocks(): readonly IfaceBlock[] {
    return this.others === undefined ? [this.first] : [this.first, ...this.others];
  }
  addStanza(b: IfaceBlock): void {
    (this.others ??= []).push(b);
    this.stanzaCount++;
  }
  /** Option number `n` is one of its lines (numbers come in increasing order). */
  add(n: number): void {
    if (this.more !== undefined) this.more.push(n);
    else if (this.hi === this.lo) {
      this.lo = n;
      this.hi = n + 1;
    } else if (n === this.hi) this.hi++;
    else {
      this.more = [];
      for (let k = this.lo; k < this.hi; k++) this.more.push(k);
      this.more.push(n);
    }
  }
  option(key: string): OptionRef | undefined {
    const { key: keys } = this.t;
    if (this.more === undefined) {
      for (let n = this.lo; n < this.hi; n++) if (keys[n] === key) return ref(this.t, n);
    } else for (const n of this.more) if (keys[n] === key) return ref(this.t, n);
    return undefined;
  }
  optionsWith(key: string): readonly OptionRef[] {
    if (this.option(key) === undefined) return NO_OPTIONS;
    const out: OptionRef[] = [];
    const { key: keys } = this.t;
    if (this.more === undefined) {
      for (let n = this.lo; n < this.hi; n++) if (keys[n] === key) out.push(ref(this.t, n));
    } else for (const n of this.more) if (keys[n] === key) out.push(ref(this.t, n));
    return out;
  }
}

/**
 * An Option and an Interface of the last validation, kept alive. V8 holds the hidden classes of a
 * class's instances only weakly: once no instance lives, a full GC between two validations drops
 * them, and the next run deoptimises every rule that reads an option or an interface (measured:
 * validate's median doubled in the benchmark, which runs a GC before each run). See line.ts too.
 */
let keepShapes: readonly [OptionRef, Interface] | undefined;

/**
 * The keys of option lines. Each distinct key as written gets a number, and with it its canonical
 * key (interned), its slot in FIRST_KEYS and whether it is a `bond-*` key, worked out once. Finding
 * a line's number needs its key as a string of its own for a Map lookup; but stanzas of a kind
 * list their keys in the same order (bridge-ports, bridge-stp, bridge-fd), so the key is first
 * compared in place with the one that followed the previous line's key last time (9 lines in 10
 * of the benchmark file), then with the k-th key of the last stanza that had k option lines.
 */
interface Keys {
  readonly numbers: Map<string, number>;
  readonly raw: string[];
  readonly canonical: string[];
  readonly slot: number[];
  readonly bond: boolean[];
  /** By number of the previous key plus 1 (0: a stanza's first line), the number of the next one. */
  readonly next: number[];
  /** The number of the k-th key of the last stanza with k option lines. */
  readonly kth: number[];
}

const newKeys = (): Keys => ({ numbers: new Map(), raw: [], canonical: [], slot: [], bond: [], next: [], kth: [] });

/** The number of the key of line i, the k-th option line of its stanza, after a key numbered `prev` (-1: none). */
function keyNumber(keys: Keys, lines: LineTable, i: number, k: number, prev: number): number {
  let n = keys.next[prev + 1];
  if (n === undefined || !firstWordIs(lines, i, keys.raw[n])) {
    n = keys.kth[k];
    if (n === undefined || !firstWordIs(lines, i, keys.raw[n])) n = numberOf(keys, firstWord(lines, i));
    keys.next[prev + 1] = n;
  }
  keys.kth[k] = n;
  return n;
}

function numberOf(keys: Keys, raw: string): number {
  let n = keys.numbers.get(raw);
  if (n === undefined) {
    n = keys.canonical.length;
    const key = intern(canonicalKey(raw));
    keys.raw.push(raw);
    keys.canonical.push(key);
    keys.slot.push(SLOT.get(key) ?? NO_SLOT);
    keys.bond.push(key.startsWith('bond-'));
    keys.numbers.set(raw, n);
  }
  return n;
}

export function makeContext(doc: NetDocument, nics: readonly string[] = []): RuleContext {
  let total = 0;
  let hasSources = false;
  // Loops over blocks, lines and interfaces are indexed rather than for-of: much of this runs
  // before V8 compiles it, and an uncompiled for-of makes an iterator call and object per step.
  const blocks = doc.blocks;
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k];
    if (b.kind === 'iface') total += b.options.length;
    else if (b.kind === 'source' || b.kind === 'source-directory') hasSources = true;
  }
  const lines = tableOfDoc(doc);
  const t: Table = {
    lines,
    index: new Int32Array(total),
    key: new Array<string>(total),
    iface: new Array<Interface>(total),
    block: new Array<IfaceBlock>(total),
    refs: new Array<OptionRef | undefined>(total),
    firstsBySlot: FIRST_KEYS.map(() => []),
    bonds: [],
  };
  const keys = newKeys();
  const slotOf = new Int8Array(total);
  // One pass: interfaces by name with their option lines. The nameless stanzas of malformed
  // `iface` lines are grouped too (their options are looked up by name ''), but are no interface.
  const byName = new Map<string, Interface>();
  const list: Interface[] = [];
  let count = 0;
  let inOrder = true;
  for (let bk = 0; bk < blocks.length; bk++) {
    const b = blocks[bk];
    if (b.kind !== 'iface') continue;
    let it = byName.get(b.name);
    if (it === undefined) {
      byName.set(b.name, (it = new Interface(t, b.name, b)));
      if (b.name !== '') list.push(it);
    } else it.addStanza(b);
    const opts = b.options;
    let kn = -1;
    for (let k = 0; k < opts.length; k++) {
      const i = opts[k];
      kn = keyNumber(keys, lines, i, k, kn);
      const n = count++;
      if (n > 0 && i < t.index[n - 1]) inOrder = false;
      t.index[n] = i;
      t.key[n] = keys.canonical[kn];
      t.iface[n] = it;
      t.block[n] = b;
      slotOf[n] = keys.slot[kn];
      if (keys.bond[kn] && !it.hasBondLine) {
        it.hasBondLine = true;
        t.bonds.push(it);
      }
      if (inOrder) addOption(t, it, n, slotOf[n]);
    }
  }
  // Blocks come in file order, so the options do too; renumber them if a document breaks that.
  if (!inOrder) inFileOrder(t, slotOf, byName);
  if (count > 0) keepShapes = [ref(t, 0), t.iface[0]];
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
    const raw = rawAt(lines, i);
    let end = raw.indexOf('\n');
    if (end === -1) end = raw.length;
    else if (end > 0 && raw.charCodeAt(end - 1) === CR) end--;
    if (lines.phys[i] > 1 && end > 0 && raw.charCodeAt(end - 1) === BACKSLASH) end--;
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
      owner = new Array<IfaceBlock | undefined>(lines.length).fill(undefined);
      for (const b of doc.blocks) if (b.kind === 'iface') for (let j = b.start; j < b.end; j++) owner[j] = b;
    }
    return owner[i];
  };

  const withKey = new Map<string, readonly OptionRef[]>();
  const optionsWith = (key: string): readonly OptionRef[] => {
    let found = withKey.get(key);
    if (found === undefined) {
      const out: OptionRef[] = [];
      for (let n = 0; n < count; n++) if (t.key[n] === key) out.push(ref(t, n));
      withKey.set(key, (found = out));
    }
    return found;
  };
  const firsts = new Map<string, readonly OptionRef[]>();
  const firstOptions = (key: string): readonly OptionRef[] => {
    let found = firsts.get(key);
    if (found === undefined) {
      const s = SLOT.get(key);
      if (s === undefined) throw new Error(`firstOptions: ${key} is not one of FIRST_KEYS`);
      const out: OptionRef[] = [];
      for (const n of t.firstsBySlot[s]) if (t.iface[n].name !== '') out.push(ref(t, n)); // '': no interface (see above)
      firsts.set(key, (found = out));
    }
    return found;
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
    list,
    bonds: t.bonds.filter((it) => it.name !== ''),
    nics: new Set(nics),
    optionsWith,
    firstOptions,
    optionsOf: (name, key) => byName.get(name)?.optionsWith(key) ?? NO_OPTIONS,
    optionOf: (name, key) => byName.get(name)?.option(key),
    line: (i) => doc.lineNumbers[i],
    pos,
    posOf: (i, token, from = 1) => {
      const w = wordsAt(lines, i).indexOf(token, from);
      return pos(i, w === -1 ? from : w);
    },
    ownerOf,
    hasSources,
  };
}

/** Option `n` (of indexed key slot `s`, or NO_SLOT) is the next line of interface `it`. */
function addOption(t: Table, it: Interface, n: number, s: number): void {
  it.add(n);
  if (s === NO_SLOT || it.seen & (1 << s)) return;
  it.seen |= 1 << s;
  t.firstsBySlot[s].push(n);
}

/**
 * Number the options in file order (only for a hand-made document whose blocks are out of order)
 * and record them in their interfaces again.
 */
function inFileOrder(t: Table, slotOf: Int8Array, byName: Map<string, Interface>): void {
  const order = Array.from(t.index.keys()).sort((a, b) => t.index[a] - t.index[b]);
  const permute = <T,>(xs: { [n: number]: T }) => {
    const copy = order.map((n) => xs[n]);
    copy.forEach((x, n) => (xs[n] = x));
  };
  permute(t.index);
  permute(t.key);
  permute(t.iface);
  permute(t.block);
  permute(slotOf);
  for (const list of t.firstsBySlot) list.length = 0;
  for (const it of byName.values()) {
    it.lo = it.hi = 0;
    it.more = undefined;
    it.seen = 0;
  }
  for (let n = 0; n < order.length; n++) addOption(t, t.iface[n], n, slotOf[n]);
}
