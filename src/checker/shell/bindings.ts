/**
 * Where a shell script gives its variables values (for values.ts): assignments (read lazily), `for`
 * lists, arithmetic targets (numbers), read/mapfile/printf -v/wait -p (unknown), getopts (an option
 * letter), and which arrays are associative and which variables are integers. Names are read from
 * the source text where that spares a walk of the tree.
 */
import { startOf, type SyntaxNode } from '../grammars.ts';
import { forHeader } from './arith.ts';
import type { ShContext } from './context.ts';
import type { Shape } from './shapes.ts';

const SAFE: Shape = { noCode: true, noDash: true };
const UNKNOWN: Shape = { noCode: false, noDash: false };
const READERS = new Set(['read', 'mapfile', 'readarray']);
const BINDING_COMMANDS = new Set([...READERS, 'let', 'getopts', 'printf', 'wait']);
const BINDER_AT = /(?:read|mapfile|readarray|let|getopts|printf|wait)(?![A-Za-z0-9_])/y;
const READ_VALUE_OPTS = /^-[dinNptuCcO]$/;
/** `x = …`, `x += …`, `x++`, `++x`, `a[i] = …` inside arithmetic. */
const ARITH_TARGET = new RegExp(
  '([A-Za-z_][A-Za-z0-9_]*)\\s*(?:\\[[^\\]]*\\])?\\s*(?:\\+\\+|--|(?:[-+*/%&|^]|<<|>>)?=(?!=))|(?:\\+\\+|--)\\s*([A-Za-z_][A-Za-z0-9_]*)',
  'g',
);

/**
 * A value to work out on demand: an assignment (read when the variable is asked about), a word
 * (`anyStart`: an array element `[k]=v`, whose value may start anywhere), or a known shape.
 */
export type Binding = { assign: SyntaxNode } | { node: SyntaxNode; anyStart?: boolean } | { shape: Shape };

const NAME_AT = /[A-Za-z_][A-Za-z0-9_]*/y;

export interface Bindings {
  bindings: Map<string, Binding[]>;
  assoc: Set<string>;
  integer: Set<string>;
}

export function collectBindings(ctx: ShContext): Bindings {
  const out: Bindings = { bindings: new Map(), assoc: new Set(), integer: new Set() };
  new Collector(ctx, out).run();
  return out;
}

class Collector {
  constructor(
    private readonly ctx: ShContext,
    private readonly out: Bindings,
  ) {}

  private bind(name: string, b: Binding): void {
    const list = this.out.bindings.get(name);
    if (list) list.push(b);
    else this.out.bindings.set(name, [b]);
  }

  /** Every place the script gives a variable a value. */
  run(): void {
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
    for (const n of [...ctx.cap('arith'), ...ctx.cap('arith_cmd')]) this.arithTargets(ctx.text(n));
    for (const n of ctx.cap('cfor')) for (const c of forHeader(n)) this.arithTargets(ctx.text(c));
    this.commandBindings();
    for (const d of ctx.cap('decl')) {
      const opts = d.namedChildren.filter((c) => c.type === 'word').map((w) => ctx.text(w));
      const names = d.namedChildren
        .filter((c) => c.type === 'variable_name' || c.type === 'variable_assignment')
        .map((c) => ctx.text(c.type === 'variable_name' ? c : (c.childForFieldName('name') ?? c)).replace(/\[.*$/, ''));
      if (opts.some((o) => /^[-+][A-Za-z]*A/.test(o))) names.forEach((n) => this.out.assoc.add(n));
      if (opts.some((o) => /^-[A-Za-z]*i/.test(o))) names.forEach((n) => this.out.integer.add(n));
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
}
