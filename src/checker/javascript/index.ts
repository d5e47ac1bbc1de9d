/**
 * The JavaScript check for tools that run inside isolated-vm: parsed once with tree-sitter-javascript
 * like the other languages, one query, then the rules (rules.ts: forbidden globals, imports,
 * constructor and prototype access, the global object; computed.ts: computed keys). The isolate
 * itself (no Node APIs) remains the real boundary.
 */
import type { Policy } from '../../policy/schema.ts';
import { FindingSink } from '../findings.ts';
import { capturesByName, parse, query } from '../grammars.ts';
import { collectParseErrors } from '../syntax.ts';
import type { Finding, ParseError } from '../types.ts';
import { checkComputedAccess } from './computed.ts';
import { JsContext } from './context.ts';
import { JAVASCRIPT_QUERY } from './query.ts';
import { checkNames } from './rules.ts';

export function checkJavascript(source: string, policy: Policy): { findings: Finding[]; parseErrors: ParseError[] } {
  const tree = parse('javascript', source);
  const caps = capturesByName(query('javascript', JAVASCRIPT_QUERY), tree.rootNode);
  const sink = new FindingSink(source);
  const ctx = new JsContext(source, policy, sink, caps);
  checkNames(ctx);
  checkComputedAccess(ctx);
  const parseErrors = collectParseErrors(tree.rootNode, ctx.cap('error'), source);
  for (const e of parseErrors) sink.report('js.syntax', e.span, e.missing ? `syntax error: ${e.snippet}` : 'syntax error');
  return { findings: sink.list, parseErrors: parseErrors.map(({ span: _span, ...e }) => e) };
}
