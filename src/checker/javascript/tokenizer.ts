/**
 * A small JavaScript tokenizer: enough to tell code from strings, template literals, regex literals
 * and comments, so the JavaScript rules never match words inside them. Template literal `${…}`
 * expressions are tokenized as code. Identifiers with \u escapes are decoded (`\u0065val` is eval).
 */
export type JsTokenKind = 'ident' | 'string' | 'template' | 'regex' | 'number' | 'punct';

export interface JsToken {
  kind: JsTokenKind;
  /** Identifier name (decoded), string/template chunk value, or punctuator text. */
  value: string;
  start: number;
  end: number;
}

export interface JsTokens {
  tokens: JsToken[];
  /** Offset of an unterminated string, template, regex or comment, if any. */
  unterminated: number | null;
}

const PUNCT = /^(?:>>>=|\.\.\.|===|!==|\*\*=|<<=|>>=|>>>|\?\?=|&&=|\|\|=|=>|==|!=|<=|>=|&&|\|\||\?\?|\?\.|\+\+|--|\+=|-=|\*=|\/=|%=|&=|\|=|\^=|<<|>>|\*\*|[{}()[\];,<>+\-*/%&|^!~?:=.@#])/;
const REGEX_AFTER_KEYWORD = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

export function tokenize(src: string): JsTokens {
  const tokens: JsToken[] = [];
  let unterminated: number | null = null;
  /** Brace depth at which each open template's `${` started. */
  const templateStack: number[] = [];
  let braceDepth = 0;
  let i = 0;
  const n = src.length;

  const regexAllowed = () => {
    const prev = tokens[tokens.length - 1];
    if (!prev) return true;
    if (prev.kind === 'ident') return REGEX_AFTER_KEYWORD.has(prev.value);
    if (prev.kind === 'punct') return !/^[)\]}]$|^\+\+$|^--$/.test(prev.value);
    return false;
  };

  const readTemplateChunk = (startAt: number): void => {
    // i points just after ` or }
    let value = '';
    while (i < n) {
      const c = src[i]!;
      if (c === '\\') {
        value += src[i + 1] ?? '';
        i += 2;
        continue;
      }
      if (c === '`') {
        i++;
        tokens.push({ kind: 'template', value, start: startAt, end: i });
        return;
      }
      if (c === '$' && src[i + 1] === '{') {
        i += 2;
        tokens.push({ kind: 'template', value, start: startAt, end: i });
        templateStack.push(braceDepth);
        braceDepth++;
        return;
      }
      value += c;
      i++;
    }
    unterminated ??= startAt;
  };

  while (i < n) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v' || c === '\u00a0' || c === '\ufeff' || c === '\u2028' || c === '\u2029') {
      i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '/') {
      while (i < n && src[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      if (end === -1) {
        unterminated ??= i;
        break;
      }
      i = end + 2;
      continue;
    }
    const start = i;
    if (c === '"' || c === "'") {
      let value = '';
      i++;
      while (i < n && src[i] !== c && src[i] !== '\n') {
        if (src[i] === '\\') {
          value += decodeEscape(src, i);
          i += escapeLength(src, i);
        } else value += src[i++];
      }
      if (src[i] !== c) unterminated ??= start;
      i++;
      tokens.push({ kind: 'string', value, start, end: i });
      continue;
    }
    if (c === '`') {
      i++;
      readTemplateChunk(start);
      continue;
    }
    if (c === '}' && templateStack.length > 0 && templateStack[templateStack.length - 1] === braceDepth - 1) {
      templateStack.pop();
      braceDepth--;
      i++;
      readTemplateChunk(start);
      continue;
    }
    if (c === '/' && regexAllowed()) {
      i++;
      let inClass = false;
      while (i < n && src[i] !== '\n' && (src[i] !== '/' || inClass)) {
        if (src[i] === '\\') i++;
        else if (src[i] === '[') inClass = true;
        else if (src[i] === ']') inClass = false;
        i++;
      }
      if (src[i] !== '/') unterminated ??= start;
      i++;
      while (i < n && /[a-z]/i.test(src[i]!)) i++;
      tokens.push({ kind: 'regex', value: src.slice(start, i), start, end: i });
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(?:0[xob][0-9a-f_]+n?|[0-9_]*\.?[0-9_]*(?:e[+-]?[0-9_]+)?n?)/i.exec(src.slice(i))!;
      i += Math.max(1, m[0].length);
      tokens.push({ kind: 'number', value: src.slice(start, i), start, end: i });
      continue;
    }
    if (/[A-Za-z_$\\]/.test(c) || c.charCodeAt(0) > 0x7f) {
      let value = '';
      while (i < n) {
        const ch = src[i]!;
        if (ch === '\\' && src[i + 1] === 'u') {
          value += decodeEscape(src, i);
          i += escapeLength(src, i);
        } else if (/[A-Za-z0-9_$]/.test(ch) || (ch.charCodeAt(0) > 0x7f && !/\s/.test(ch))) {
          value += ch;
          i++;
        } else break;
      }
      if (value === '') {
        i++;
        continue;
      }
      tokens.push({ kind: 'ident', value: value.normalize('NFC'), start, end: i });
      continue;
    }
    const p = PUNCT.exec(src.slice(i, i + 4));
    const text = p ? p[0] : c;
    if (text === '{') braceDepth++;
    if (text === '}') braceDepth--;
    i += text.length;
    tokens.push({ kind: 'punct', value: text, start, end: i });
  }
  return { tokens, unterminated };
}

function escapeLength(src: string, i: number): number {
  const n = src[i + 1];
  if (n === 'x') return 4;
  if (n === 'u') {
    if (src[i + 2] === '{') {
      const close = src.indexOf('}', i + 3);
      return close === -1 ? 2 : close - i + 1;
    }
    return 6;
  }
  return 2;
}

function decodeEscape(src: string, i: number): string {
  const n = src[i + 1] ?? '';
  const hex = (h: string) => {
    const code = parseInt(h, 16);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  };
  if (n === 'x') return hex(src.slice(i + 2, i + 4));
  if (n === 'u') {
    if (src[i + 2] === '{') {
      const close = src.indexOf('}', i + 3);
      return close === -1 ? '' : hex(src.slice(i + 3, close));
    }
    return hex(src.slice(i + 2, i + 6));
  }
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };
  return simple[n] ?? n;
}
