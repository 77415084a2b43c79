/**
 * `template-marker`: ifupdown2 renders a file that contains `%` anywhere through Mako (Debian's
 * default template_enable=1, when python3-mako is installed). Mako then changes or chokes on:
 * a `%` opening a line (control line), `${...}`, `<%`, `</%`, `<&`. Those are errors when the file
 * contains `%` (it will be rendered). `${` in a file without `%` is a warning (harmless until a `%`
 * appears). A `%` elsewhere in a line is left as is by Mako but is what makes the file rendered:
 * a warning.
 */
import { splitPhysical } from '../lexer';
import { linesWithAny, rawAt, tableOfDoc } from '../lines';
import type { Diagnostic } from '../types';
import { at, type Rule } from './context';

const WHY = 'ifupdown2 renders a file containing `%` through Mako templates (when template_enable is on)';

export const template: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  const { lineNumbers } = ctx.doc;
  const lines = tableOfDoc(ctx.doc);
  // The lines that may hold a marker (`%`, `${`, `<%`, `</%`, `<&`): nearly every line has none of
  // these characters and is skipped (found by searching the text, not line by line); the others
  // get the full check.
  const candidates = linesWithAny(lines, '%$<');
  let rendered = false;
  for (const i of candidates) if (rawAt(lines, i).includes('%')) rendered = true;
  for (const i of candidates) {
    const iface = ctx.ownerOf(i)?.name;
    splitPhysical(rawAt(lines, i)).forEach((phys, k) => {
      const line = lineNumbers[i] + k;
      const d = (col: number, sev: Diagnostic['severity'], msg: string) =>
        out.push(at({ line, column: col + 1 }, sev, 'template-marker', `${iface ? `${iface}: ` : ''}${msg}`, iface));
      const lead = /^[ \t]*%(?!%)/.exec(phys);
      const tag = /<\/?%|<&/.exec(phys);
      const expr = phys.indexOf('${');
      if (lead) d(lead[0].length - 1, 'error', `a \`%\` opening a line is a Mako control line: ${WHY}, which drops or rejects this line. Remove the \`%\`, or escape it as \`%%\`.`);
      else if (rendered && tag) d(tag.index, 'error', `"${tag[0]}" starts a Mako tag: ${WHY}, which fails on or rewrites this line. Remove it.`);
      else if (expr !== -1)
        d(expr, rendered ? 'error' : 'warning',
          rendered
            ? `"\${" is a Mako expression: ${WHY}, and this one fails to render. Write the shell variable without braces ($IFACE) or remove it.`
            : `"\${" would be read as a Mako expression as soon as the file contains a \`%\` (${WHY}): write the shell variable without braces ($IFACE) or remove it.`);
      else if (phys.includes('%'))
        d(phys.indexOf('%'), 'warning', `${WHY}: this \`%\` makes it render the whole file. Mako keeps this line as it is, but "\${", "##" lines and a \`%\` opening a line then change meaning anywhere in the file. Remove the \`%\` if you can.`);
    });
  }
  return out;
};
