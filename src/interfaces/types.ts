/**
 * Shared types of the interfaces engine: the lossless document, the typed model and diagnostics.
 * Pure data: no React, no `node:` imports (this runs in the browser and on the server).
 */

/** What a logical line is, decided from its first word and its place in the file. */
export type LineKind =
  | 'blank'
  | 'comment'
  | 'iface'
  | 'mapping'
  | 'auto'
  | 'allow'
  | 'source'
  | 'source-directory'
  | 'no-auto-down'
  | 'no-scripts'
  | 'option'
  | 'unknown';

/**
 * One logical line. `raw` holds its exact bytes: every physical line it spans (backslash
 * continuations) with their own line endings. Printing a document is `lines.map(l => l.raw).join('')`.
 */
export interface Line {
  readonly raw: string;
  /** Number of physical lines in `raw` (1 unless continued with `\`). */
  readonly physCount: number;
  /** Leading whitespace of the first physical line. */
  readonly indent: string;
  /** Logical content: continuations joined, line endings removed, leading whitespace removed. */
  readonly text: string;
  /** `text` split on whitespace. */
  readonly words: readonly string[];
  readonly kind: LineKind;
}

export type Family = 'inet' | 'inet6';

export interface IfaceBlock {
  readonly kind: 'iface';
  readonly name: string;
  /** undefined for ifupdown2's family-less `iface NAME` stanzas. */
  readonly family?: string;
  readonly method?: string;
  /** Index of the `iface` line. */
  readonly header: number;
  /** First owned line: the first leading comment, or the header. */
  readonly start: number;
  /** One past the last line of the body (options and comments; trailing blank lines excluded). */
  readonly end: number;
  /** Indexes of option lines in the body, in order. */
  readonly options: readonly number[];
  /** Indexes of comment lines: those owned above the header, then those in the body. */
  readonly leading: readonly number[];
  readonly comments: readonly number[];
}

export interface MappingBlock {
  readonly kind: 'mapping';
  readonly patterns: readonly string[];
  readonly header: number;
  readonly start: number;
  readonly end: number;
  readonly options: readonly number[];
  readonly leading: readonly number[];
  readonly comments: readonly number[];
}

export interface ListBlock {
  /** `auto a b`, `allow-hotplug a`, `no-auto-down a`, `no-scripts a`. */
  readonly kind: 'auto' | 'allow' | 'no-auto-down' | 'no-scripts';
  /** For `allow-CLASS` lines, CLASS; `auto` for `auto` lines. */
  readonly cls: string;
  readonly names: readonly string[];
  readonly line: number;
}

export interface SourceBlock {
  readonly kind: 'source' | 'source-directory';
  readonly path: string;
  readonly line: number;
}

export type Block = IfaceBlock | MappingBlock | ListBlock | SourceBlock;

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** 1-based physical line number (0 when the problem is not tied to a line). */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  readonly severity: Severity;
  /** Stable rule id, e.g. `unknown-method`. */
  readonly rule: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
  /** The interface the problem is about, when there is one. */
  readonly iface?: string;
}

export interface NetDocument {
  readonly lines: readonly Line[];
  readonly blocks: readonly Block[];
  /** 1-based physical line number of each logical line. */
  readonly lineNumbers: readonly number[];
  /** The file's dominant line ending, used for new lines. */
  readonly eol: '\n' | '\r\n';
  /** The file's dominant option indentation, used for new stanzas ('\t' when there is none). */
  readonly indent: string;
  /** Problems found while reading the structure (malformed lines, options outside a stanza). */
  readonly diagnostics: readonly Diagnostic[];
}

// ---------------------------------------------------------------------------------------------
// The typed model

export const IFACE_TYPES = [
  'loopback',
  'eth',
  'bond',
  'bridge',
  'vlan',
  'alias',
  'OVSBridge',
  'OVSBond',
  'OVSPort',
  'OVSIntPort',
  'unknown',
] as const;
export type IfaceType = (typeof IFACE_TYPES)[number];

/** The seven Linux bonding modes, canonical names in mode-number order (0-6). */
export const BOND_MODES = [
  'balance-rr',
  'active-backup',
  'balance-xor',
  'broadcast',
  '802.3ad',
  'balance-tlb',
  'balance-alb',
] as const;
export type BondMode = (typeof BOND_MODES)[number];

export interface FamilyModel {
  /** `static`, `manual`, `dhcp`, `loopback`, `auto`, … as written (unknown methods kept as is). */
  method: string;
  /** First address as CIDR (`10.0.0.1/24`); a netmask line is folded in. */
  cidr?: string;
  /** Further addresses (ifupdown2 allows several `address` lines). */
  extraCidrs?: string[];
  gateway?: string;
}

export interface BridgeModel {
  ports: string[];
  stp?: boolean;
  fd?: number;
  vlanAware?: boolean;
  vids?: string;
}

export interface BondModel {
  slaves: string[];
  mode?: BondMode;
  miimon?: number;
  xmitHashPolicy?: string;
  lacpRate?: string;
  primary?: string;
  updelay?: number;
  downdelay?: number;
}

export interface VlanModel {
  rawDevice?: string;
  id?: number;
  protocol?: string;
}

export interface OvsModel {
  type: string;
  bridge?: string;
  ports?: string[];
  bonds?: string[];
  options?: string;
}

export interface RawOption {
  /** Key as written in the file (`bond_mode`, `post-up`, …). */
  key: string;
  value: string;
  /** Family of the stanza the line is in; null for a family-less stanza. */
  family: Family | null;
}

export interface InterfaceModel {
  name: string;
  type: IfaceType;
  /** `auto NAME` or `allow-auto NAME`. */
  autostart: boolean;
  /** `allow-hotplug NAME`, kept apart from autostart. */
  hotplug: boolean;
  inet?: FamilyModel;
  inet6?: FamilyModel;
  mtu?: number;
  /** Comment lines owned by the interface, `#` and one following space stripped, joined by `\n`. */
  comments?: string;
  bridge?: BridgeModel;
  bond?: BondModel;
  vlan?: VlanModel;
  ovs?: OvsModel;
  /** Every other option line, raw, in file order. */
  options: RawOption[];
}
