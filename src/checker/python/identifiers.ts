/**
 * The identifier nodes worth judging: names of forbidden and reflection builtins, names bound by
 * imports, and dunder names. Identifiers are the most numerous nodes of a file, and unmarshalling
 * every one from the native tree dominates the check time, so for ASCII sources the source text is
 * searched for these names and each hit is confirmed on the tree (`descendantForIndex` must yield an
 * identifier starting exactly there; hits inside strings and comments are dropped). The search is
 * complete because an ASCII identifier is exactly a maximal run of [A-Za-z0-9_]. Sources with
 * non-ASCII characters (where NFKC can turn `ｅｖａｌ` into `eval`) fall back to every identifier.
 */
import type { SyntaxNode } from '../grammars.ts';
import { normName, type PyContext } from './context.ts';
import { HARMLESS_DUNDER_ATTRS, HARMLESS_DUNDER_NAMES, REFLECTION_BUILTINS } from './tables.ts';

const NON_ASCII = /[^\x00-\x7f]/;
const DUNDER = /^__\w+__$/;

/** Builtin names the identifier rules judge wherever they appear (forbidden and reflection builtins). */
export function builtinNames(ctx: PyContext): Set<string> {
  const set = new Set<string>(REFLECTION_BUILTINS);
  for (const c of ctx.policy.python.forbiddenCallables) if (!c.includes('.')) set.add(c);
  return set;
}

/** Names bound by imports: judged when used as values; as `name.attr` their chain is judged instead. */
export function importedNames(ctx: PyContext): Set<string> {
  const set = new Set<string>();
  for (const [name, list] of ctx.bindings) if (list.some((b) => b.kind === 'import')) set.add(name);
  return set;
}

/** Names the identifier rules care about for this file and policy. */
export function interestingNames(ctx: PyContext): Set<string> {
  return new Set([...builtinNames(ctx), ...importedNames(ctx)]);
}

function isHarmlessDunder(name: string): boolean {
  return HARMLESS_DUNDER_NAMES.has(name) || HARMLESS_DUNDER_ATTRS.has(name);
}

/**
 * Identifier nodes named by `names`, or dunders outside the harmless set, in source order. Names in
 * `chainOnly` are skipped where a `.` follows them (the attribute chain is judged instead).
 */
export function findIdentifiers(ctx: PyContext, names: ReadonlySet<string>, chainOnly: ReadonlySet<string> = new Set()): SyntaxNode[] {
  const alternatives = [...names].filter((n) => /^[A-Za-z_]\w*$/.test(n));
  alternatives.push('__[A-Za-z0-9_]+__');
  const re = new RegExp(`(?<![A-Za-z0-9_])(?:${alternatives.join('|')})(?![A-Za-z0-9_])`, 'g');
  const out: SyntaxNode[] = [];
  const confirm = (at: number, length: number, name: string) => {
    const node = ctx.root.descendantForIndex(at, at + length);
    if (node.type === 'identifier' && node.startIndex === at) {
      const n = normName(name);
      if (names.has(n) || (DUNDER.test(n) && !isHarmlessDunder(n))) out.push(node);
    }
  };
  for (const m of ctx.src.matchAll(re)) {
    const word = m[0];
    if (!names.has(word) && isHarmlessDunder(word)) continue;
    if (chainOnly.has(word) && FOLLOWED_BY_DOT.test(ctx.src.slice(m.index + word.length, m.index + word.length + 8))) continue;
    confirm(m.index, word.length, word);
  }
  if (NON_ASCII.test(ctx.src)) {
    // Words with non-ASCII characters: Python folds them with NFKC (`ｅｖａｌ` is `eval`).
    for (const m of ctx.src.matchAll(WORD_WITH_NON_ASCII)) {
      if (NON_ASCII.test(m[0]) && /^[^0-9]/.test(m[0])) confirm(m.index, m[0].length, m[0]);
    }
    out.sort((a, b) => a.startIndex - b.startIndex);
  }
  return out;
}

const FOLLOWED_BY_DOT = /^[ \t]*\.(?!\d)/;
const WORD_WITH_NON_ASCII = /(?:[A-Za-z0-9_]|[^\x00-\x7f])+/g;
