/**
 * Reflection: getattr/setattr/delattr, vars, __import__/importlib.import_module and
 * operator.attrgetter/methodcaller. A literal (or statically computable) name is judged exactly like
 * the attribute or import it stands for; a name that cannot be computed is blocked — on modules and
 * builtins always (critical), on other objects unless its literal prefix rules out private and dunder
 * names (major): unknown means no.
 */
import type { SyntaxNode } from '../../grammars.ts';
import type { CallInfo } from '../calls.ts';
import type { PyContext } from '../context.ts';
import { checkModuleChain } from '../modules.ts';
import { evalStr } from '../strings.ts';
import { checkAttributeName, checkLookupKey } from './dunder.ts';
import { checkModuleImport } from './imports.ts';

/** Methods whose first argument is a lookup key (`globals().get('__builtins__')`). */
const LOOKUP_METHODS = new Set(['get', 'pop', 'setdefault', '__getitem__']);

/** `d.get('name', …)`: a literal key without underscores cannot name a dunder or frame attribute. */
function plainKey(ctx: PyContext, call: CallInfo): boolean {
  const args = ctx.text(call.node).slice(ctx.text(call.fn).length);
  return /^\(\s*(?:'[^'_\\]*'|"[^"_\\]*")\s*[,)]/.test(args);
}

function isModuleLike(ctx: PyContext, obj: SyntaxNode): boolean {
  const t = ctx.text(obj);
  if (t === '__builtins__' || t === 'builtins') return true;
  if (obj.type === 'call') return true; // __import__('x'), importlib.import_module(...), a function returning a module
  return ctx.qualify(obj).some((q) => q.root === 'module' && !q.parts.includes('()'));
}

export function checkReflection(ctx: PyContext, calls: readonly CallInfo[]): void {
  for (const call of calls) {
    if (ctx.text(call.fn).endsWith(')')) checkAppliedGetter(ctx, call, calls);
    if (call.is('getattr', 'setattr', 'delattr')) checkGetattr(ctx, call);
    else if (call.is('vars')) checkVars(ctx, call);
    else if (call.is('__import__', 'importlib.import_module', 'importlib.__import__')) checkDynamicImport(ctx, call);
    else if (call.is('operator.attrgetter', 'operator.methodcaller')) checkAttrgetter(ctx, call);
    else if (call.method !== null && LOOKUP_METHODS.has(call.method) && !plainKey(ctx, call) && call.positional[0])
      checkLookupKey(ctx, call.positional[0]);
  }
}

function checkGetattr(ctx: PyContext, call: CallInfo): void {
  const kind = call.names.find((n) => n === 'getattr' || n === 'setattr' || n === 'delattr')!;
  const obj = call.positional[0];
  const nameNode = call.positional[1];
  if (call.hasSplat && !nameNode) {
    ctx.sink.report('py.reflection.computed-name', call.node, `${kind} with * arguments: the attribute cannot be checked`);
    return;
  }
  if (!obj || !nameNode) return;
  const onModule = isModuleLike(ctx, obj);
  const values = evalStr(ctx, nameNode);
  if (values && values.every((v) => v.exact)) {
    const builtinsObj = ['__builtins__', 'builtins'].includes(ctx.text(obj));
    for (const v of values) {
      if (builtinsObj && ctx.policy.python.forbiddenCallables.includes(v.value)) {
        ctx.sink.report(
          'py.callable.forbidden',
          call.node,
          `'${v.value}' is forbidden by the policy (reached through ${kind} on builtins)`,
        );
      }
      checkAttributeName(ctx, v.value, obj, call.node);
      if (v.value === '__dict__') {
        ctx.sink.report(
          'py.namespace.escape',
          call.node,
          `${kind}(obj, '__dict__') hands out a namespace the checker cannot follow; write obj.__dict__`,
        );
      }
      if (kind !== 'getattr' && onModule) {
        ctx.sink.report('py.reflection.setattr-module', call.node, `${kind} on a module changes the interpreter for every later use`);
      }
      for (const q of ctx.qualify(obj)) {
        if (q.root === 'module') checkModuleChain(ctx, { ...q, parts: [...q.parts, v.value] }, call.node, { lastOnly: true });
      }
    }
    return;
  }
  if (kind !== 'getattr') {
    if (onModule) ctx.sink.report('py.reflection.setattr-module', call.node, `${kind} with a computed name on a module`);
    return;
  }
  if (onModule) {
    ctx.sink.report('py.reflection.computed-name', call.node, `getattr on a module or builtins with a name that is not a literal`);
    return;
  }
  const safePrefix = values !== null && values.every((v) => v.value.length > 0 && !v.value.startsWith('_'));
  if (!safePrefix) {
    ctx.sink.report(
      'py.reflection.computed-name',
      call.node,
      'getattr with a name that is not a literal (it could name a dunder such as __globals__)',
      { severity: 'major' },
    );
  }
}

function checkVars(ctx: PyContext, call: CallInfo): void {
  const obj = call.positional[0];
  if (!obj) {
    ctx.sink.report('py.reflection.vars', call.node, 'vars() without argument exposes the local namespace');
    return;
  }
  if (isModuleLike(ctx, obj)) {
    ctx.sink.report('py.reflection.vars', call.node, 'vars() of a module or builtins exposes everything it holds', {
      severity: 'critical',
    });
  }
}

function checkDynamicImport(ctx: PyContext, call: CallInfo): void {
  const arg = call.arg(0, ['name']);
  if (!arg) return;
  const values = evalStr(ctx, arg);
  if (!values || values.some((v) => !v.exact)) {
    ctx.sink.report('py.import.dynamic', call.node, 'dynamic import with a computed module name');
    return;
  }
  for (const v of values) checkModuleImport(ctx, v.value, call.node);
}

function checkAttrgetter(ctx: PyContext, call: CallInfo): void {
  if (call.hasSplat) {
    ctx.sink.report('py.reflection.computed-name', call.node, 'attrgetter/methodcaller with * arguments');
    return;
  }
  const names = call.names.includes('operator.methodcaller') ? call.positional.slice(0, 1) : call.positional;
  for (const n of names) {
    const values = evalStr(ctx, n);
    if (!values || values.some((v) => !v.exact)) {
      ctx.sink.report('py.reflection.computed-name', call.node, 'attrgetter/methodcaller with a name that is not a literal');
      continue;
    }
    for (const v of values) {
      for (const seg of v.value.split('.')) {
        checkAttributeName(ctx, seg.trim(), null, call.node);
        if (seg.trim() === '__dict__') {
          ctx.sink.report(
            'py.namespace.escape',
            call.node,
            "attrgetter('__dict__') hands out a namespace the checker cannot follow; write obj.__dict__",
          );
        }
      }
    }
  }
}

/** `operator.attrgetter('path.os.system')(os)`: the getter applied to a module is judged as the chain. */
function checkAppliedGetter(ctx: PyContext, call: CallInfo, calls: readonly CallInfo[]): void {
  const getter = calls.find((c) => c.node.startIndex === call.fn.startIndex && c.node.endIndex === call.fn.endIndex);
  const obj = call.positional[0];
  if (!getter || !obj || !getter.is('operator.attrgetter', 'operator.methodcaller')) return;
  const nameNodes = getter.names.includes('operator.methodcaller') ? getter.positional.slice(0, 1) : getter.positional;
  for (const n of nameNodes) {
    for (const v of evalStr(ctx, n) ?? []) {
      if (!v.exact) continue;
      for (const q of ctx.qualify(obj)) {
        if (q.root === 'module')
          checkModuleChain(ctx, { ...q, parts: [...q.parts, ...v.value.split('.').map((s) => s.trim())] }, call.node, { lastOnly: false });
      }
    }
  }
}
