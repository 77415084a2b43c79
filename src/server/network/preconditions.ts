/**
 * Optimistic concurrency for writes: the client sends the digest of the view it edited in
 * `If-Match`; a write against any other state is refused (412) with a message naming what changed
 * since, worked out from the version the client saw when it is known (this process served it, or
 * it is the live file).
 */
import { parse } from '../../interfaces/parser';
import { toModel } from '../../interfaces/model';
import type { InterfaceModel } from '../../interfaces/types';
import { HttpError } from '../errors';

/** `"abc…"`, `W/"abc…"` or a bare hex digest → the digest; undefined when absent. */
export function parseIfMatch(header: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(header) ? header[0] : header;
  if (raw === undefined || raw.trim() === '') return undefined;
  const m = /^\s*(?:W\/)?"?([0-9a-fA-F]{64})"?\s*$/.exec(raw);
  if (!m)
    throw new HttpError(428, 'precondition-required', 'If-Match must carry the digest of the configuration you edited (as returned in the ETag of GET /api/v1/network), not "*" or other text.');
  return m[1].toLowerCase();
}

export function requireIfMatch(header: string | string[] | undefined): string {
  const digest = parseIfMatch(header);
  if (digest === undefined)
    throw new HttpError(428, 'precondition-required', 'Send If-Match with the digest of the configuration you edited (the ETag of GET /api/v1/network), so a change made meanwhile is not overwritten.');
  return digest;
}

/** The last few versions this process has served or written, by digest. */
export class VersionMemory {
  private readonly texts = new Map<string, string>();
  constructor(private readonly limit = 32) {}

  remember(digest: string, text: string): void {
    this.texts.delete(digest);
    this.texts.set(digest, text);
    while (this.texts.size > this.limit) this.texts.delete(this.texts.keys().next().value as string);
  }

  get(digest: string): string | undefined {
    return this.texts.get(digest);
  }
}

function changedNames(before: InterfaceModel[], after: InterfaceModel[]): string[] {
  const old = new Map(before.map((m) => [m.name, JSON.stringify(m)]));
  const now = new Map(after.map((m) => [m.name, JSON.stringify(m)]));
  const out: string[] = [];
  for (const [name, json] of now) {
    if (!old.has(name)) out.push(`${name} was added`);
    else if (old.get(name) !== json) out.push(`${name} was changed`);
  }
  for (const name of old.keys()) if (!now.has(name)) out.push(`${name} was removed`);
  return out;
}

/** 412 naming what differs between the version the client saw (if known) and the current one. */
export function staleError(clientText: string | undefined, currentText: string, digest: string): HttpError {
  let what = 'The file was changed outside this panel, or by an earlier session.';
  if (clientText !== undefined) {
    const names = changedNames(toModel(parse(clientText)), toModel(parse(currentText)));
    what = names.length ? `Meanwhile ${names.slice(0, 8).join(', ')}${names.length > 8 ? ` and ${names.length - 8} more` : ''}.` : 'Only comments or formatting changed meanwhile.';
  }
  return new HttpError(412, 'stale-digest', `The network configuration changed since you loaded it. ${what} Reload to see the current state, then make your change again.`, { digest });
}
