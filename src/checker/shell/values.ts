/**
 * What the script's variables can hold, flow-insensitively: a variable is only as safe as the least
 * safe of everything that assigns it (assignments, `for` lists, read/mapfile/getopts/printf -v,
 * arithmetic). Two properties are tracked:
 *  - `noCode`: the value cannot carry code into arithmetic or name evaluation (a literal without `$`
 *    or backquote, a number, or a value the script checks against a digits regex or case pattern);
 *  - `noDash`: the value cannot start with `-`, so it is never taken for an option (a literal or
 *    glob with a known first character, a number, an absolute path from mktemp/pwd).
 * Variables the script never assigns (environment, positional parameters) are neither.
 */
import type { SyntaxNode } from '../grammars.ts';
import { collectBindings, type Binding } from './bindings.ts';
import type { ShContext } from './context.ts';
import { commandShape, type Shape } from './shapes.ts';
import { validations, type Validations } from './validate.ts';

export type { Shape } from './shapes.ts';

export const SAFE: Shape = { noCode: true, noDash: true };
export const UNKNOWN: Shape = { noCode: false, noDash: false };
const meet = (a: Shape, b: Shape): Shape => ({ noCode: a.noCode && b.noCode, noDash: a.noDash && b.noDash });

/** Shell variables that always hold numbers (or the shell's own paths). */
const NUMERIC_SPECIALS = new Set([
  '#',
  '?',
  '$',
  '!',
  'RANDOM',
  'SRANDOM',
  'SECONDS',
  'LINENO',
  'BASHPID',
  'EPOCHSECONDS',
  'EPOCHREALTIME',
  'PPID',
  'UID',
  'EUID',
  'OPTIND',
  'HISTCMD',
  'SHLVL',
]);
const PATH_SPECIALS = new Set(['PWD', 'OLDPWD']);
export class ShellValues {
  private readonly bindings: Map<string, Binding[]>;
  private readonly cache = new Map<string, Shape>();
  private readonly visiting = new Set<string>();
  /** Arrays declared associative (`declare -A`) and variables with the integer attribute (`declare -i`). */
  readonly assoc: Set<string>;
  readonly integer: Set<string>;
  private checks: Validations | null = null;

  constructor(readonly ctx: ShContext) {
    const found = collectBindings(ctx);
    this.bindings = found.bindings;
    this.assoc = found.assoc;
    this.integer = found.integer;
  }

  /** Variables the script validates (worked out on first use). */
  get validated(): Validations {
    return (this.checks ??= validations(this.ctx));
  }

  /** The shape of a variable's value. */
  variable(name: string): Shape {
    const cached = this.cache.get(name);
    if (cached) return cached;
    if (this.visiting.has(name)) return SAFE; // a cycle adds nothing new
    let shape: Shape;
    const list = this.bindings.get(name);
    if (!list) shape = NUMERIC_SPECIALS.has(name) ? SAFE : PATH_SPECIALS.has(name) ? { noCode: true, noDash: true } : UNKNOWN;
    else {
      this.visiting.add(name);
      shape = SAFE;
      for (const b of list) {
        shape = meet(shape, this.binding(b));
        if (!shape.noCode && !shape.noDash) break;
      }
      this.visiting.delete(name);
    }
    const v = this.validated.shapes.get(name);
    if (v) shape = { noCode: shape.noCode || v.noCode, noDash: shape.noDash || v.noDash };
    if (this.visiting.size === 0) this.cache.set(name, shape);
    return shape;
  }

  private binding(b: Binding): Shape {
    if ('shape' in b) return b.shape;
    if ('node' in b) {
      const s = this.word(b.node);
      return b.anyStart ? { noCode: s.noCode, noDash: false } : s;
    }
    const value = b.assign.childForFieldName('value');
    if (!value) return SAFE;
    if (value.type !== 'array') return this.word(value);
    let shape = SAFE;
    for (const el of value.namedChildren) shape = meet(shape, this.binding({ node: el, anyStart: this.ctx.text(el).startsWith('[') }));
    return shape;
  }

  /** The value words of an assignment binding (array elements one by one). */
  private words(b: Binding): SyntaxNode[] | null {
    if ('shape' in b) return null;
    if ('node' in b) return [b.node];
    const value = b.assign.childForFieldName('value');
    return value ? (value.type === 'array' ? value.namedChildren : [value]) : [];
  }

  /** True when every value the variable can hold is a literal matching `ok` (or a number, or empty). */
  literalsOnly(name: string, ok: RegExp): boolean {
    const list = this.bindings.get(name);
    if (!list) return false;
    return list.every((b) => {
      const nodes = this.words(b);
      if (nodes === null) return 'shape' in b && b.shape.noCode;
      return nodes.every((n) => {
        const v = this.ctx.word(n);
        return v.exact && !v.pattern && ok.test(v.value);
      });
    });
  }

  /** True when the variable holds a plain variable name (`${!x}`, `printf -v "$x"`, a name from `${!PREFIX*}`). */
  holdsName(name: string): boolean {
    if (this.validated.names.has(name)) return true;
    const list = this.bindings.get(name);
    return (
      list !== undefined &&
      list.every((b) => {
        const nodes = this.words(b);
        if (nodes === null) return 'shape' in b && b.shape.noCode;
        return nodes.every((n) => {
          const v = this.ctx.word(n);
          if (v.exact && !v.pattern && /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]*)$/.test(v.value)) return true;
          return /^"?\$\{![A-Za-z_][A-Za-z0-9_]*[*@]\}"?$/.test(this.ctx.text(n)); // ${!PREFIX*}: variable names
        });
      })
    );
  }

  /** The shape of a word (an argument, an assigned value, a `for` list item). */
  word(node: SyntaxNode): Shape {
    const ctx = this.ctx;
    switch (node.type) {
      case 'number':
      case 'arithmetic_expansion':
      case 'process_substitution':
        return SAFE;
      case 'word':
      case 'raw_string':
      case 'ansi_c_string': {
        const v = ctx.word(node);
        if (!v.exact) return { noCode: false, noDash: v.value !== '' && literalShape(v.value, v.pattern).noDash }; // brace expansion
        return this.literal(v.value, v.pattern);
      }
      case 'brace_expression':
        return /^\{-?\d+\.\.-?\d+(\.\.\d+)?\}$/.test(ctx.text(node)) ? SAFE : UNKNOWN;
      case 'simple_expansion':
      case 'expansion':
        return this.expansion(node);
      case 'command_substitution':
        return commandShape(ctx, node, (n) => this.word(n));
      case 'concatenation': {
        const v = ctx.word(node);
        if (!v.exact && v.pattern) return { noCode: false, noDash: v.value !== '' && !v.value.startsWith('-') }; // brace expansion
        return this.parts(node);
      }
      case 'string':
      case 'translated_string':
        return this.parts(node);
      default:
        return UNKNOWN;
    }
  }

  /**
   * A literal value. Arithmetic reads the names in a value as variables (`y=x; (( y ))` evaluates x),
   * so a literal is code-free only if every name in it is.
   */
  private literal(value: string, pattern: boolean): Shape {
    const shape = literalShape(value, pattern);
    if (!shape.noCode) return shape;
    for (const m of value.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) {
      if (!this.variable(m[0]).noCode) return { noCode: false, noDash: shape.noDash };
    }
    return shape;
  }

  /** Quoted strings and concatenations: the first part decides `noDash`, every part `noCode`. */
  private parts(node: SyntaxNode): Shape {
    const kids = node.children.filter((k) => k.type !== '"' && k.type !== '$"');
    if (kids.length === 0) return SAFE;
    let shape: Shape = SAFE;
    let first = true;
    for (const k of kids) {
      const s = k.type === 'string_content' ? this.literal(this.ctx.text(k), false) : this.word(k);
      const emptyLiteral = k.type === 'string_content' && this.ctx.text(k) === '';
      shape = { noCode: shape.noCode && s.noCode, noDash: first ? s.noDash : shape.noDash };
      if (!emptyLiteral) first = false;
    }
    return shape;
  }

  /** `$x`, `${x}`, `${x:-d}`, `${#x}`, `${x//[^0-9]/}`, `$1`, `${!x}` … */
  expansion(node: SyntaxNode): Shape {
    const t = this.ctx.text(node);
    const body = t.startsWith('${') ? t.slice(2, -1) : t.slice(1);
    if (/^#[A-Za-z_0-9@*#?$!-]/.test(body) && body !== '#') return SAFE; // ${#x}: a length
    if (body.startsWith('!') && body !== '!') {
      const keys = /^!([A-Za-z_][A-Za-z0-9_]*)\[[@*]\]$/.exec(body); // ${!a[@]}: the keys
      return keys && !this.assoc.has(keys[1]!) ? SAFE : UNKNOWN;
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[#?$!@*-])(\[[^\]]*\])?(.*)$/s.exec(body);
    if (!m) return UNKNOWN;
    const base = this.variable(m[1]!);
    const op = m[3]!;
    if (op === '') return base;
    if (/^\/\/\[[!^](?:0-9|\[:digit:\])\]\/$/.test(op)) return SAFE; // ${x//[^0-9]/}: digits only
    if (/^:?[-=?]/.test(op)) {
      const d = op.replace(/^:?[-=?]/, '');
      return meet(base, this.literal(d, false));
    }
    if (/^%/.test(op)) return { noCode: base.noCode && !/[$`]/.test(op), noDash: base.noDash };
    return { noCode: base.noCode && !/[$`]/.test(op), noDash: false };
  }
}

/** A literal value: code-free without `$`/backquote; a glob's names are unknown beyond its first character. */
export function literalShape(value: string, pattern: boolean): Shape {
  const first = value[0];
  const noDash = first === undefined || (first !== '-' && !(pattern && /[*?[]/.test(first)));
  return { noCode: !pattern && !/[$`]/.test(value), noDash };
}
