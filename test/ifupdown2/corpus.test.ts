/**
 * netstage's model of every corpus file agrees with ifupdown2's own reading (`ifquery -o json`) on
 * names, kinds, auto, bridge ports, bond slaves and modes, methods and addresses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from '../../src/interfaces/parser';
import { toModel } from '../../src/interfaces/model';
import { corpusFiles, haveCorpus, skipMessage } from '../support/shared';
import { declaredNames, fromIfquery, fromModels, type IfqueryStanza } from './agreement';
import { haveIfupdown2, ifupdown2, IFUPDOWN2_MISSING, makeScratch, removeScratch } from './support';

const files = haveCorpus ? corpusFiles() : [];
let scratch: string;
beforeAll(async () => {
  // Proxmox's files may have several VLAN-aware bridges; Debian's default (0) makes ifupdown2
  // drop all but one, which is a host policy, not a reading of the file.
  if (haveIfupdown2) scratch = await makeScratch(undefined, { multiple_vlan_aware_bridge_support: '1' });
});
afterAll(async () => scratch && removeScratch(scratch));

async function ifquery(text: string, file: string) {
  const path = join(scratch, file.replace(/\//g, '_'));
  await writeFile(path, text);
  const r = await ifupdown2('ifquery', ['-i', path, '-o', 'json', ...declaredNames(text)], scratch);
  const json = r.output.slice(r.output.indexOf('['), r.output.lastIndexOf(']') + 1);
  return { r, stanzas: json ? (JSON.parse(json) as IfqueryStanza[]) : [] };
}

describe.skipIf(!haveIfupdown2 || !haveCorpus)(!haveIfupdown2 ? IFUPDOWN2_MISSING : !haveCorpus ? skipMessage('the corpus') : 'netstage agrees with ifquery on every corpus file', { timeout: 30_000 }, () => {
  it.each(files.map(([path, text]) => ({ path, text })))('$path', async ({ path, text }) => {
    const names = declaredNames(text);
    const { r, stanzas } = await ifquery(text, path);
    const theirs = fromIfquery(stanzas);
    const ours = fromModels(toModel(parse(text)).filter((m) => names.includes(m.name)));
    expect([...theirs.keys()].sort(), r.output).toEqual([...ours.keys()].sort());
    for (const [name, reading] of ours) expect(reading, `${path}: ${name}`).toEqual(theirs.get(name));
  });
});
