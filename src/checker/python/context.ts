/**
 * Per-file state of the Python checker: the captures, the name bindings (imports, aliases,
 * constants) and qualification of expressions to dotted names (`o.system` → `os.system` after
 * `import os as o`). Binding is flow-insensitive: a name bound anywhere to a module is that module
 * everywhere, which can only make the checker stricter.
 */
import type { Policy } from '../../policy/schema.ts';
import type { FindingSink } from '../findings.ts';
import { startOf, type SyntaxNode } from '../grammars.ts';
import { builtinNames, findIdentifiers, importedNames } from './identifiers.ts';
import { evalStr } from './strings.ts';
import { SENSITIVE_MODULES } from './tables.ts';

export type Binding =
  { kind: 'import'; parts: string[]; moduleLen: number; isModule: boolean } | { kind: 'expr'; node: SyntaxNode } | { kind: 'opaque' };

/** A dotted name an expression may stand for: rooted at an imported module, a builtin, or an instance (`requests.Session()`). */
export interface Qual {
  root: 'module' | 'builtin';
  parts: string[];
  /** How many leading parts are the imported module itself (0 for builtins). */
  moduleLen: number;
}

const CHAIN_RE = /^[A-Za-z_][A-Za-z0-9_]*(?:[ \t]*\.[ \t]*[A-Za-z_][A-Za-z0-9_]*)*$/;
const NON_ASCII = /[^\x00-\x7f]/;

/** Python normalizes identifiers with NFKC (`ｅｖａｌ` is `eval`). */
export function normName(text: string): string {
  return NON_ASCII.test(text) ? text.normalize('NFKC') : text;
}

export class PyContext {
  readonly bindings = new Map<string, Binding[]>();
  /** Names of the classes the script defines. */
  readonly classNames = new Set<string>();
  /** Module names treated as "that module" when reached as an attribute of another module. */
  readonly sensitive: Set<string>;
  /** Known module names (for deciding whether `from a import b` binds a module). */
  readonly knownModules: Set<string>;
  private readonly qualCache = new WeakMap<SyntaxNode, Qual[]>();
  private readonly nameCache = new Map<string, Qual[]>();
  private readonly moduleish = new Map<string, boolean>();
  private ids: SyntaxNode[] | null = null;
  private readonly texts = new WeakMap<SyntaxNode, string>();
  private readonly resolving = new Set<string>();

  constructor(
    readonly src: string,
    readonly policy: Policy,
    readonly sink: FindingSink,
    readonly caps: Map<string, SyntaxNode[]>,
    readonly depth: number,
    readonly root: SyntaxNode,
  ) {
    this.sensitive = new Set(SENSITIVE_MODULES);
    for (const m of policy.python.forbiddenModules) if (!m.includes('.')) this.sensitive.add(m);
    for (const m of Object.keys(policy.python.partialModules)) this.sensitive.add(m);
    this.knownModules = new Set([
      ...policy.python.allowedModules,
      ...policy.python.forbiddenModules,
      ...Object.keys(policy.python.partialModules),
      ...SENSITIVE_MODULES,
      'os.path',
    ]);
  }

  cap(name: string): SyntaxNode[] {
    return this.caps.get(name) ?? [];
  }

  /** The identifier nodes the identifier rules judge (see identifiers.ts), collected once. */
  identifiers(): SyntaxNode[] {
    if (!this.ids) {
      const builtins = builtinNames(this);
      const chainOnly = new Set([...importedNames(this)].filter((n) => !builtins.has(n)));
      this.ids = findIdentifiers(this, new Set([...builtins, ...chainOnly]), chainOnly);
    }
    return this.ids;
  }

  /** Source text of a node (cached per node object: every position getter is a native call). */
  text(node: SyntaxNode): string {
    let t = this.texts.get(node);
    if (t === undefined) {
      t = this.src.slice(node.startIndex, node.endIndex);
      this.texts.set(node, t);
    }
    return t;
  }

  /** Text of an identifier node, read from the source at its start (no native end lookup). */
  idText(node: SyntaxNode): string {
    const start = startOf(node);
    let i = start;
    const src = this.src;
    for (; i < src.length; i++) {
      const c = src.charCodeAt(i);
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95) continue;
      if (c > 127) return this.text(node);
      break;
    }
    return src.slice(start, i);
  }

  bind(name: string, b: Binding): void {
    const list = this.bindings.get(name);
    if (list) list.push(b);
    else this.bindings.set(name, [b]);
  }

  /** True when a name is bound (anywhere) to a module object. */
  isModuleName(name: string): boolean {
    return this.bindings.get(name)?.some((b) => b.kind === 'import' && b.isModule) ?? false;
  }

  /** The dotted parts of an attribute chain `a.b.c` when it is a plain chain of names, else null. */
  chainParts(node: SyntaxNode): string[] | null {
    const t = this.text(node);
    if (CHAIN_RE.test(t)) return t.split('.').map((s) => s.trim());
    if (!NON_ASCII.test(t)) return null;
    const n = normName(t);
    return CHAIN_RE.test(n) ? n.split('.').map((s) => s.trim()) : null;
  }

  /** The attribute name of an `attribute` node (NFKC-normalized). */
  attrName(node: SyntaxNode): string {
    const t = this.text(node);
    const last = t.slice(t.lastIndexOf('.') + 1).trim();
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(last)) return last;
    const a = node.childForFieldName('attribute');
    return a ? normName(this.text(a)) : last;
  }

  /** Every dotted name `node` may stand for (empty when none is known). */
  qualify(node: SyntaxNode, depth = 0): Qual[] {
    if (depth > 12) return [];
    const cached = this.qualCache.get(node);
    if (cached) return cached;
    const out = this.qualifyUncached(node, depth);
    this.qualCache.set(node, out);
    return out;
  }

  private qualifyUncached(node: SyntaxNode, depth: number): Qual[] {
    switch (node.type) {
      case 'identifier':
        return this.qualifyName(normName(this.idText(node)), depth);
      case 'attribute': {
        const parts = this.chainParts(node);
        if (parts) {
          return this.qualifyName(parts[0]!, depth).map((q) => ({ ...q, parts: [...q.parts, ...parts.slice(1)] }));
        }
        const obj = node.childForFieldName('object');
        if (!obj) return [];
        const attr = this.attrName(node);
        return this.qualify(obj, depth + 1).map((q) => ({ ...q, parts: [...q.parts, attr] }));
      }
      case 'parenthesized_expression': {
        const inner = node.namedChild(0);
        return inner ? this.qualify(inner, depth + 1) : [];
      }
      case 'conditional_expression':
      case 'boolean_operator':
        return node.namedChildren.flatMap((c) => this.qualify(c, depth + 1));
      case 'call': {
        const fn = node.childForFieldName('function');
        if (!fn) return [];
        const out: Qual[] = [];
        for (const q of this.qualify(fn, depth + 1)) {
          const name = q.parts.join('.');
          if (
            (q.root === 'builtin' && name === '__import__') ||
            (q.root === 'module' && (name === 'importlib.import_module' || name === 'importlib.__import__'))
          ) {
            // __import__('a.b') returns the package a; import_module('a.b') returns a.b
            const arg = node.childForFieldName('arguments')?.namedChild(0);
            const values = arg ? evalStr(this, arg) : null;
            for (const v of values ?? []) {
              if (!v.exact || !/^[A-Za-z_][\w.]*$/.test(v.value)) continue;
              const parts = name === 'importlib.import_module' ? v.value.split('.') : v.value.split('.').slice(0, 1);
              out.push({ root: 'module', parts, moduleLen: parts.length });
            }
          } else if (q.root === 'module') out.push({ ...q, parts: [...q.parts, '()'] });
        }
        return out;
      }
      default:
        return [];
    }
  }

  /** What a plain name may stand for (flow-insensitive, so cached per name). */
  qualifyName(name: string, depth = 0): Qual[] {
    const cached = this.nameCache.get(name);
    if (cached) return cached;
    const out = this.qualifyNameUncached(name, depth);
    if (!this.resolving.size) this.nameCache.set(name, out);
    return out;
  }

  /**
   * True when a name may stand for an imported module or a name inside one; with `instances`, also
   * for an instance of a class from a module (`s = requests.Session()`). `__import__` always may.
   */
  mayBeModule(name: string, instances = false): boolean {
    const key = instances ? `()${name}` : name;
    let v = this.moduleish.get(key);
    if (v === undefined) {
      v =
        name === '__import__' ||
        (this.bindings.has(name) && this.qualifyName(name).some((q) => q.root === 'module' && (instances || !q.parts.includes('()'))));
      this.moduleish.set(key, v);
    }
    return v;
  }

  private qualifyNameUncached(name: string, depth: number): Qual[] {
    const list = this.bindings.get(name);
    const out: Qual[] = [];
    let imported = false;
    if (list && !this.resolving.has(name)) {
      this.resolving.add(name);
      try {
        for (const b of list) {
          if (b.kind === 'import') {
            imported = true;
            out.push({ root: 'module', parts: b.parts, moduleLen: b.moduleLen });
          } else if (b.kind === 'expr') {
            out.push(...this.qualify(b.node, depth + 1));
          }
        }
      } finally {
        this.resolving.delete(name);
      }
    }
    if (!imported) out.push({ root: 'builtin', parts: [name], moduleLen: 0 });
    return out;
  }

  /** The simple-assignment right-hand sides of a name, or null when it is also bound opaquely (parameter, loop …). */
  constantSources(name: string): SyntaxNode[] | null {
    const list = this.bindings.get(name);
    if (!list || list.length === 0) return null;
    const nodes: SyntaxNode[] = [];
    for (const b of list) {
      if (b.kind !== 'expr') return null;
      nodes.push(b.node);
    }
    return nodes;
  }
}

/** `a.b.c` joined; `()` marks an instance. */
export function dotted(q: Qual): string {
  const s = q.parts.join('.');
  return s.includes('()') ? s.replace(/\.\(\)/g, '()') : s;
}
