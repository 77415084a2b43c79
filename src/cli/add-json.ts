/**
 * The `--add-json` argument of `netstage edit`: JSON (or `@FILE`) → InterfaceModel, shape-checked
 * by the shared schema (src/schema/model.ts), so a typo gives a clear message instead of a crash
 * or a strange file; the engine (addInterface/validate) judges the values themselves.
 */
import { readFileSync } from 'node:fs';
import type { InterfaceModel } from '../interfaces/types';
import { describeModelIssues, interfaceModelSchema, toInterfaceModel } from '../schema/model';
import { UsageError } from './common';

export function parseInterfaceJson(arg: string): InterfaceModel {
  let text = arg;
  if (arg.startsWith('@')) {
    try {
      text = readFileSync(arg.slice(1), 'utf8');
    } catch (err) {
      throw new UsageError(`--add-json: cannot read ${arg.slice(1)}: ${(err as Error).message}`);
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`--add-json: not valid JSON: ${(err as Error).message}`);
  }
  const parsed = interfaceModelSchema.safeParse(value);
  if (!parsed.success) throw new UsageError(`--add-json: not an interface: ${describeModelIssues(parsed.error).join('; ')}`);
  return toInterfaceModel(parsed.data);
}
