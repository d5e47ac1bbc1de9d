/**
 * Import statements: plain, aliased, from-imports, wildcard, relative, anywhere in the file
 * (inside functions and conditionals too, since the query sees every statement).
 */
import type { SyntaxNode } from '../../grammars.ts';
import { normName, type PyContext } from '../context.ts';
import { checkModuleChain, moduleStatus, partialParentOf } from '../modules.ts';
import { importedNames } from '../scope.ts';

/** Report a module import (`import x`, the module of `from x import …`, `__import__('x')`). */
export function checkModuleImport(ctx: PyContext, name: string, at: SyntaxNode): void {
  const status = moduleStatus(ctx.policy, name);
  switch (status) {
    case 'forbidden':
      ctx.sink.report('py.import.forbidden', at, `import of forbidden module '${name}'`);
      return;
    case 'private':
      ctx.sink.report('py.import.private', at, `import of private/native module '${name}'`);
      return;
    case 'not-allowed':
      ctx.sink.report('py.import.not-allowed', at, `module '${name}' is not on the policy allow-list`);
      return;
    case 'outside-partial': {
      const parent = partialParentOf(ctx.policy, name)!;
      ctx.sink.report('py.module.attribute-not-allowed', at, `'${name}' is outside the allowed part of '${parent}'`);
      return;
    }
    default:
      return;
  }
}

export function checkImports(ctx: PyContext): void {
  for (const stmt of ctx.cap('import')) {
    for (const item of stmt.namedChildren) {
      const nameNode = item.type === 'aliased_import' ? item.childForFieldName('name') : item.type === 'dotted_name' ? item : null;
      if (nameNode) checkModuleImport(ctx, normName(ctx.text(nameNode)).replace(/\s+/g, ''), item);
    }
  }
  for (const stmt of ctx.cap('import_from')) {
    const mod = stmt.childForFieldName('module_name');
    if (!mod) continue;
    if (mod.type === 'relative_import') {
      ctx.sink.report('py.import.relative', stmt, 'relative import loads a file that was not checked');
      continue;
    }
    const modName = normName(ctx.text(mod)).replace(/\s+/g, '');
    const before = ctx.sink.list.length;
    checkModuleImport(ctx, modName, stmt);
    if (ctx.sink.list.length > before) continue;
    const wildcard = stmt.namedChildren.some((c) => c.type === 'wildcard_import');
    if (wildcard && moduleStatus(ctx.policy, modName) === 'partial') {
      ctx.sink.report('py.import.wildcard', stmt, `'from ${modName} import *' imports names outside the allowed part of '${modName}'`);
    }
    for (const imp of importedNames(ctx, stmt)) {
      const full = imp.target.join('.');
      if (ctx.knownModules.has(full) && moduleStatus(ctx.policy, full) !== 'allowed' && moduleStatus(ctx.policy, full) !== 'partial') {
        checkModuleImport(ctx, full, imp.node);
        continue;
      }
      checkModuleChain(ctx, { root: 'module', parts: imp.target, moduleLen: imp.moduleLen }, imp.node, { lastOnly: false });
    }
  }
}
