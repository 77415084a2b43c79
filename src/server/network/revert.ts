/**
 * Revert one interface in the staged document: its stanzas (with their owned comments) become
 * what the live file has, or go when the live file has none; its autostart and hotplug follow the
 * live file. Every other pending edit stays, and lines outside the interface are not touched.
 */
import { insertBlock, removeInterface, setAutostart, setHotplug } from '../../interfaces/edit-interface';
import { Patch } from '../../interfaces/edit-lines';
import { startModes, stanzasByName } from '../../interfaces/model';
import type { IfaceBlock, NetDocument } from '../../interfaces/types';

function rawsOf(doc: NetDocument, s: IfaceBlock): string[] {
  const out: string[] = [];
  for (let i = s.start; i < s.end; i++) out.push(doc.lines[i].raw);
  return out;
}

/** Live stanzas joined as one block, a blank line between stanzas that were apart. */
function liveBlock(live: NetDocument, stanzas: readonly IfaceBlock[]): string[] {
  const out: string[] = [];
  stanzas.forEach((s, k) => {
    if (k > 0) out.push(live.eol);
    out.push(...rawsOf(live, s));
  });
  return out;
}

/** Where a stanza missing from `staged` goes back: after the staged stanzas of the interface before it in the live file. */
function insertionPoint(staged: NetDocument, live: NetDocument, name: string): number {
  const liveOrder = [...stanzasByName(live).keys()];
  const stagedGroups = stanzasByName(staged);
  for (let k = liveOrder.indexOf(name) - 1; k >= 0; k--) {
    const group = stagedGroups.get(liveOrder[k]);
    if (group) return Math.max(...group.map((s) => s.end));
  }
  const first = [...stagedGroups.values()][0];
  return first ? first[0].start : staged.lines.length;
}

function matchStartModes(doc: NetDocument, live: NetDocument, name: string): NetDocument {
  const want = startModes(live);
  const have = startModes(doc);
  let out = doc;
  if (want.auto.has(name) !== have.auto.has(name)) out = setAutostart(out, name, want.auto.has(name));
  if (want.hotplug.has(name) !== have.hotplug.has(name)) out = setHotplug(out, name, want.hotplug.has(name));
  return out;
}

/** Undefined when `name` is in neither document. */
export function revertInterface(staged: NetDocument, live: NetDocument, name: string): NetDocument | undefined {
  const ours = stanzasByName(staged).get(name) ?? [];
  const theirs = stanzasByName(live).get(name) ?? [];
  if (!theirs.length) return ours.length || startModes(staged).auto.has(name) || startModes(staged).hotplug.has(name) ? removeInterface(staged, name) : undefined;
  let doc: NetDocument;
  if (!ours.length) {
    doc = insertBlock(staged, insertionPoint(staged, live, name), liveBlock(live, theirs));
  } else if (ours.length === theirs.length) {
    // Stanza by stanza, in place: the usual case of an edited interface.
    const patch = new Patch(staged);
    ours.forEach((s, k) => {
      for (let i = s.start; i < s.end; i++) patch.remove(i);
      patch.insert(s.start, rawsOf(live, theirs[k]));
    });
    doc = patch.apply();
  } else {
    const patch = new Patch(staged);
    for (const s of ours) for (let i = s.start; i < s.end; i++) patch.remove(i);
    patch.insert(ours[0].start, liveBlock(live, theirs));
    doc = patch.apply();
  }
  return matchStartModes(doc, live, name);
}
