/** A unified diff (an apply record's `diff`) as rows to colour, and its +/− counts. Pure: tested. */

export type DiffRowKind = 'add' | 'del' | 'ctx' | 'hunk' | 'file' | 'note';

export interface DiffRow {
  kind: DiffRowKind;
  text: string;
}

function kindOf(line: string): DiffRowKind {
  if (line.startsWith('+++ ') || line.startsWith('--- ') || line.startsWith('Index: ') || line.startsWith('====')) return 'file';
  if (line.startsWith('@@')) return 'hunk';
  if (line.startsWith('+')) return 'add';
  if (line.startsWith('-')) return 'del';
  if (line.startsWith('\\')) return 'note';
  return 'ctx';
}

export function diffRows(diff: string): DiffRow[] {
  const lines = diff.replace(/\r/g, '').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((text) => ({ kind: kindOf(text), text }));
}

export function diffStats(diff: string): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const r of diffRows(diff)) {
    if (r.kind === 'add') added++;
    else if (r.kind === 'del') removed++;
  }
  return { added, removed };
}

/** "+3 −1 lines", "no changed lines". */
export function statsText({ added, removed }: { added: number; removed: number }): string {
  if (!added && !removed) return 'no changed lines';
  return `+${added} −${removed} line${added + removed === 1 ? '' : 's'}`;
}
