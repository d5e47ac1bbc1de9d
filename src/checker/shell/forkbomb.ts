/**
 * Process storms: functions that call themselves in a pipeline, a subshell or in the background
 * (`:(){ :|:& };:`), and unbounded loops (`while true`, `until false`, `for ((;;))`) that start
 * background jobs. The container's PidsLimit holds either way; the static check names the cause.
 */
import type { SyntaxNode } from '../grammars.ts';
import type { ShContext } from './context.ts';

export function checkForkBombs(ctx: ShContext): void {
  for (const f of ctx.cap('function')) {
    const nameNode = f.childForFieldName('name');
    const body = f.childForFieldName('body');
    if (!nameNode || !body) continue;
    const name = ctx.word(nameNode).value;
    if (callsItselfConcurrently(ctx, name, body)) {
      ctx.sink.report('sh.forkbomb', f, `function '${name}' calls itself in a pipeline or in the background (fork bomb)`);
    }
  }
  for (const loop of [...ctx.cap('while'), ...ctx.cap('cfor')]) {
    if (!isUnbounded(ctx, loop)) continue;
    const body = loop.childForFieldName('body');
    if (body && startsBackgroundJobs(body)) {
      ctx.sink.report('sh.forkbomb', loop, 'an unbounded loop starts background jobs without end');
    }
  }
}

function callsItselfConcurrently(ctx: ShContext, name: string, body: SyntaxNode): boolean {
  for (const cmd of body.descendantsOfType('command')) {
    const n = cmd.childForFieldName('name');
    if (!n || ctx.word(n).value !== name) continue;
    for (let p = cmd.parent; p && p.startIndex >= body.startIndex && p !== body; p = p.parent) {
      if (p.type === 'pipeline' || p.type === 'subshell') return true;
    }
    if (isBackgrounded(cmd)) return true;
  }
  return false;
}

/** The `&` control operator follows the node (as its next sibling token). */
function isBackgrounded(node: SyntaxNode): boolean {
  const next = node.nextSibling;
  return next !== null && !next.isNamed && next.type === '&';
}

function startsBackgroundJobs(body: SyntaxNode): boolean {
  for (const c of body.children) if (!c.isNamed && c.type === '&') return true;
  return body
    .descendantsOfType(['list', 'compound_statement', 'do_group'])
    .some((n) => n.children.some((c) => !c.isNamed && c.type === '&'));
}

const ALWAYS_TRUE = new Set(['true', ':', '[ 1 ]', '((1))', '(( 1 ))']);
const ALWAYS_FALSE = new Set(['false', '! true', '[ ]']);

function isUnbounded(ctx: ShContext, loop: SyntaxNode): boolean {
  if (loop.type === 'c_style_for_statement') return loop.childForFieldName('condition') === null;
  const cond = loop.childForFieldName('condition');
  if (!cond) return false;
  const text = ctx.text(cond).trim().replace(/;$/, '').trim();
  const until = loop.child(0)?.type === 'until';
  return until ? ALWAYS_FALSE.has(text) : ALWAYS_TRUE.has(text);
}
