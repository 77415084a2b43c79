/** `netstage show FILE [--json] [--nics LIST]`: the interfaces as a table (or JSON) and the problems. */
import { toModel } from '../interfaces/model';
import { parse as parseText } from '../interfaces/parser';
import { diagnose, parse, parseNics, UsageError, type Command } from './common';
import { formatDiagnostics, interfaceTable, summary } from './format';
import { readInput, type Io } from './io';

export const show: Command = {
  name: 'show',
  help: `Usage: netstage show FILE [--json] [--nics eth0,eth1]

Print the interfaces of FILE ("-" reads standard input) as a table: Name, Type,
Autostart, Ports/Slaves, Bond mode, Hash policy, CIDR, Gateway, CIDR6, Gateway6,
MTU, Comment (first comment line); then the problems, as "netstage check" does.

Options:
  --json        print {"interfaces": [...], "diagnostics": [...]} instead
  --nics LIST   the host's physical NICs, comma-separated (repeatable)
  -h, --help    show this help

Exit status: 0 shown (even with errors in the file: use "check" to gate),
2 usage error or unreadable file.
`,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parse(args, {
      json: { type: 'boolean' },
      nics: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      io.stdout(show.help);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError(positionals.length ? 'show takes one FILE' : 'no FILE given');
    const nics = parseNics(values.nics);
    const input = await readInput(positionals[0], io);
    const doc = parseText(input.text);
    const interfaces = toModel(doc, nics ? { nics } : {});
    const diagnostics = diagnose(doc, nics);
    if (values.json) {
      io.stdout(JSON.stringify({ interfaces, diagnostics }, null, 2) + '\n');
      return 0;
    }
    io.stdout(interfaces.length ? interfaceTable(interfaces) : '(no interfaces)\n');
    if (diagnostics.length) io.stdout(`\n${summary(diagnostics)}:\n${formatDiagnostics(input.label, diagnostics)}`);
    return 0;
  },
};
