/**
 * The JavaScript check for tools that run inside isolated-vm. This is a weaker, token-level layer
 * (no JavaScript grammar is installed): it never matches inside strings, template text, regex
 * literals or comments, and flags the policy's forbidden globals (require, process, Function, eval,
 * import …) where they are used as names, `import()` and import statements, `.constructor` and
 * `['constructor']` access (the way to the Function constructor), computed access on the global
 * object, and prototype tricks. The real boundary is the isolate, which has no Node APIs at all.
 */
import type { Policy } from '../../policy/schema.ts';
import { FindingSink, type Span } from '../findings.ts';
import type { Finding, ParseError } from '../types.ts';
import { tokenize, type JsToken } from './tokenizer.ts';

const GLOBAL_OBJECTS = new Set(['globalThis', 'global', 'self', 'window', 'frames']);
const PROTO_NAMES = new Set(['__proto__', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);
const DANGEROUS_STRINGS = /^(constructor|__proto__|prototype|__defineGetter__|__defineSetter__|__lookupGetter__|__lookupSetter__)$/;

export function checkJavascript(source: string, policy: Policy): { findings: Finding[]; parseErrors: ParseError[] } {
  const sink = new FindingSink(source);
  const lines = lineStarts(source);
  const span = (t: { start: number; end: number }): Span => ({ startIndex: t.start, endIndex: t.end, startPosition: position(lines, t.start) });
  const { tokens, unterminated } = tokenize(source);
  const forbidden = new Set(policy.javascript.forbiddenGlobals);
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const prev = tokens[k - 1];
    const next = tokens[k + 1];
    const afterDot = prev?.kind === 'punct' && (prev.value === '.' || prev.value === '?.');
    if (t.kind === 'ident') {
      if (afterDot) {
        if (t.value === 'constructor') sink.report('js.constructor', span(t), '.constructor reaches the Function constructor');
        else if (PROTO_NAMES.has(t.value)) sink.report('js.dunder', span(t), `${t.value} changes or inspects prototypes`);
        continue;
      }
      if (isObjectKey(tokens, k)) continue;
      if (t.value === 'import' && (next?.value === '(' || next?.value === '.' || next?.kind === 'string' || next?.kind === 'ident' || next?.value === '{' || next?.value === '*')) {
        sink.report('js.import.dynamic', span(t), 'import loads code that was not checked');
        continue;
      }
      if (forbidden.has(t.value)) {
        sink.report('js.global.forbidden', span(t), `'${t.value}' is forbidden by the policy`);
        continue;
      }
      if (PROTO_NAMES.has(t.value)) sink.report('js.dunder', span(t), `${t.value} changes or inspects prototypes`);
      if (GLOBAL_OBJECTS.has(t.value) && next?.value === '[') sink.report('js.global.computed', span(t), `computed property access on ${t.value}`);
      continue;
    }
    if ((t.kind === 'string' || t.kind === 'template') && DANGEROUS_STRINGS.test(t.value)) {
      sink.report(t.value === 'constructor' ? 'js.constructor' : 'js.dunder', span(t), `the string '${t.value}' names a prototype or constructor property`);
    }
  }
  const parseErrors: ParseError[] = [];
  if (unterminated !== null) {
    const at = span({ start: unterminated, end: Math.min(source.length, unterminated + 40) });
    sink.report('js.syntax', at, 'unterminated string, template, regex or comment');
    parseErrors.push({ line: at.startPosition.row + 1, column: at.startPosition.column + 1, snippet: source.slice(unterminated, unterminated + 40).split('\n')[0] ?? '', missing: false });
  }
  return { findings: sink.list, parseErrors };
}

/** `{ process: 1 }` and `{ eval() {} }` name properties, not globals. */
function isObjectKey(tokens: readonly JsToken[], k: number): boolean {
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  return (prev?.value === '{' || prev?.value === ',') && next?.value === ':' && prev.kind === 'punct';
}

function lineStarts(src: string): number[] {
  const out = [0];
  for (let i = 0; i < src.length; i++) if (src.charCodeAt(i) === 10) out.push(i + 1);
  return out;
}

function position(lines: readonly number[], index: number): { row: number; column: number } {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  return { row: lo, column: index - lines[lo]! };
}
