/** `netstage diff OLD NEW`: unified diff; exit 0 when identical, 1 when different (like diff(1)). */
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { unifiedDiff } from '../interfaces/diff';
import { checkStdinOnce, parse, UsageError, type Command } from './common';
import { encode } from '../server/storage/text';
import { readInput, type Io } from './io';

export const diff: Command = {
  name: 'diff',
  help: `Usage: netstage diff OLD NEW [-U N]

Print a unified diff of two files ("-" reads standard input for one of them).
Nothing is printed when they are identical byte for byte.

Options:
  -U, --context N   lines of context (default 3)
  -h, --help        show this help

Exit status: 0 identical, 1 different, 2 usage error or unreadable file.
`,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parse(args, {
      context: { type: 'string', short: 'U' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      io.stdout(diff.help);
      return 0;
    }
    if (positionals.length !== 2) throw new UsageError('diff takes two files: OLD NEW');
    checkStdinOnce(positionals);
    let context = 3;
    if (values.context !== undefined) {
      if (!/^\d{1,6}$/.test(values.context)) throw new UsageError(`--context: "${values.context}" is not a number of lines`);
      context = Number(values.context);
    }
    const a = await readInput(positionals[0], io);
    const b = await readInput(positionals[1], io);
    if (a.bytes.equals(b.bytes)) return 0;
    // Different bytes that decode to the same text (UTF-8 and Latin-1 of the same characters):
    // only the file headers, as before.
    const patch =
      a.text === b.text
        ? createTwoFilesPatch(a.label, b.label, a.text, b.text, undefined, undefined, { context, headerOptions: FILE_HEADERS_ONLY })
        : unifiedDiff(a.text, b.text, { oldName: a.label, newName: b.label, context, headers: FILE_HEADERS_ONLY });
    // Hunks are the files' own bytes: write them back in the files' encoding.
    io.stdout(encode(patch, a.encoding === 'latin1' && b.encoding === 'latin1' ? 'latin1' : 'utf8'));
    return 1;
  },
};
