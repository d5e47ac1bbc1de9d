/**
 * Static value of a shell word after quote removal and escape processing: `\rm`, `r''m`, `"r"m`,
 * `$'\x72\x6d'` and `$'r\155'` are all `rm`. Anything expanded at run time (variables, command and
 * arithmetic substitution, globs and brace expansion) ends the known part: the result is then only a
 * prefix (`exact: false`).
 */
import type { SyntaxNode } from '../grammars.ts';

export interface WordValue {
  value: string;
  /** False when the word contains run-time expansions; `value` is then the literal prefix. */
  exact: boolean;
  /** True when the known part contains unquoted glob characters or brace expansion. */
  pattern: boolean;
}

const EXACT = (value: string, pattern = false): WordValue => ({ value, exact: true, pattern });

/** Characters after which a word needs the structural walk (quotes, expansions, escapes, globs). */
const SPECIAL = /[$`'"\\*?[{]/;

/** Known values of plain variable expansions (`$out`, `${out}`), for path and URL judgements only. */
export type Resolver = (name: string) => string | undefined;

export function wordValue(
  src: string,
  node: SyntaxNode,
  text: string = src.slice(node.startIndex, node.endIndex),
  resolve?: Resolver,
): WordValue {
  // Most words are plain (`ls`, `-la`, `/data/x.csv`): their value is their text, no node walk needed.
  if (!SPECIAL.test(text)) return EXACT(text);
  switch (node.type) {
    case 'word':
    case 'number':
    case 'command_name':
      if (node.type === 'command_name' && node.namedChildCount > 0) return wordValue(src, node.namedChild(0)!, undefined, resolve);
      return unquotedWord(text);
    case 'raw_string':
      return EXACT(text.slice(1, -1));
    case 'ansi_c_string':
      return EXACT(ansiC(text.slice(2, -1)));
    case 'string':
    case 'translated_string':
      return doubleQuoted(src, node, resolve);
    case 'concatenation': {
      let value = '';
      let pattern = false;
      // tree-sitter splits `{a,b}` into separate words: look for brace expansion in the unquoted text
      let unquoted = '';
      for (const part of node.children) {
        const v = wordValue(src, part, undefined, resolve);
        const raw = part.type === 'word' ? src.slice(part.startIndex, part.endIndex) : '\0'.repeat(v.value.length);
        const brace = BRACE.exec(unquoted + raw);
        if (brace) return { value: (value + v.value).slice(0, brace.index), exact: false, pattern: true };
        unquoted += raw;
        value += v.value;
        pattern ||= v.pattern;
        if (!v.exact) return { value, exact: false, pattern };
      }
      return { value, exact: true, pattern };
    }
    case 'simple_expansion':
    case 'expansion': {
      const known = expansionValue(text, resolve);
      return known !== undefined ? EXACT(known) : { value: '', exact: false, pattern: false };
    }
    default:
      return { value: '', exact: false, pattern: false };
  }
}

/** Brace expansion in unquoted text: `{a,b}` or `{1..9}`. */
const BRACE = /(?<!\\)\{[^{}\s]*(,|\.\.)[^{}\s]*\}/;

/** Expansions whose value is known for the purpose of the path check: the home directory. */
const HOME_EXPANSIONS = new Map([
  ['$HOME', '~'],
  ['${HOME}', '~'],
  ['$XDG_CONFIG_HOME', '~/.config'],
  ['${XDG_CONFIG_HOME}', '~/.config'],
]);

/** An unquoted word: backslash escapes removed; unescaped `*?[` or `{a,b}` make it a pattern. */
function unquotedWord(text: string): WordValue {
  let value = '';
  let pattern = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      if (text[i + 1] === '\n') i++;
      else if (i + 1 < text.length) value += text[++i];
      continue;
    }
    if (c === '*' || c === '?' || c === '[') pattern = true;
    if (c === '{' && /^\{[^{}]*(,|\.\.)[^{}]*\}/.test(text.slice(i))) {
      return { value, exact: false, pattern: true };
    }
    value += c;
  }
  return { value, exact: true, pattern };
}

const PLAIN_EXPANSION = /^\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)\})$/;

function expansionValue(text: string, resolve?: Resolver): string | undefined {
  const home = HOME_EXPANSIONS.get(text);
  if (home !== undefined) return home;
  const m = resolve ? PLAIN_EXPANSION.exec(text) : null;
  return m ? resolve!(m[1] ?? m[2]!) : undefined;
}

function doubleQuoted(src: string, node: SyntaxNode, resolve?: Resolver): WordValue {
  let value = '';
  const kids = node.children;
  if (kids.length === 0) return EXACT(src.slice(node.startIndex + 1, node.endIndex - 1));
  for (const k of kids) {
    if (k.type === '"' || k.type === '$"') continue;
    if (k.type === 'string_content') {
      value += src.slice(k.startIndex, k.endIndex).replace(/\\([$`"\\\n])/g, (_m, ch: string) => (ch === '\n' ? '' : ch));
      continue;
    }
    const known =
      k.type === 'simple_expansion' || k.type === 'expansion' ? expansionValue(src.slice(k.startIndex, k.endIndex), resolve) : undefined;
    if (known !== undefined) {
      value += known;
      continue;
    }
    return { value, exact: false, pattern: false };
  }
  return EXACT(value);
}

const SIMPLE: Record<string, string> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/** Decode the body of a `$'…'` string. */
export function ansiC(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = body[i + 1] ?? '';
    let m: RegExpExecArray | null;
    if (n in SIMPLE) {
      out += SIMPLE[n];
      i++;
    } else if ((m = /^x([0-9a-fA-F]{1,2})/.exec(body.slice(i + 1)))) {
      out += String.fromCharCode(parseInt(m[1]!, 16));
      i += m[0].length;
    } else if ((m = /^u([0-9a-fA-F]{1,4})/.exec(body.slice(i + 1))) || (m = /^U([0-9a-fA-F]{1,8})/.exec(body.slice(i + 1)))) {
      out += String.fromCodePoint(parseInt(m[1]!, 16));
      i += m[0].length;
    } else if ((m = /^[0-7]{1,3}/.exec(body.slice(i + 1)))) {
      out += String.fromCharCode(parseInt(m[0], 8) & 0xff);
      i += m[0].length;
    } else if (n === 'c' && i + 2 < body.length) {
      out += String.fromCharCode(body.charCodeAt(i + 2) & 0x1f);
      i += 2;
    } else {
      out += '\\' + n;
      i++;
    }
  }
  return out;
}
