/**
 * Namespaces: `vars(x)`, `x.__dict__`, `globals()`, `locals()` map names to the objects themselves.
 * A class's or type's namespace holds methods and descriptors such as `__subclasses__` and
 * `__globals__` (`vars(type)['__subclasses__'](object)` lists every class in the interpreter), so:
 *  - a key that is not a literal is refused on any namespace (`vars(o)[name]`, `.get(name)`);
 *  - the namespace of something that is a class or type (`vars(type)`, `C.__dict__`, `type(x).__dict__`)
 *    is refused outright;
 *  - for any other owner that is not known to be a plain instance (an argparse result), the
 *    namespace may only be printed, serialized, measured or updated: reading its values in bulk
 *    (`.items()`, `.values()`), passing it on, returning or storing it is refused.
 * Names bound to a namespace (`ns = vars(x)`) are followed.
 */
import type { SyntaxNode } from '../../grammars.ts';
import type { CallInfo } from '../calls.ts';
import { dotted, normName, type PyContext } from '../context.ts';
import { findIdentifiers } from '../identifiers.ts';
import { isBindingPosition } from '../positions.ts';
import { evalStr } from '../strings.ts';
import { classLike } from './classes.ts';

interface Namespace {
  node: SyntaxNode;
  owner: SyntaxNode | null;
  what: string;
}

const LOOKUPS = new Set(['get', 'pop', 'setdefault']);
const BULK = new Set(['items', 'values', 'popitem', 'copy']);
const HARMLESS_METHODS = new Set(['keys', 'update', 'clear']);
const SINKS = new Set([
  'print',
  'len',
  'str',
  'repr',
  'sorted',
  'list',
  'set',
  'frozenset',
  'bool',
  'type',
  'id',
  'isinstance',
  'json.dumps',
  'json.dump',
  'pprint.pprint',
  'pprint.pformat',
  'pprint.pp',
]);
const HARMLESS_PARENTS = new Set([
  'comparison_operator',
  'not_operator',
  'boolean_operator',
  'expression_statement',
  'if_statement',
  'while_statement',
  'assert_statement',
  'conditional_expression',
  'interpolation',
]);

export function checkNamespaces(ctx: PyContext, calls: readonly CallInfo[]): void {
  const found: Namespace[] = [];
  for (const call of calls) {
    if (!call.is('vars', 'globals', 'locals') || !call.quals.some((q) => q.root === 'builtin')) continue;
    const name = call.names.find((n) => n === 'vars' || n === 'globals' || n === 'locals')!;
    if (name === 'vars' && call.positional.length === 0) continue; // vars(): reported by reflection
    found.push({ node: call.node, owner: name === 'vars' ? call.positional[0]! : null, what: `${name}()` });
  }
  for (const attr of ctx.cap('attr')) {
    if (ctx.attrName(attr) === '__dict__') found.push({ node: attr, owner: attr.childForFieldName('object'), what: `'${ctx.text(attr)}'` });
  }
  const aliases = new Map<string, Namespace>();
  for (const ns of found) judge(ctx, ns, ns.node, aliases);
  if (aliases.size === 0) return;
  for (const id of findIdentifiers(ctx, new Set(aliases.keys()))) {
    const ns = aliases.get(normName(ctx.idText(id)));
    if (ns && !isBindingPosition(ctx, id)) judge(ctx, ns, id, new Map());
  }
}

function judge(ctx: PyContext, ns: Namespace, use: SyntaxNode, aliases: Map<string, Namespace>): void {
  if (ns.owner && classLike(ctx, ns.owner)) {
    ctx.sink.report(
      'py.namespace.class',
      use,
      `${ns.what} is the namespace of a class or type: it holds methods and descriptors such as __subclasses__`,
    );
    return;
  }
  let cur = use;
  let p = cur.parent;
  while (p && p.type === 'parenthesized_expression') [cur, p] = [p, p.parent];
  if (!p || HARMLESS_PARENTS.has(p.type)) return;
  const instance = ns.owner !== null && knownInstance(ctx, ns.owner);
  const escape = (how: string) => {
    if (!instance) {
      ctx.sink.report(
        'py.namespace.escape',
        use,
        `${ns.what} ${how}; its owner may be a class or type, whose namespace holds interpreter internals`,
      );
    }
  };
  switch (p.type) {
    case 'subscript':
      if (p.childForFieldName('value')?.startIndex === cur.startIndex) key(ctx, ns, p.childForFieldName('subscript'), use);
      return;
    case 'attribute':
      return method(ctx, ns, p, use, escape);
    case 'argument_list':
    case 'dictionary_splat':
    case 'list_splat':
    case 'keyword_argument':
      return argument(ctx, p, escape);
    case 'assignment': {
      const left = p.childForFieldName('left');
      const right = p.childForFieldName('right')?.startIndex === cur.startIndex;
      if (left?.type === 'identifier' && right) aliases.set(normName(ctx.idText(left)), ns);
      else if (right) escape('is stored');
      return;
    }
    case 'for_statement':
    case 'for_in_clause':
      return; // iterating a namespace yields its keys
    case 'lambda':
      if (!jsonDefault(ctx, p)) escape('is returned');
      return;
    default:
      escape(p.type === 'return_statement' ? 'is returned' : 'is passed on');
  }
}

function key(ctx: PyContext, ns: Namespace, k: SyntaxNode | null, at: SyntaxNode): void {
  const values = k ? evalStr(ctx, k) : null;
  if (!values || values.some((v) => !v.exact)) {
    ctx.sink.report(
      'py.namespace.computed-key',
      at,
      `${ns.what} looked up with a key that is not a literal: the name it selects cannot be checked`,
    );
  }
}

function method(ctx: PyContext, ns: Namespace, attr: SyntaxNode, use: SyntaxNode, escape: (how: string) => void): void {
  const name = ctx.attrName(attr);
  const parent = attr.parent;
  const call = parent?.type === 'call' && parent.childForFieldName('function')?.startIndex === attr.startIndex ? parent : null;
  if (HARMLESS_METHODS.has(name) && call) return;
  if (LOOKUPS.has(name) && call) return key(ctx, ns, call.childForFieldName('arguments')?.namedChild(0) ?? null, use);
  escape(BULK.has(name) ? `.${name}() reads its values in bulk` : `.${name} is used`);
}

function argument(ctx: PyContext, p: SyntaxNode, escape: (how: string) => void): void {
  let args: SyntaxNode | null = p;
  while (args && args.type !== 'argument_list') args = args.parent;
  const call = args?.parent;
  const fn = call?.type === 'call' ? call.childForFieldName('function') : null;
  if (fn) {
    const names = ctx.qualify(fn).map((q) => (q.root === 'builtin' ? q.parts.join('.') : dotted(q)));
    if (names.some((n) => SINKS.has(n) || /^logging\.(getLogger\(\)\.)?(debug|info|warning|error|critical|exception|log)$/.test(n))) return;
    // the template is judged by formats.ts
    if (fn.type === 'attribute' && /^format(_map)?$/.test(ctx.attrName(fn)) && p.type !== 'keyword_argument') return;
  }
  escape('is passed on');
}

/** `json.dumps(x, default=lambda o: o.__dict__)`: the namespace only becomes JSON. */
function jsonDefault(ctx: PyContext, lambda: SyntaxNode): boolean {
  const kw = lambda.parent;
  if (kw?.type !== 'keyword_argument' || ctx.text(kw.childForFieldName('name')!) !== 'default') return false;
  const fn = kw.parent?.parent?.childForFieldName('function');
  const json = ['json.dumps', 'json.dump', 'json.JSONEncoder'];
  return fn !== null && fn !== undefined && ctx.qualify(fn).some((q) => json.includes(dotted(q)));
}

/** An argparse result (`args = parser.parse_args()`): a plain instance whose namespace holds only its values. */
function knownInstance(ctx: PyContext, owner: SyntaxNode): boolean {
  if (owner.type !== 'identifier') return false;
  const sources = ctx.constantSources(normName(ctx.idText(owner)));
  return (
    sources !== null &&
    sources.every((s) => {
      const t = ctx.text(s).replace(/\s+/g, '');
      return (
        /^[A-Za-z_][\w.]*\.parse_args\([^()]*\)$/.test(t) ||
        /^[A-Za-z_][\w.]*\.parse_known_args\([^()]*\)\[0\]$/.test(t) ||
        (s.type === 'call' && ctx.qualify(s.childForFieldName('function')!).some((q) => dotted(q) === 'argparse.Namespace'))
      );
    })
  );
}
