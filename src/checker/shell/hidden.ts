/**
 * Code hidden in strings the shell runs later: trap handlers (checked as shell code), aliases,
 * variables that bash or other programs execute or search (PROMPT_COMMAND, BASH_ENV, PATH, PS4 …),
 * values shaped for arithmetic injection (`a[$(cmd)]`), functions redefining commands, and dumps of
 * the whole environment.
 */
import type { Span } from '../findings.ts';
import type { SyntaxNode } from '../grammars.ts';
import type { Invocation, ShContext } from './context.ts';
import { DANGEROUS_BUILTINS, DANGEROUS_VARIABLES, HARMLESS_BUILTINS, WRAPPERS } from './tables.ts';

/** Assignment to a variable that makes something run code or find other programs. */
export function checkHiddenVariable(ctx: ShContext, name: string, at: Span): void {
  if (DANGEROUS_VARIABLES.has(name) || name.startsWith('BASH_FUNC_') || name.startsWith('LD_')) {
    ctx.sink.report('sh.hidden.env', at, `assigning ${name} makes the shell or other programs run code or find other commands`);
  }
}

export function checkTrap(ctx: ShContext, inv: Invocation): void {
  const args = inv.args.filter((a) => !(a.v.exact && /^-[lp]$/.test(a.v.value)));
  if (args.length === 0 || args.length === 1) return; // trap -l / trap -p / trap SIG
  const handler = args[0]!;
  if (handler.v.exact && (handler.v.value === '-' || handler.v.value === '')) return;
  if (!handler.v.exact) {
    ctx.sink.report('sh.hidden.trap', handler.node, 'trap handler is not a literal string, so the code it runs cannot be checked');
    return;
  }
  ctx.nested(handler.v.value, 'shell', handler.node, 'in the trap handler');
}

export function checkAlias(ctx: ShContext, inv: Invocation): void {
  const defs = inv.args.filter((a) => a.v.value.includes('='));
  if (defs.length === 0) return; // `alias` / `alias name` only print
  for (const d of defs) {
    ctx.sink.report('sh.hidden.alias', d.node, `alias '${d.v.value.split('=')[0]}' hides code in a string and rebinds a command name`);
    if (d.v.exact) ctx.nested(d.v.value.slice(d.v.value.indexOf('=') + 1), 'shell', d.node, 'in the alias value');
  }
}

/** variable_assignment nodes: dangerous names, and values that are code waiting to be evaluated. */
export function checkAssignments(ctx: ShContext): void {
  for (const a of ctx.cap('assign')) {
    const nameNode = a.childForFieldName('name');
    if (!nameNode) continue;
    const name = nameNode.type === 'subscript' ? ctx.text(nameNode.childForFieldName('name') ?? nameNode) : ctx.text(nameNode);
    checkHiddenVariable(ctx, name, a);
    const value = a.childForFieldName('value');
    if (!value) continue;
    checkCodeString(ctx, value);
  }
  for (const d of ctx.cap('decl')) {
    const kw = d.child(0);
    const kwText = kw ? ctx.text(kw) : 'declare';
    const named = d.namedChildren.some((c) => c.type !== 'word');
    const opts = d.namedChildren.filter((c) => c.type === 'word').map((w) => ctx.text(w));
    if (!named && kwText !== 'local' && !opts.some((o) => /^-[A-Za-z]*[fF]/.test(o))) {
      ctx.sink.report('sh.env.dump', d, `'${ctx.text(d)}' prints all (exported) variables`);
    }
    for (const w of d.namedChildren) {
      if (w.type !== 'word') continue;
      const t = ctx.text(w);
      if (/^-[A-Za-z]*n/.test(t))
        ctx.sink.report('sh.declare.nameref', d, `${kwText} -n makes a name reference that hides which variable is assigned`);
    }
  }
}

/** A literal holding `$(…)` or backticks is code that eval, arithmetic or a prompt would run. */
function checkCodeString(ctx: ShContext, value: SyntaxNode): void {
  if (value.type !== 'raw_string' && value.type !== 'ansi_c_string' && value.type !== 'concatenation' && value.type !== 'word') return;
  const v = ctx.word(value);
  const s = v.value;
  if (!/\$\(|`/.test(s)) return;
  if (/\[[^\]]*(\$\(|`)/.test(s)) {
    ctx.sink.report('sh.arith.injection', value, 'a value shaped like a[$(cmd)] runs the command when it is evaluated arithmetically');
  } else if (/\$\(|`/.test(s)) {
    ctx.sink.report('sh.hidden.code-string', value, 'the variable holds a command substitution in quotes, code waiting to be evaluated');
  }
}

/** Function definitions that redefine a command or builtin. */
export function checkFunctions(ctx: ShContext): void {
  for (const f of ctx.cap('function')) {
    const nameNode = f.childForFieldName('name');
    if (!nameNode) continue;
    const name = ctx.word(nameNode).value;
    if (
      ctx.allowed.has(name) ||
      ctx.forbidden.has(name) ||
      HARMLESS_BUILTINS.has(name) ||
      DANGEROUS_BUILTINS.has(name) ||
      WRAPPERS.has(name) ||
      ['eval', 'source', '.', 'trap', 'alias', 'exec'].includes(name)
    ) {
      ctx.sink.report('sh.hidden.function-shadow', nameNode, `function '${name}' redefines a command or builtin of the same name`);
    }
  }
}
