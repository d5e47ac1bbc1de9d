/**
 * Per-tool state of the JavaScript checker: the captures, source text, identifier names (with
 * `\u` escapes decoded and NFC-normalized, as the engine reads them) and what each name is bound to
 * (declarations, assignments, parameters, loop variables), flow-insensitively.
 */
import type { Policy } from '../../policy/schema.ts';
import type { FindingSink } from '../findings.ts';
import type { SyntaxNode } from '../grammars.ts';

/** A name's value: an expression, a number (`i++`, `x -= 1`, an array callback's index), or unknown. */
export type JsBinding = { node: SyntaxNode } | { numeric: true } | { unknown: true };

/** Array methods whose callback gets the element index as this parameter. */
const INDEX_PARAM: Record<string, number> = {
  forEach: 1,
  map: 1,
  filter: 1,
  some: 1,
  every: 1,
  find: 1,
  findIndex: 1,
  findLast: 1,
  findLastIndex: 1,
  flatMap: 1,
  reduce: 2,
  reduceRight: 2,
  from: 1,
};

export class JsContext {
  readonly bindings = new Map<string, JsBinding[]>();
  private readonly texts = new WeakMap<SyntaxNode, string>();

  constructor(
    readonly src: string,
    readonly policy: Policy,
    readonly sink: FindingSink,
    readonly caps: Map<string, SyntaxNode[]>,
  ) {
    this.collect();
  }

  cap(name: string): SyntaxNode[] {
    return this.caps.get(name) ?? [];
  }

  text(node: SyntaxNode): string {
    let t = this.texts.get(node);
    if (t === undefined) this.texts.set(node, (t = this.src.slice(node.startIndex, node.endIndex)));
    return t;
  }

  /** An identifier's name as the engine sees it (`\u0065val` is `eval`). */
  name(node: SyntaxNode): string {
    const t = this.text(node);
    if (!t.includes('\\') && !/[^\x00-\x7f]/.test(t)) return t;
    const escape = /\\u\{([0-9a-fA-F]+)\}|\\u([0-9a-fA-F]{4})/g;
    const decode = (_m: string, a: string | undefined, b: string | undefined) => String.fromCodePoint(parseInt(a ?? b!, 16));
    return t.replace(escape, decode).normalize('NFC');
  }

  private bind(name: string, b: JsBinding): void {
    const list = this.bindings.get(name);
    if (list) list.push(b);
    else this.bindings.set(name, [b]);
  }

  private collect(): void {
    const names = this.cap('bind.name');
    const values = this.cap('bind.value');
    names.forEach((n, i) => this.bind(this.name(n), { node: values[i]! }));
    const augs = this.cap('aug');
    this.cap('aug.name').forEach((n, i) => {
      const op = augs[i]!.childForFieldName('operator');
      this.bind(this.name(n), op && this.text(op) === '+=' ? { unknown: true } : { numeric: true });
    });
    for (const n of this.cap('update.name')) this.bind(this.name(n), { numeric: true });
    for (const n of this.cap('loop.name')) this.bind(this.name(n), { unknown: true });
    for (const p of this.cap('param')) this.bind(this.name(p), this.indexParam(p) ? { numeric: true } : { unknown: true });
  }

  /** `arr.forEach((v, i) => …)`: the index parameter of an array callback is a number. */
  private indexParam(p: SyntaxNode): boolean {
    const params = p.parent?.type === 'formal_parameters' ? p.parent : null;
    const fn = params ? params.parent : p.parent;
    const call = fn?.parent?.type === 'arguments' ? fn.parent.parent : null;
    const callee = call?.childForFieldName('function');
    if (!callee || callee.type !== 'member_expression') return false;
    const method = this.text(callee.childForFieldName('property')!);
    const position = params ? params.namedChildren.findIndex((c) => c.startIndex === p.startIndex) : 0;
    const argIndex = fn!.parent!.namedChildren.findIndex((c) => c.startIndex === fn!.startIndex);
    return INDEX_PARAM[method] === position && argIndex === (method === 'from' ? 1 : 0);
  }
}
