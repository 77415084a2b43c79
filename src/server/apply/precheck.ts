/**
 * Everything that must hold before the staged file may become live; any failure is a 400 with
 * diagnostics and nothing changed. In order: netstage's own errors, Mako markers while ifupdown2
 * renders templates, ifupdown2's syntax check (netstage's checks alone when it is absent).
 */
import type { Diagnostic } from '../../interfaces/types';
import { badRequest } from '../errors';
import type { NetworkService, NetworkView } from '../network/service';
import type { SystemAdapter } from '../system';
import { makoMarkers, parseCheckOutput } from './check-output';
import type { CheckSummary } from './types';

const count = (n: number, what: string) => (n === 1 ? `an ${what}` : `${n} ${what}s`);

export async function precheck(network: NetworkService, system: SystemAdapter, view: NetworkView): Promise<CheckSummary> {
  const engine = network.diagnostics(view);
  const errors = engine.filter((d) => d.severity === 'error');
  if (errors.length)
    throw badRequest('invalid-config', `Not applied: the staged file has ${count(errors.length, 'error')}. ${errors[0].message}`, { diagnostics: errors });

  if (await system.templatesEnabled()) {
    const markers = makoMarkers(view.text);
    if (markers.length)
      throw badRequest('mako-template', `Not applied: ifupdown2 has templates on (template_enable=1) and line ${markers[0].line} holds '%' or '\${', which Mako would run as code. ${markers[0].message}`, {
        diagnostics: markers,
      });
  }

  const kept: Diagnostic[] = engine.filter((d) => d.severity !== 'error');
  const run = await system.checkSyntax(network.files.staged);
  if (!run.available) return { tool: 'engine', note: run.reason, diagnostics: kept };
  if (run.exitCode === null)
    throw badRequest('ifupdown2-check-failed', `Not applied: ifupdown2's syntax check did not finish (${run.failure}).`, { diagnostics: [], output: run.output });
  const outcome = parseCheckOutput(run.output, run.exitCode, view.doc);
  if (!outcome.ok) {
    const first = outcome.diagnostics.find((d) => d.severity === 'error')!;
    throw badRequest('ifupdown2-check-failed', `Not applied: ifupdown2's syntax check failed${first.line ? ` (line ${first.line})` : ''}. ${first.message}`, {
      diagnostics: outcome.diagnostics,
      output: run.output,
    });
  }
  return { tool: 'ifupdown2', diagnostics: [...kept, ...outcome.diagnostics] };
}
