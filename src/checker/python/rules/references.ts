/**
 * Every place a name or attribute chain refers to something: forbidden callables under any name
 * (`eval`, `o.system` after `import os as o`, `x = os.system`, `map(eval, …)`), the allowed slice
 * of partial modules, private module attributes, modules reached through other modules, and modules
 * escaping as values. Attribute names that are dangerous on any object are judged in dunder.ts.
 */
import { startOf, type SyntaxNode } from '../../grammars.ts';
import type { RuleId } from '../../rules.ts';
import type { Finding } from '../../types.ts';
import { normName, type PyContext } from '../context.ts';
import { checkModuleChain, pythonIndex } from '../modules.ts';
import { interestingNames } from '../identifiers.ts';
import { REFLECTION_BUILTINS } from '../tables.ts';
import { isAttributeNameAt, isBindingPosition } from '../positions.ts';

export function checkReferences(ctx: PyContext): void {
  const attrRoots = new Set<number>();
  const seenChains = new Map<string, Finding[]>();
  for (const attr of ctx.cap('attr')) {
    const parts = ctx.chainParts(attr);
    if (!parts) {
      checkAttribute(ctx, attr, null, attrRoots);
      continue;
    }
    // A plain chain means the same everywhere (bindings are flow-insensitive): judge each chain text
    // once, then repeat its findings at every further occurrence.
    const key = parts.join('.');
    const earlier = seenChains.get(key);
    if (earlier) {
      attrRoots.add(startOf(attr));
      for (const f of earlier) ctx.sink.report(f.rule as RuleId, attr, f.message, { severity: f.severity });
      continue;
    }
    const before = ctx.sink.list.length;
    checkAttribute(ctx, attr, parts, attrRoots);
    seenChains.set(key, ctx.sink.list.slice(before));
  }
  checkIdentifiers(ctx, attrRoots);
}

const LEADING_NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const BARE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function checkAttribute(ctx: PyContext, attr: SyntaxNode, parts: string[] | null, attrRoots: Set<number>): void {
  // A name directly followed by `.` starts a chain; names inside other shapes (`(os).system`,
  // a chain broken over lines) count as values, which can only make the check stricter.
  if (parts) attrRoots.add(startOf(attr));
  // Fast exit: a chain whose leftmost name cannot stand for a module cannot reach one
  // (`df.groupby(k).sum` after `df = pd.read_csv(…)` is an instance, judged elsewhere).
  const root = parts ? parts[0]! : LEADING_NAME.exec(ctx.text(attr))?.[0];
  if (root !== undefined && !ctx.mayBeModule(root)) return;
  for (const q of ctx.qualify(attr)) {
    if (q.root === 'module') checkModuleChain(ctx, q, attr, { lastOnly: true });
  }
}

function checkIdentifiers(ctx: PyContext, attrRoots: Set<number>): void {
  const interesting = interestingNames(ctx);
  const forbidden = pythonIndex(ctx.policy).callables;
  const imports = [...ctx.cap('import'), ...ctx.cap('import_from')]
    .map((n) => [n.startIndex, n.endIndex] as const)
    .sort((a, b) => a[0] - b[0]);
  const aliasRhs = new Set(ctx.cap('assign.alias').map((n) => startOf(n)));
  // `m = os` in a class body makes a class attribute (`A.m.system`), which is not tracked: not an alias.
  const isAlias = (id: SyntaxNode): boolean => {
    if (!aliasRhs.has(startOf(id))) return false;
    const block = id.parent?.parent?.parent; // identifier → assignment → expression_statement → block
    return !(block?.type === 'block' && block.parent?.type === 'class_definition');
  };
  // callees that are bare names (`getattr(...)`, not `getattr.__call__(...)`)
  const callFns = new Set(
    ctx
      .cap('call.fn')
      .filter((n) => BARE_NAME.test(ctx.text(n)))
      .map((n) => startOf(n)),
  );
  for (const id of ctx.identifiers()) {
    const name = normName(ctx.idText(id));
    if (!interesting.has(name)) continue;
    const start = startOf(id);
    if (isAttributeNameAt(ctx.src, start)) continue; // `model.eval`: an attribute name, not the builtin
    if (insideAny(imports, start)) continue; // part of an import statement
    // the object of an attribute chain is judged with the chain, except builtins (`eval.__call__`)
    if (attrRoots.has(start) && !forbidden.has(name) && !REFLECTION_BUILTINS.has(name)) continue;
    if (isBindingPosition(ctx, id)) continue;
    const quals = ctx.qualify(id);
    for (const q of quals) {
      if (q.root === 'builtin') {
        if (q.parts.length === 1 && forbidden.has(name)) {
          ctx.sink.report('py.callable.forbidden', id, `'${name}' is forbidden by the policy`);
        } else if (REFLECTION_BUILTINS.has(name) && name !== '__import__' && !callFns.has(start)) {
          ctx.sink.report('py.reflection.indirect', id, `'${name}' is used as a value, so the attribute it reaches cannot be checked`);
        }
      } else {
        checkModuleChain(ctx, q, id, { lastOnly: false, onlyCallables: true });
      }
    }
    if (ctx.isModuleName(name) && !isAlias(id) && !isHarmlessModuleUse(ctx, id) && !isInspectedArgument(ctx, id)) {
      ctx.sink.report('py.module.escape', id, `module '${name}' is used as a value; what is done with it later cannot be checked`);
    }
  }
}

/**
 * First argument of a builtin that only inspects it, or whose use of it the reflection rules judge
 * (getattr/setattr/delattr with literal names, vars): `getattr(os, 'getcwd')`, `print(os)`.
 */
const INSPECTING_BUILTINS = new Set([
  'getattr',
  'hasattr',
  'setattr',
  'delattr',
  'vars',
  'dir',
  'print',
  'repr',
  'str',
  'type',
  'id',
  'isinstance',
  'callable',
]);

function isInspectedArgument(ctx: PyContext, id: SyntaxNode): boolean {
  const args = id.parent;
  if (!args || args.type !== 'argument_list' || args.namedChild(0)?.startIndex !== id.startIndex) return false;
  const fn = args.parent?.childForFieldName('function');
  return fn !== null && fn !== undefined && fn.type === 'identifier' && INSPECTING_BUILTINS.has(normName(ctx.text(fn)));
}

/** `del os`, `global os`, `nonlocal os` are harmless uses of a module name. */
function isHarmlessModuleUse(_ctx: PyContext, id: SyntaxNode): boolean {
  const p = id.parent;
  return p !== null && (p.type === 'delete_statement' || p.type === 'global_statement' || p.type === 'nonlocal_statement');
}

/** Binary search in nodes sorted by start: is `index` inside one of them? */
function insideAny(sorted: ReadonlyArray<readonly [number, number]>, index: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = sorted[mid]!;
    if (index < s) hi = mid - 1;
    else if (index >= e) lo = mid + 1;
    else return true;
  }
  return false;
}
