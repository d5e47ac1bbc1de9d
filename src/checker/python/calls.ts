/**
 * Calls as rules see them: what the callee may stand for (qualified names), the method name when it
 * is `obj.method(...)`, and the arguments by position and keyword (computed on first use).
 */
import type { SyntaxNode } from '../grammars.ts';
import { dotted, normName, type PyContext, type Qual } from './context.ts';

const LEADING_NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const TRAILING_ATTR = /\.\s*([A-Za-z_][A-Za-z0-9_]*)$/;
const NON_ASCII = /[^\x00-\x7f]/;

export class CallInfo {
  private _quals: Qual[] | null = null;
  private _names: string[] | null = null;
  private _args: { positional: SyntaxNode[]; keywords: Map<string, SyntaxNode>; splat: boolean } | null = null;
  private _method: string | null | undefined = undefined;

  private _argsNode: SyntaxNode | null = null;

  constructor(
    private readonly ctx: PyContext,
    readonly node: SyntaxNode,
    readonly fn: SyntaxNode,
  ) {}

  /** The argument list (looked up on first use: most calls never need it). */
  get argsNode(): SyntaxNode {
    return (this._argsNode ??= this.node.childForFieldName('arguments')!);
  }

  get quals(): Qual[] {
    return (this._quals ??= this.ctx.qualify(this.fn));
  }

  /** Dotted names the callee may be: `os.system`, `requests.Session().get`, or a bare builtin `eval`. */
  get names(): string[] {
    if (this._names) return this._names;
    // Fast exit: `df.groupby(k).sum(...)` cannot name a module function when `df` is no module alias.
    const t = this.ctx.text(this.fn);
    const lead = LEADING_NAME.exec(t)?.[0];
    if (lead !== undefined && lead !== t && !this.ctx.mayBeModule(lead, true)) return (this._names = []);
    return (this._names = this.quals
      .map((q) => (q.root === 'builtin' ? (q.parts.length === 1 ? q.parts[0]! : '') : dotted(q)))
      .filter((s) => s !== ''));
  }

  is(...names: string[]): boolean {
    return this.names.some((n) => names.includes(n));
  }

  /** The method name for `obj.method(...)`, else null. */
  /**
   * The method name for `obj.method(...)`, else null. Read from the callee's text: a callee that
   * ends in `.name` is an attribute (identifiers have no dot; calls, subscripts and parenthesized
   * callees end in a bracket), which spares a native type lookup per call.
   */
  get method(): string | null {
    if (this._method !== undefined) return this._method;
    const t = this.ctx.text(this.fn);
    const m = TRAILING_ATTR.exec(t);
    this._method = m ? m[1]! : NON_ASCII.test(t) && this.fn.type === 'attribute' ? this.ctx.attrName(this.fn) : null;
    return this._method;
  }

  get receiver(): SyntaxNode | null {
    return this.method !== null ? this.fn.childForFieldName('object') : null;
  }

  private get parsedArgs() {
    if (this._args) return this._args;
    const positional: SyntaxNode[] = [];
    const keywords = new Map<string, SyntaxNode>();
    let splat = false;
    if (this.argsNode.type === 'generator_expression') positional.push(this.argsNode);
    else {
      for (const a of this.argsNode.namedChildren) {
        if (a.type === 'comment') continue;
        if (a.type === 'keyword_argument') {
          const k = a.childForFieldName('name');
          const v = a.childForFieldName('value');
          if (k && v) keywords.set(normName(this.ctx.text(k)), v);
        } else if (a.type === 'list_splat' || a.type === 'dictionary_splat') splat = true;
        else positional.push(a);
      }
    }
    return (this._args = { positional, keywords, splat });
  }

  get positional(): SyntaxNode[] {
    return this.parsedArgs.positional;
  }

  get keywords(): Map<string, SyntaxNode> {
    return this.parsedArgs.keywords;
  }

  /** True when arguments are passed with * or ** (their values are unknown). */
  get hasSplat(): boolean {
    return this.parsedArgs.splat;
  }

  /** The argument at a position or under one of the keyword names. */
  arg(index: number, kw: readonly string[] = []): SyntaxNode | null {
    for (const k of kw) {
      const v = this.keywords.get(k);
      if (v) return v;
    }
    return this.positional[index] ?? null;
  }
}

export function collectCalls(ctx: PyContext): CallInfo[] {
  const calls = ctx.cap('call');
  const fns = ctx.cap('call.fn');
  const out: CallInfo[] = [];
  for (let i = 0; i < calls.length; i++) out.push(new CallInfo(ctx, calls[i]!, fns[i]!));
  return out;
}
