/**
 * Python string literal decoding (all prefixes, escapes, f-string literal prefixes), Python slice
 * semantics and rot13: the pure helpers behind static string evaluation.
 */
export interface StaticStr {
  value: string;
  /** False when `value` is only a known prefix (an f-string or concatenation with unknown parts). */
  exact: boolean;
}

/** Decode one Python string literal node (any prefix); null for bytes with undecodable escapes. */
export function literalValue(text: string): StaticStr | null {
  const m = /^([rRbBuUfF]{0,2})('''|"""|'|")/.exec(text);
  if (!m) return null;
  const prefix = m[1]!.toLowerCase();
  const q = m[2]!;
  const body = text.slice(m[0].length, text.length >= m[0].length + q.length && text.endsWith(q) ? text.length - q.length : text.length);
  const raw = prefix.includes('r');
  if (prefix.includes('f')) {
    const cut = firstField(body);
    const lit = cut === -1 ? body : body.slice(0, cut);
    const dec = raw ? lit : unescape(lit);
    return dec === null ? null : { value: dec.replace(/\{\{/g, '{').replace(/\}\}/g, '}'), exact: cut === -1 };
  }
  const dec = raw ? body : unescape(body);
  return dec === null ? null : { value: dec, exact: true };
}

function firstField(body: string): number {
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '{') {
      if (body[i + 1] === '{') {
        i++;
        continue;
      }
      return i;
    }
  }
  return -1;
}

const SIMPLE_ESC: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '0': '\0',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '\n': '',
};

function unescape(s: string): string | null {
  if (!s.includes('\\')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = s[i + 1] ?? '';
    const hex = (len: number) => {
      const h = s.slice(i + 2, i + 2 + len);
      if (!/^[0-9a-fA-F]+$/.test(h) || h.length !== len) return null;
      i += 1 + len;
      return String.fromCodePoint(parseInt(h, 16));
    };
    if (n === 'x') {
      const r = hex(2);
      if (r === null) return null;
      out += r;
    } else if (n === 'u') {
      const r = hex(4);
      if (r === null) return null;
      out += r;
    } else if (n === 'U') {
      const r = hex(8);
      if (r === null) return null;
      out += r;
    } else if (/[0-7]/.test(n)) {
      const o = /^[0-7]{1,3}/.exec(s.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(o, 8));
      i += o.length;
    } else if (n === 'N') {
      return null;
    } else if (n in SIMPLE_ESC) {
      out += SIMPLE_ESC[n];
      i++;
    } else {
      out += '\\' + n;
      i++;
    }
  }
  return out;
}

export function pySlice(s: string, start: number | undefined, stop: number | undefined, step: number): string {
  const chars = [...s];
  const n = chars.length;
  if (step === 0) return '';
  const norm = (v: number | undefined, dflt: number) =>
    v === undefined ? dflt : v < 0 ? Math.max(n + v, step < 0 ? -1 : 0) : Math.min(v, step < 0 ? n - 1 : n);
  let out = '';
  if (step > 0) for (let i = norm(start, 0); i < norm(stop, n); i += step) out += chars[i] ?? '';
  else for (let i = norm(start, n - 1); i > norm(stop, -1); i += step) out += chars[i] ?? '';
  return out;
}

export function rot13(s: string): string {
  return s.replace(/[a-z]/gi, (c) => {
    const b = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - b + 13) % 26) + b);
  });
}
