/**
 * Name bindings from imports, assignments and binding positions, collected before any rule runs.
 */
import type { SyntaxNode } from '../grammars.ts';
import { normName, type PyContext } from './context.ts';

/** One imported name: what it binds, to which dotted module path. */
export interface ImportedName {
  /** The name bound in the script (`o` for `import os as o`, `os` for `import os.path`). */
  local: string;
  /** Full dotted path of what is imported (`os.path`, `os.system`). */
  target: string[];
  /** The module part of `target` (`from os import system` → 1). */
  moduleLen: number;
  node: SyntaxNode;
  from: boolean;
}

/** The names an import statement binds (relative and wildcard imports bind nothing we can name). */
export function importedNames(ctx: PyContext, stmt: SyntaxNode): ImportedName[] {
  const out: ImportedName[] = [];
  const dottedParts = (n: SyntaxNode) =>
    normName(ctx.text(n))
      .split('.')
      .map((s) => s.trim());
  if (stmt.type === 'import_statement') {
    for (const item of stmt.namedChildren) {
      if (item.type === 'dotted_name') {
        const parts = dottedParts(item);
        out.push({ local: parts[0]!, target: parts.slice(0, 1), moduleLen: 1, node: item, from: false });
      } else if (item.type === 'aliased_import') {
        const name = item.childForFieldName('name');
        const alias = item.childForFieldName('alias');
        if (name && alias) {
          const parts = dottedParts(name);
          out.push({ local: normName(ctx.text(alias)), target: parts, moduleLen: parts.length, node: item, from: false });
        }
      }
    }
    return out;
  }
  const mod = stmt.childForFieldName('module_name');
  if (!mod || mod.type !== 'dotted_name') return out;
  const base = dottedParts(mod);
  for (const item of stmt.namedChildren) {
    if (item.startIndex === mod.startIndex) continue;
    if (item.type === 'dotted_name') {
      const parts = dottedParts(item);
      out.push({ local: parts[0]!, target: [...base, ...parts], moduleLen: base.length, node: item, from: true });
    } else if (item.type === 'aliased_import') {
      const name = item.childForFieldName('name');
      const alias = item.childForFieldName('alias');
      if (name && alias)
        out.push({
          local: normName(ctx.text(alias)),
          target: [...base, ...dottedParts(name)],
          moduleLen: base.length,
          node: item,
          from: true,
        });
    }
  }
  return out;
}

export function buildScope(ctx: PyContext): void {
  for (const stmt of [...ctx.cap('import'), ...ctx.cap('import_from')]) {
    for (const imp of importedNames(ctx, stmt)) {
      const full = imp.target.join('.');
      const isModule = !imp.from || ctx.knownModules.has(full);
      ctx.bind(imp.local, {
        kind: 'import',
        parts: imp.from ? imp.target : imp.target,
        moduleLen: imp.from ? imp.moduleLen : imp.target.length,
        isModule,
      });
    }
  }
  const names = ctx.cap('assign.name');
  const values = ctx.cap('assign.value');
  for (let i = 0; i < names.length; i++) ctx.bind(normName(ctx.idText(names[i]!)), { kind: 'expr', node: values[i]! });
  const lefts = ctx.cap('assign.left');
  const rights = ctx.cap('assign.right');
  for (let i = 0; i < lefts.length; i++) bindTarget(ctx, lefts[i]!, rights[i] ?? null);
  const wn = ctx.cap('walrus.name');
  const wv = ctx.cap('walrus.value');
  for (let i = 0; i < wn.length; i++) bindTarget(ctx, wn[i]!, wv[i] ?? null);
  for (const n of ctx.cap('bind.opaque')) ctx.bind(normName(ctx.idText(n)), { kind: 'opaque' });
  for (const n of ctx.cap('bind.def')) ctx.bind(normName(ctx.idText(n)), { kind: 'opaque' });
  for (const n of ctx.cap('class.name')) ctx.classNames.add(normName(ctx.idText(n)));
  for (const n of ctx.cap('bind.target')) bindTarget(ctx, n, null);
}

/** Bind the names of an assignment target: `x = e` binds x to e; anything else binds opaquely. */
function bindTarget(ctx: PyContext, left: SyntaxNode, right: SyntaxNode | null): void {
  switch (left.type) {
    case 'identifier':
      ctx.bind(normName(ctx.idText(left)), right ? { kind: 'expr', node: right } : { kind: 'opaque' });
      return;
    case 'pattern_list':
    case 'tuple_pattern':
    case 'list_pattern':
    case 'as_pattern_target':
    case 'tuple':
    case 'list': {
      const items = left.namedChildren;
      const values =
        right && (right.type === 'expression_list' || right.type === 'tuple' || right.type === 'list') ? right.namedChildren : null;
      items.forEach((item, i) => bindTarget(ctx, item, values && values.length === items.length ? values[i]! : null));
      return;
    }
    case 'list_splat_pattern':
    case 'parenthesized_expression':
      for (const c of left.namedChildren) bindTarget(ctx, c, null);
      return;
    default:
      // attribute / subscript targets bind no plain name
      return;
  }
}
