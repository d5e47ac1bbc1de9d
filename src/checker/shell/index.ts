/**
 * The shell checker: parse once with tree-sitter-bash, run the one query, then judge every command
 * (including those inside command substitutions, here-docs, functions and subshells, since the
 * query sees them all), every assignment, redirect and function definition.
 */
import type { Policy } from '../../policy/schema.ts';
import { FindingSink } from '../findings.ts';
import { capturesByName, parse, query } from '../grammars.ts';
import { checkPython } from '../python/index.ts';
import { collectParseErrors } from '../syntax.ts';
import type { Finding, ParseError } from '../types.ts';
import { checkCommands } from './commands.ts';
import { ShContext, type NestedChecker } from './context.ts';
import { checkArithmetic } from './arith.ts';
import { checkNames } from './names.ts';
import { checkForkBombs } from './forkbomb.ts';
import { checkAssignments, checkFunctions } from './hidden.ts';
import { SHELL_QUERY } from './query.ts';
import { checkRedirects } from './redirects.ts';

export interface ShellCheck {
  findings: Finding[];
  parseErrors: ParseError[];
}

export function checkShell(source: string, policy: Policy, depth = 0, inheritedFunctions: ReadonlySet<string> = new Set()): ShellCheck {
  const tree = parse('bash', source);
  const caps = capturesByName(query('bash', SHELL_QUERY), tree.rootNode);
  const sink = new FindingSink(source);
  const nested: NestedChecker = (code, language, d, fns) =>
    (language === 'shell' ? checkShell(code, policy, d, fns) : checkPython(code, policy, d)).findings;
  const ctx = new ShContext(source, policy, sink, caps, depth, nested);
  for (const f of inheritedFunctions) ctx.functions.add(f);
  for (const f of ctx.cap('function')) {
    const name = f.childForFieldName('name');
    if (name) ctx.functions.add(ctx.word(name).value);
  }
  checkCommands(ctx);
  checkAssignments(ctx);
  checkFunctions(ctx);
  checkForkBombs(ctx);
  checkArithmetic(ctx);
  checkNames(ctx);
  checkRedirects(ctx);
  const parseErrors = collectParseErrors(tree.rootNode, ctx.cap('error'), source);
  for (const e of parseErrors) sink.report('sh.syntax', e.span, e.missing ? `syntax error: ${e.snippet}` : 'syntax error');
  return { findings: sink.list, parseErrors: parseErrors.map(({ span: _span, ...e }) => e) };
}
