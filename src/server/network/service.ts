/**
 * The network configuration as the API sees it: read the staged file (else the live one), and
 * change it under the lock with a digest check, engine edits, a whole-document check and an atomic
 * write of the staged file. The live file is only ever read here.
 */
import { unifiedDiff } from '../../interfaces/diff';
import { EditError } from '../../interfaces/edit-lines';
import { toModel } from '../../interfaces/model';
import { parse, print } from '../../interfaces/parser';
import type { Diagnostic, InterfaceModel, NetDocument } from '../../interfaces/types';
import type { PendingStatus } from '../../schema/responses';
import { validate } from '../../interfaces/validate';
import { newErrors } from '../../interfaces/new-errors';
import { badRequest } from '../errors';
import { atomicWrite, encode, networkFiles, readNetwork, removeFile, sha256Hex, withLock, type NetworkFiles } from '../storage';
import type { Nic } from './nics';
import { staleError, VersionMemory } from './preconditions';

export interface NetworkView {
  /** sha256 of the bytes the view was read from (the staged file, else the live one). */
  digest: string;
  /** A staged file exists and differs from the live one. */
  pending: boolean;
  /** sha256 of the live file's bytes: the digest once nothing is staged. */
  liveDigest: string;
  text: string;
  liveText: string;
  encoding: 'utf8' | 'latin1';
  doc: NetDocument;
  nics: Nic[];
  /** Physical NIC names: interfaces the file may use without declaring them. */
  nicNames: string[];
}

export interface ChangeResult {
  digest: string;
  pending: boolean;
  diff: string;
  /** Everything the engine reports about the new staged document (warnings included). */
  diagnostics: Diagnostic[];
}

export interface NetworkServiceOptions {
  root: string;
  nics: () => Promise<Nic[]>;
  lockTimeoutMs?: number;
}

export class NetworkService {
  readonly files: NetworkFiles;
  private readonly versions = new VersionMemory();

  constructor(private readonly opts: NetworkServiceOptions) {
    this.files = networkFiles(opts.root);
  }

  async read(): Promise<NetworkView> {
    const [net, nics] = await Promise.all([readNetwork(this.files), this.opts.nics()]);
    const liveText = net.live?.text ?? '';
    const pending = net.staged !== null && net.staged.text !== liveText;
    this.versions.remember(net.digest, net.text);
    return {
      digest: net.digest,
      pending,
      liveDigest: sha256Hex(net.live?.bytes ?? new Uint8Array()),
      text: net.text,
      liveText,
      encoding: net.encoding,
      doc: parse(net.text),
      nics,
      nicNames: nics.filter((n) => n.physical).map((n) => n.name),
    };
  }

  models(view: NetworkView): InterfaceModel[] {
    return toModel(view.doc, { nics: view.nicNames });
  }

  /** How each interface of the staged view differs from the live file, and the live models of removed ones. */
  pendingStatus(view: NetworkView, staged: InterfaceModel[]): { changes: Record<string, PendingStatus>; removed: InterfaceModel[] } {
    const changes: Record<string, PendingStatus> = {};
    if (!view.pending) return { changes, removed: [] };
    const live = toModel(parse(view.liveText), { nics: view.nicNames });
    const before = new Map(live.map((m) => [m.name, JSON.stringify(m)]));
    const now = new Set(staged.map((m) => m.name));
    for (const m of staged) {
      const old = before.get(m.name);
      if (old === undefined) changes[m.name] = 'added';
      else if (old !== JSON.stringify(m)) changes[m.name] = 'changed';
    }
    const removed = live.filter((m) => !now.has(m.name));
    for (const m of removed) changes[m.name] = 'removed';
    return { changes, removed };
  }

  diagnostics(view: NetworkView, doc: NetDocument = view.doc): Diagnostic[] {
    return validate(doc, { nics: view.nicNames });
  }

  diff(view: Pick<NetworkView, 'liveText' | 'text'>): string {
    return unifiedDiff(view.liveText, view.text, { oldName: this.files.live, newName: this.files.staged, headers: { includeIndex: false, includeUnderline: false, includeFileHeaders: true } });
  }

  /**
   * Edit the current view under the lock. `ifMatch` must be the current digest (else 412);
   * `edit` returns the new document (EditError → 400). Unless `check` is false, errors the change
   * introduces refuse it (400 with those diagnostics) and nothing is written.
   */
  async change(ifMatch: string, edit: (view: NetworkView) => NetDocument, check = true): Promise<ChangeResult> {
    return withLock(
      this.files.lock,
      async () => {
        const view = await this.read();
        if (view.digest !== ifMatch) throw staleError(this.textOf(ifMatch, view), view.text, view.digest);
        let next: NetDocument;
        try {
          next = edit(view);
        } catch (e) {
          if (e instanceof EditError) throw badRequest('edit-refused', e.message);
          throw e;
        }
        const diagnostics = this.diagnostics(view, next);
        if (check) {
          const fresh = newErrors(this.diagnostics(view), diagnostics);
          if (fresh.length)
            throw badRequest('invalid-config', `Not saved: the change would leave ${fresh.length === 1 ? 'an error' : `${fresh.length} errors`} in the file. ${fresh[0].message}`, { diagnostics: fresh });
        }
        return this.stage(view, print(next), diagnostics);
      },
      { timeoutMs: this.opts.lockTimeoutMs ?? 5000 },
    );
  }

  /** Write `text` as the staged file (or remove it when it equals the live file). */
  private async stage(view: NetworkView, text: string, diagnostics: Diagnostic[]): Promise<ChangeResult> {
    let digest: string;
    if (text === view.liveText) {
      await removeFile(this.files.staged, { label: 'staged file' });
      digest = view.liveDigest;
    } else {
      const bytes = encode(text, view.encoding);
      await atomicWrite(this.files.staged, bytes, { label: 'staged file' });
      digest = sha256Hex(bytes);
    }
    this.versions.remember(digest, text);
    return { digest, pending: text !== view.liveText, diff: this.diff({ liveText: view.liveText, text }), diagnostics };
  }

  /**
   * The text of the version a client edited, when known: one this process served or wrote, or the
   * live file (a client that loaded the page before anything was staged, by whatever process).
   */
  private textOf(digest: string, view: Pick<NetworkView, 'liveDigest' | 'liveText'>): string | undefined {
    return this.versions.get(digest) ?? (digest === view.liveDigest ? view.liveText : undefined);
  }

  /** Drop every pending change: remove the staged file. */
  async revertAll(ifMatch: string): Promise<ChangeResult> {
    return withLock(
      this.files.lock,
      async () => {
        const view = await this.read();
        if (view.digest !== ifMatch) throw staleError(this.textOf(ifMatch, view), view.text, view.digest);
        return this.stage(view, view.liveText, this.diagnostics(view, parse(view.liveText)));
      },
      { timeoutMs: this.opts.lockTimeoutMs ?? 5000 },
    );
  }
}
