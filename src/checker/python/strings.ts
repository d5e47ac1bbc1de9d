/**
 * Static evaluation of string-valued expressions: literals, concatenations, f-strings (their literal
 * prefix), `''.join([...])`, `chr(n)`, slices, simple string methods, hex/base64/rot13 decoding,
 * constants assigned once, and path building (`os.path.join`, `Path(a) / b`, `.parent`, `~`).
 * The result is every value the expression can have, each exact or only a known prefix; null when
 * nothing is known. Used to judge names given to getattr/__import__ and paths and URLs.
 */
import path from 'node:path';
import type { SyntaxNode } from '../grammars.ts';
import { dotted, normName, type PyContext, type Qual } from './context.ts';
import { literalValue, pySlice, rot13, type StaticStr } from './literals.ts';
import { HOME_VARIABLES } from './tables.ts';

export type { StaticStr } from './literals.ts';
export { literalValue } from './literals.ts';

const MAX_VALUES = 16;
/** Path constants of os and os.path (POSIX values). */
const OS_CONSTANTS = new Map([
  ['os.sep', '/'],
  ['os.path.sep', '/'],
  ['os.curdir', '.'],
  ['os.pardir', '..'],
  ['os.path.curdir', '.'],
  ['os.path.pardir', '..'],
  ['os.altsep', ''],
  ['os.extsep', '.'],
]);
const MAX_DEPTH = 10;
const ident = (q: Qual) => (q.root === 'builtin' ? (q.parts.length === 1 ? q.parts[0]! : '') : dotted(q));

function cross(a: StaticStr[], b: StaticStr[], join: (x: string, y: string) => string): StaticStr[] {
  const out: StaticStr[] = [];
  for (const x of a) {
    if (!x.exact) {
      out.push(x);
      continue;
    }
    for (const y of b) out.push({ value: join(x.value, y.value), exact: y.exact });
  }
  return dedupe(out).slice(0, MAX_VALUES);
}

function dedupe(list: StaticStr[]): StaticStr[] {
  const seen = new Set<string>();
  return list.filter((s) => {
    const k = `${s.exact ? 1 : 0}${s.value}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const unknownPrefix = (values: StaticStr[] | null): StaticStr[] | null =>
  values ? values.map((v) => ({ value: v.value, exact: false })) : null;

/** Evaluate a node to its possible string values (paths joined with POSIX rules in `path` mode). */
export function evalStr(
  ctx: PyContext,
  node: SyntaxNode,
  mode: 'str' | 'path' = 'str',
  depth = 0,
  seen: Set<string> = new Set(),
): StaticStr[] | null {
  if (depth > MAX_DEPTH) return null;
  const ev = (n: SyntaxNode | null | undefined, m: 'str' | 'path' = mode) => (n ? evalStr(ctx, n, m, depth + 1, seen) : null);
  switch (node.type) {
    case 'string': {
      const v = literalValue(ctx.text(node));
      return v ? [v] : null;
    }
    case 'concatenated_string': {
      let acc: StaticStr[] | null = [{ value: '', exact: true }];
      for (const part of node.namedChildren) {
        const v = ev(part);
        if (!v) return acc ? unknownPrefix(acc) : null;
        acc = cross(acc!, v, (a, b) => a + b);
      }
      return acc;
    }
    case 'parenthesized_expression':
      return ev(node.namedChild(0));
    case 'conditional_expression': {
      const kids = node.namedChildren;
      const a = ev(kids[0]);
      const b = ev(kids[2]);
      return a && b ? dedupe([...a, ...b]) : null;
    }
    case 'binary_operator': {
      const op = node.childForFieldName('operator')?.type;
      const l = ev(node.childForFieldName('left'));
      if (op === '+') {
        if (!l) return null;
        const r = ev(node.childForFieldName('right'));
        return r ? cross(l, r, (a, b) => a + b) : unknownPrefix(l);
      }
      if (op === '/' && mode === 'path') {
        if (!l) return null;
        const r = ev(node.childForFieldName('right'));
        return r ? cross(l, r, joinPath) : l.map((v) => ({ value: v.exact ? v.value.replace(/\/?$/, '/') : v.value, exact: false }));
      }
      if (op === '%' && l) return l.map((v) => cutAt(v, v.value.search(/%[^%]/)));
      return null;
    }
    case 'identifier': {
      const name = normName(ctx.text(node));
      if (seen.has(name)) return null;
      const sources = ctx.constantSources(name);
      if (!sources) return null;
      seen.add(name);
      const all: StaticStr[] = [];
      for (const s of sources) {
        const v = evalStr(ctx, s, mode, depth + 1, seen);
        if (!v) {
          seen.delete(name);
          return null;
        }
        all.push(...v);
      }
      seen.delete(name);
      return dedupe(all).slice(0, MAX_VALUES);
    }
    case 'subscript':
      return evalSubscript(ctx, node, ev);
    case 'attribute': {
      const constant = ctx
        .qualify(node)
        .map((q) => OS_CONSTANTS.get(dotted(q)))
        .find((c) => c !== undefined);
      if (constant !== undefined) return [{ value: constant, exact: true }];
      if (mode !== 'path' || ctx.attrName(node) !== 'parent') return null;
      const base = ev(node.childForFieldName('object'));
      return base ? base.map((v) => (v.exact ? { value: path.posix.dirname(v.value), exact: true } : v)) : null;
    }
    case 'call':
      return evalCall(ctx, node, mode, ev);
    default:
      return null;
  }
}

function cutAt(v: StaticStr, idx: number): StaticStr {
  return idx === -1 ? v : { value: v.value.slice(0, idx), exact: false };
}

function joinPath(a: string, b: string): string {
  return b.startsWith('/') ? b : a === '' ? b : a.endsWith('/') ? a + b : `${a}/${b}`;
}

function evalSubscript(
  ctx: PyContext,
  node: SyntaxNode,
  ev: (n: SyntaxNode | null | undefined, m?: 'str' | 'path') => StaticStr[] | null,
): StaticStr[] | null {
  const valueNode = node.childForFieldName('value');
  const sub = node.childForFieldName('subscript');
  if (valueNode && sub && ctx.qualify(valueNode).some((q) => dotted(q) === 'os.environ')) {
    const key = ev(sub, 'str');
    const home = key?.length === 1 && key[0]!.exact ? HOME_VARIABLES.get(key[0]!.value) : undefined;
    return home ? [{ value: home, exact: true }] : null;
  }
  const base = ev(valueNode);
  if (!base || !sub || base.some((b) => !b.exact)) return null;
  const int = (n: SyntaxNode | undefined): number | null | undefined => {
    if (!n) return undefined;
    const t = ctx.text(n).replace(/\s+/g, '');
    return /^-?\d+$/.test(t) ? Number(t) : null;
  };
  if (sub.type === 'slice') {
    const t = ctx.text(sub);
    const pieces = t.split(':').map((p) => p.trim());
    const nums = pieces.map((p) => (p === '' ? undefined : /^-?\d+$/.test(p) ? Number(p) : null));
    if (nums.some((n) => n === null)) return null;
    const [start, stop, step] = nums as (number | undefined)[];
    return base.map((b) => ({ value: pySlice(b.value, start, stop, step ?? 1), exact: true }));
  }
  const i = int(sub);
  if (i === null || i === undefined) return null;
  return base.map((b) => {
    const chars = [...b.value];
    const c = chars[i < 0 ? chars.length + i : i];
    return { value: c ?? '', exact: true };
  });
}

type Ev = (n: SyntaxNode | null | undefined, m?: 'str' | 'path') => StaticStr[] | null;

function evalCall(ctx: PyContext, node: SyntaxNode, mode: 'str' | 'path', ev: Ev): StaticStr[] | null {
  const fn = node.childForFieldName('function');
  const args = node.childForFieldName('arguments');
  if (!fn || !args) return null;
  const argv = args.namedChildren.filter((a) => a.type !== 'comment');
  const positional = argv.filter((a) => a.type !== 'keyword_argument');
  const names = ctx.qualify(fn).map(ident);
  const has = (...n: string[]) => names.some((x) => n.includes(x));
  if (has('chr') && positional.length === 1) {
    const t = ctx.text(positional[0]!).replace(/_/g, '');
    const code = /^(0x[0-9a-f]+|0o[0-7]+|0b[01]+|\d+)$/i.test(t) ? Number(t.replace(/^0o/i, '0o')) : NaN;
    return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? [{ value: String.fromCodePoint(code), exact: true }] : null;
  }
  if (
    has('str', 'os.fspath', 'os.path.normpath', 'os.path.abspath', 'os.path.realpath', 'os.path.expanduser', 'os.path.expandvars') &&
    positional.length === 1
  )
    return ev(positional[0], mode);
  if (has('os.getcwd', 'pathlib.Path.cwd')) return [{ value: '/workspace', exact: true }];
  if (has('os.path.dirname', 'os.path.basename') && positional.length === 1) {
    const v = ev(positional[0], 'path');
    const dir = has('os.path.dirname');
    return v
      ? v.filter((x) => x.exact).map((x) => ({ value: dir ? path.posix.dirname(x.value) : path.posix.basename(x.value), exact: true }))
      : null;
  }
  if (has('os.getenv', 'os.environ.get') && positional.length >= 1) {
    const name = ev(positional[0], 'str');
    const home = name?.length === 1 && name[0]!.exact ? HOME_VARIABLES.get(name[0]!.value) : undefined;
    return home ? [{ value: home, exact: true }] : null;
  }
  if (has('pathlib.Path.home', 'os.path.expanduser')) return [{ value: '~', exact: true }];
  if (has('os.path.join', 'pathlib.Path', 'pathlib.PurePath', 'pathlib.PosixPath', 'pathlib.PurePosixPath', 'posixpath.join')) {
    if (positional.length === 0) return [{ value: '.', exact: true }];
    let acc: StaticStr[] | null = null;
    for (const a of positional) {
      const v = ev(a, 'path');
      if (!v) return acc ? acc.map((x) => ({ value: x.exact ? x.value.replace(/\/?$/, '/') : x.value, exact: false })) : null;
      acc = acc ? cross(acc, v, joinPath) : v;
    }
    return acc;
  }
  if (has('codecs.decode', 'codecs.encode') && positional.length >= 1) {
    const enc = positional[1] ? ev(positional[1], 'str') : null;
    const v = ev(positional[0], 'str');
    if (v && enc && enc.length === 1 && /^rot[_-]?13$/i.test(enc[0]!.value))
      return v.map((x) => ({ value: rot13(x.value), exact: x.exact }));
    return null;
  }
  if (has('base64.b64decode', 'base64.standard_b64decode', 'base64.urlsafe_b64decode', 'binascii.a2b_base64') && positional.length >= 1) {
    const v = ev(positional[0], 'str');
    return v && v.every((x) => x.exact) ? v.map((x) => ({ value: Buffer.from(x.value, 'base64').toString('latin1'), exact: true })) : null;
  }
  if (has('bytes.fromhex', 'binascii.unhexlify', 'binascii.a2b_hex') && positional.length === 1) {
    const v = ev(positional[0], 'str');
    return v && v.every((x) => x.exact && /^[0-9a-f\s]*$/i.test(x.value))
      ? v.map((x) => ({ value: Buffer.from(x.value.replace(/\s/g, ''), 'hex').toString('latin1'), exact: true }))
      : null;
  }
  if (fn.type !== 'attribute') return null;
  const method = ctx.attrName(fn);
  const recv = fn.childForFieldName('object');
  if (method === 'join' && positional.length === 1 && recv && mode === 'str') {
    const sep = ev(recv, 'str');
    const seq = positional[0]!;
    if (!sep || sep.length !== 1 || !sep[0]!.exact) return null;
    if (seq.type === 'list' || seq.type === 'tuple' || seq.type === 'list_comprehension' || seq.type === 'generator_expression') {
      if (seq.type !== 'list' && seq.type !== 'tuple') return null;
      let acc: StaticStr[] | null = [{ value: '', exact: true }];
      seq.namedChildren.forEach((item, i) => {
        if (!acc) return;
        const v = ev(item, 'str');
        acc = v ? cross(acc, v, (a, b) => (i === 0 ? a + b : a + sep[0]!.value + b)) : unknownPrefix(acc);
      });
      return acc;
    }
    const s = ev(seq, 'str');
    return s && s.every((x) => x.exact) ? s.map((x) => ({ value: [...x.value].join(sep[0]!.value), exact: true })) : null;
  }
  const base = recv ? ev(recv, mode) : null;
  if (!base) return null;
  switch (method) {
    case 'lower':
    case 'casefold':
      return base.map((b) => ({ ...b, value: b.value.toLowerCase() }));
    case 'upper':
      return base.map((b) => ({ ...b, value: b.value.toUpperCase() }));
    case 'strip':
    case 'lstrip':
    case 'rstrip':
      return positional.length === 0
        ? base.map((b) => ({
            ...b,
            value: method === 'rstrip' ? b.value.trimEnd() : method === 'lstrip' ? b.value.trimStart() : b.value.trim(),
          }))
        : null;
    case 'decode':
    case 'encode':
    case 'resolve':
    case 'absolute':
    case 'expanduser':
    case 'as_posix':
      return base;
    case 'replace': {
      if (positional.length < 2) return null;
      const a = ev(positional[0], 'str');
      const b = ev(positional[1], 'str');
      if (!a || !b || a.length !== 1 || b.length !== 1 || !a[0]!.exact || !b[0]!.exact) return null;
      return base.map((x) => ({ value: x.value.split(a[0]!.value).join(b[0]!.value), exact: x.exact }));
    }
    case 'format':
    case 'format_map':
      return base.map((b) => cutAt(b, b.value.search(/\{(?!\{)/)));
    case 'joinpath': {
      let acc: StaticStr[] | null = base;
      for (const a of positional) {
        const v = ev(a, 'path');
        if (!v) return acc.map((x) => ({ value: x.exact ? x.value.replace(/\/?$/, '/') : x.value, exact: false }));
        acc = cross(acc, v, joinPath);
      }
      return acc;
    }
    case 'with_name':
    case 'with_suffix':
    case 'with_stem':
      return base.map((b) => ({ value: b.exact ? path.posix.dirname(b.value).replace(/\/?$/, '/') : b.value, exact: false }));
    default:
      return null;
  }
}
