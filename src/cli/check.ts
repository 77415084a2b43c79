/** `netstage check FILE… [--nics LIST]`: diagnostics, one line each; exit 1 on any error. */
import { parse as parseText } from '../interfaces/parser';
import { checkStdinOnce, diagnose, hasErrors, parse, parseNics, UsageError, type Command } from './common';
import { clean, formatDiagnostics } from './format';
import { InputError, readInput, type Io } from './io';

export const check: Command = {
  name: 'check',
  help: `Usage: netstage check FILE... [--nics eth0,eth1]

Report the problems of each FILE ("-" reads standard input), one per line:
  FILE:LINE:COL: error|warning|info: MESSAGE [RULE]

Options:
  --nics LIST   the host's physical NICs, comma-separated (repeatable): they are
                typed as Ethernet ports whatever their names
  -h, --help    show this help

Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage error or a
file could not be read (the other files are still checked).
`,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parse(args, {
      nics: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      io.stdout(check.help);
      return 0;
    }
    if (positionals.length === 0) throw new UsageError('no FILE given');
    checkStdinOnce(positionals);
    const nics = parseNics(values.nics);
    let status = 0;
    for (const path of positionals) {
      let input;
      try {
        input = await readInput(path, io);
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        io.stderr(`netstage check: ${clean(err.message, true)}\n`);
        status = 2;
        continue;
      }
      const diags = diagnose(parseText(input.text), nics);
      io.stdout(formatDiagnostics(input.label, diags));
      if (hasErrors(diags) && status === 0) status = 1;
    }
    return status;
  },
};
