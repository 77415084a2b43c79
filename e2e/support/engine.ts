/**
 * Configurations compared with the engine (parse → typed model), never as text: the staged file's
 * model of an interface against a reference file's model of it.
 */
import { readFile } from 'node:fs/promises';
import { parse } from '../../src/interfaces/parser';
import { unifiedDiff } from '../../src/interfaces/diff';
import { modelOf, toModel } from '../../src/interfaces/model';
import type { InterfaceModel } from '../../src/interfaces/types';
import type { DemoServer } from './server';

export type { InterfaceModel };

export function modelsOfText(text: string, nics: readonly string[]): InterfaceModel[] {
  return toModel(parse(text), { nics });
}

export function modelOfText(text: string, name: string, nics: readonly string[]): InterfaceModel | undefined {
  return modelOf(parse(text), name, { nics });
}

/** The staged file's text, or null when there is no interfaces.new. */
export async function stagedText(demo: DemoServer): Promise<string | null> {
  return readFile(demo.staged, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw e;
  });
}

/** The model of `name` in the staged file (the live file when nothing is staged). */
export async function stagedModel(demo: DemoServer, name: string): Promise<InterfaceModel | undefined> {
  const text = (await stagedText(demo)) ?? (await readFile(demo.live, 'utf8'));
  return modelOfText(text, name, demo.nics);
}

export async function liveModel(demo: DemoServer, name: string): Promise<InterfaceModel | undefined> {
  return modelOfText(await readFile(demo.live, 'utf8'), name, demo.nics);
}

/** A model without the fields named (e.g. `comments`), for comparisons that must ignore them. */
export function without<K extends keyof InterfaceModel>(m: InterfaceModel | undefined, ...keys: K[]): Omit<InterfaceModel, K> | undefined {
  if (!m) return m;
  const out = { ...m };
  for (const k of keys) delete out[k];
  return out;
}

/** The lines the staged file adds to the live one (unified diff `+` lines, without the `+`), blank ones left out. */
export async function addedLines(demo: DemoServer): Promise<string[]> {
  const staged = await stagedText(demo);
  if (staged === null) return [];
  const diff = unifiedDiff(await readFile(demo.live, 'utf8'), staged);
  return diff
    .split('\n')
    .filter((l) => l.startsWith('+') && !l.startsWith('+++'))
    .map((l) => l.slice(1))
    .filter((l) => l.trim() !== '');
}
