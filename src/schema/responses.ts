/**
 * Shapes of the API's answers, shared by the server (which builds them) and the panel (which
 * reads them). Types only: nothing here runs.
 */
import type { Diagnostic, InterfaceModel } from '../interfaces/types';

export interface Nic {
  name: string;
  /** Backed by hardware (`device` under sys/class/net): may be used without an `iface` stanza. */
  physical: boolean;
  /** Link state from operstate: `up`, `down`, `unknown`, … */
  state?: string;
  mac?: string;
}

/** GET /network (ETag: the digest). */
export interface NetworkResponse {
  node: string;
  /** sha256 of the file shown (staged if any, else live): send it back in If-Match. */
  digest: string;
  /** Something is staged that differs from the live file. */
  pending: boolean;
  interfaces: InterfaceModel[];
  nics: Nic[];
  /** Problems in the file shown, with line numbers (hand edits included). */
  diagnostics: Diagnostic[];
  /** Per interface name, how the staged file differs from the live one (absent: unchanged). */
  changes: Record<string, PendingStatus>;
  /** The live models of interfaces the staged file removes (to show them as removed rows). */
  removed: InterfaceModel[];
}

export type PendingStatus = 'added' | 'changed' | 'removed';

/** GET /network/:iface */
export interface InterfaceResponse {
  digest: string;
  interface: InterfaceModel;
  diagnostics: Diagnostic[];
}

/** Every write (create, update, remove, setups, reverts). */
export interface ChangeResponse {
  digest: string;
  pending: boolean;
  /** Unified diff live → staged ('' when nothing is pending). */
  diff: string;
  diagnostics: Diagnostic[];
}

/** GET /network/changes */
export interface ChangesResponse {
  digest: string;
  pending: boolean;
  diff: string;
  files: { live: string; staged: string };
  /** Per hunk of `diff` (in order), the interfaces whose lines it changes ([] for none). */
  hunks: { oldStart: number; newStart: number; ifaces: string[] }[];
  /** Per interface name, how it differs (as in NetworkResponse.changes). */
  changes: Record<string, PendingStatus>;
}

/** GET /network/file: the text the view was read from, for checks in the browser. */
export interface FileResponse {
  digest: string;
  /** Which file the text is: the staged one when something is staged, else the live one. */
  source: 'staged' | 'live';
  text: string;
}

/** POST/GET /session */
export interface SessionResponse {
  username: string;
  csrfToken: string;
}

/** Every error: `{ error: ApiErrorBody }`. */
export interface ApiErrorBody {
  code: string;
  message: string;
  /** 400 invalid-input: field paths into the request body, e.g. `form.ipv4.cidr`. */
  fields?: { path: string; message: string }[];
  /** 400 invalid-config: the errors the change would add to the file. */
  diagnostics?: Diagnostic[];
  /** 412: the current digest. */
  digest?: string;
  /** 429: seconds to wait. */
  retryAfter?: number;
  /** Apply errors: the apply concerned, its record (see src/server/apply/types.ts) and a command's output. */
  applyId?: string;
  record?: unknown;
  output?: string;
}
