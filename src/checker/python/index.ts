/**
 * The Python checker: parse once, run the one query, build the bindings, then let each rule module
 * judge the captures it cares about.
 */
import type { Policy } from '../../policy/schema.ts';
import { FindingSink } from '../findings.ts';
import { capturesByName, parse, query } from '../grammars.ts';
import { collectParseErrors } from '../syntax.ts';
import type { Finding, ParseError } from '../types.ts';
import { collectCalls } from './calls.ts';
import { PyContext } from './context.ts';
import { PYTHON_QUERY } from './query.ts';
import { checkCodeFromData } from './rules/code.ts';
import { checkDunders } from './rules/dunder.ts';
import { checkConfig } from './rules/config.ts';
import { checkFormats } from './rules/formats.ts';
import { checkLibraries } from './rules/libraries.ts';
import { checkNamespaces } from './rules/namespaces.ts';
import { checkImports } from './rules/imports.ts';
import { checkNetwork } from './rules/network.ts';
import { checkPaths } from './rules/paths.ts';
import { checkReferences } from './rules/references.ts';
import { checkReflection } from './rules/reflection.ts';
import { buildScope } from './scope.ts';

export interface PythonCheck {
  findings: Finding[];
  parseErrors: ParseError[];
}

export function checkPython(source: string, policy: Policy, depth = 0): PythonCheck {
  const tree = parse('python', source);
  const caps = capturesByName(query('python', PYTHON_QUERY), tree.rootNode);
  const sink = new FindingSink(source);
  const ctx = new PyContext(source, policy, sink, caps, depth, tree.rootNode);
  buildScope(ctx);
  const calls = collectCalls(ctx);
  checkImports(ctx);
  checkReferences(ctx);
  checkDunders(ctx);
  checkReflection(ctx, calls);
  checkFormats(ctx, calls);
  checkNamespaces(ctx, calls);
  checkCodeFromData(ctx, calls);
  checkLibraries(ctx, calls);
  checkConfig(ctx, calls);
  checkPaths(ctx, calls);
  checkNetwork(ctx, calls);
  const parseErrors = collectParseErrors(tree.rootNode, ctx.cap('error'), source);
  for (const e of parseErrors) sink.report('py.syntax', e.span, e.missing ? `syntax error: ${e.snippet}` : 'syntax error');
  return { findings: sink.list, parseErrors: parseErrors.map(({ span: _span, ...e }) => e) };
}
