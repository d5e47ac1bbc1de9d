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
import { startOf, type SyntaxNode } from '../grammars.ts';
import type { ShContext } from './context.ts';
import { commandShape, type Shape } from './shapes.ts';
import { validations, type Validations } from './validate.ts';

export type { Shape } from './shapes.ts';

export const SAFE: Shape = { noCode: true, noDash: true };
export const UNKNOWN: Shape = { noCode: false, noDash: false };
const meet = (a: Shape, b: Shape): Shape => ({ noCode: a.noCode && b.noCode, noDash: a.noDash && b.noDash });

/** Shell variables that always hold numbers (or the shell's own paths). */
const NUMERIC_SPECIALS = new Set(['#', '?', '$', '!', 'RANDOM', 'SRANDOM', 'SECONDS', 'LINENO', 'BASHPID', 'EPOCHSECONDS',
  'EPOCHREALTIME', 'PPID', 'UID', 'EUID', 'OPTIND', 'HISTCMD', 'SHLVL']);
const PATH_SPECIALS = new Set(['PWD', 'OLDPWD']);
const READERS = new Set(['read', 'mapfile', 'readarray']);
const BINDING_COMMANDS = new Set([...READERS, 'let', 'getopts', 'printf', 'wait']);
const BINDER_AT = /(?:read|mapfile|readarray|let|getopts|printf|wait)(?![A-Za-z0-9_])/y;
const READ_VALUE_OPTS = /^-[dinNptuCcO]$/;
const ARITH_TARGET = /([A-Za-z_][A-Za-z0-9_]*)\s*(?:\[[^\]]*\])?\s*(?:\+\+|--|(?:[-+*/%&|^]|<<|>>)?=(?!=))|(?:\+\+|--)\s*([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * A value to work out on demand: an assignment (read when the variable is asked about), a word
 * (`anyStart`: an array element `[k]=v`, whose value may start anywhere), or a known shape.
 */
type Binding = { assign: SyntaxNode } | { node: SyntaxNode; anyStart?: boolean } | { shape: Shape };

const NAME_AT = /[A-Za-z_][A-Za-z0-9_]*/y;

export class ShellValues {
  private readonly bindings = new Map<string, Binding[]>();
  private readonly cache = new Map<string, Shape>();
  private readonly visiting = new Set<string>();
  readonly assoc = new Set<string>();
  readonly integer = new Set<string>();
  private checks: Validations | null = null;

  constructor(readonly ctx: ShContext) {
    this.collect();
  }

  /** Variables the script validates (worked out on first use). */
  get validated(): Validations {
    return (this.checks ??= validations(this.ctx));
  }

  private bind(name: string, b: Binding): void {
    const list = this.bindings.get(name);
    if (list) list.push(b);
    else this.bindings.set(name, [b]);
  }

  /** Every place the script gives a variable a value (names read from the source: no tree walk). */
  private collect(): void {
    const ctx = this.ctx;
    const headers = ctx.cap('cfor').map((c) => [startOf(c), startOf(c.childForFieldName('body') ?? c)] as const);
    for (const a of ctx.cap('assign')) {
      const at = startOf(a);
      NAME_AT.lastIndex = at;
      const m = NAME_AT.exec(ctx.src);
      if (!m) continue;
      this.bind(m[0], headers.some(([s, e]) => at > s && at < e) ? { shape: SAFE } : { assign: a });
    }
    for (const f of ctx.cap('for')) {
      const v = f.childForFieldName('variable');
      if (!v) continue;
      const values = f.childrenForFieldName('value');
      if (values.length === 0) this.bind(ctx.text(v), { shape: UNKNOWN });
      for (const w of values) this.bind(ctx.text(v), { node: w });
    }
    for (const n of [...ctx.cap('arith'), ...ctx.cap('arith_cmd'), ...ctx.cap('cfor')]) this.arithTargets(ctx.text(n));
    this.commandBindings();
    for (const d of ctx.cap('decl')) {
      const opts = d.namedChildren.filter((c) => c.type === 'word').map((w) => ctx.text(w));
      const names = d.namedChildren.filter((c) => c.type === 'variable_name' || c.type === 'variable_assignment')
        .map((c) => ctx.text(c.type === 'variable_name' ? c : (c.childForFieldName('name') ?? c)).replace(/\[.*$/, ''));
      if (opts.some((o) => /^[-+][A-Za-z]*A/.test(o))) names.forEach((n) => this.assoc.add(n));
      if (opts.some((o) => /^-[A-Za-z]*i/.test(o))) names.forEach((n) => this.integer.add(n));
      for (const c of d.namedChildren) if (c.type === 'variable_name') this.bind(ctx.text(c), { shape: SAFE });
    }
  }

  /** `(( x = … ))`, `(( i++ ))`, `let n+=1`: the target holds a number afterwards. */
  private arithTargets(text: string): void {
    for (const m of text.matchAll(ARITH_TARGET)) this.bind((m[1] ?? m[2])!, { shape: SAFE });
  }

  /** read/mapfile/readarray/printf -v/getopts/wait -p name their variables as arguments. */
  private commandBindings(): void {
    const ctx = this.ctx;
    const commands = ctx.cap('command');
    const names = ctx.cap('command.name');
    for (let k = 0; k < commands.length; k++) {
      BINDER_AT.lastIndex = startOf(names[k]!);
      if (!BINDER_AT.test(ctx.src)) continue; // cheap prefilter on the source text
      const cmd = ctx.text(names[k]!);
      if (!BINDING_COMMANDS.has(cmd) || ((cmd === 'printf' || cmd === 'wait') && !/\s-[vp]\s/.test(ctx.text(commands[k]!)))) continue;
      const args = commands[k]!.childrenForFieldName('argument').map((a) => ctx.word(a).value);
      if (cmd === 'let') args.forEach((a) => this.arithTargets(a));
      else if (READERS.has(cmd)) {
        let named = false;
        for (let i = 0; i < args.length; i++) {
          if (READ_VALUE_OPTS.test(args[i]!)) i++;
          else if (!args[i]!.startsWith('-') || args[i] === '-a') {
            const n = args[i] === '-a' ? args[++i] : args[i];
            if (n) this.bind(n.replace(/\[.*$/, ''), { shape: UNKNOWN });
            named = true;
          }
        }
        if (!named) this.bind(cmd === 'read' ? 'REPLY' : 'MAPFILE', { shape: UNKNOWN });
      } else if (cmd === 'getopts' && args[1]) this.bind(args[1], { shape: SAFE });
      else if ((cmd === 'printf' || cmd === 'wait') && args.indexOf(cmd === 'printf' ? '-v' : '-p') >= 0) {
        const n = args[args.indexOf(cmd === 'printf' ? '-v' : '-p') + 1];
        if (n) this.bind(n.replace(/\[.*$/, ''), { shape: UNKNOWN });
      }
    }
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

  /** True when the variable holds a plain variable name (`${!x}`, `printf -v "$x"`). */
  holdsName(name: string): boolean {
    return this.validated.names.has(name) || this.literalsOnly(name, /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]*)$/);
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
        return literalShape(v.value, v.pattern);
      }
      case 'brace_expression':
        return /^\{-?\d+\.\.-?\d+(\.\.\d+)?\}$/.test(ctx.text(node)) ? SAFE : UNKNOWN;
      case 'simple_expansion':
      case 'expansion':
        return this.expansion(node);
      case 'command_substitution':
        return commandShape(ctx, node, (n) => this.word(n));
      case 'string':
      case 'translated_string':
      case 'concatenation':
        return this.parts(node);
      default:
        return UNKNOWN;
    }
  }

  /** Quoted strings and concatenations: the first part decides `noDash`, every part `noCode`. */
  private parts(node: SyntaxNode): Shape {
    const kids = node.children.filter((k) => k.type !== '"' && k.type !== '$"');
    if (kids.length === 0) return SAFE;
    let shape: Shape = SAFE;
    let first = true;
    for (const k of kids) {
      const s = k.type === 'string_content' ? literalShape(this.ctx.text(k), false) : this.word(k);
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
      return meet(base, literalShape(d, false));
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
