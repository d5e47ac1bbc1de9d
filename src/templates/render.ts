/**
 * A logic-less template renderer (a strict subset of Mustache). Templates are data: nothing in a
 * template or in the values it is given ever executes: no eval, no Function, no helpers, no lambdas.
 *
 *   {{name}} {{a.b}}      the value, as is (no HTML escaping); objects and arrays as indented JSON
 *   {{.}}                 the current item inside a section
 *   {{#list}}…{{/list}}   once per array element; once for any other truthy value (pushed as context)
 *   {{^list}}…{{/list}}   once when the value is falsy or an empty array
 *   {{! comment }}        nothing
 *
 * Names are looked up from the innermost section outwards and only through own properties, so
 * `{{constructor}}` or `{{a.__proto__}}` never reach a prototype. A name that is not there (or a
 * `{{name}}` whose value is null or undefined) is an error that lists every such name with its line.
 * A section, inverted or comment tag alone on its line removes that line from the output. Values are
 * inserted once and never re-scanned, so a value containing `{{x}}` stays literal text.
 */
import { FactoryError } from '../errors/catalog.ts';

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'var'; name: string; line: number }
  | { kind: 'section'; name: string; inverted: boolean; line: number; children: Node[] };

const NAME_RE = /^(\.|[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*)$/;

function syntaxError(template: string, line: number, problem: string): FactoryError {
  return new FactoryError('INTERNAL', `template ${template}, line ${line}: ${problem}`, { template, line, problem });
}

/** Parse a template into a tree; throws FactoryError INTERNAL on a syntax error. */
export function parseTemplate(src: string, template = 'template'): Node[] {
  const root: Node[] = [];
  const stack: { name: string; line: number; children: Node[] }[] = [];
  let out = root;
  let pos = 0;
  let line = 1;
  let counted = 0;
  const lineOf = (index: number) => {
    for (; counted < index; counted++) if (src.charCodeAt(counted) === 10) line++;
    return line;
  };
  const pushText = (t: string) => {
    if (t !== '') out.push({ kind: 'text', text: t });
  };
  while (pos < src.length) {
    const open = src.indexOf('{{', pos);
    if (open < 0) {
      pushText(src.slice(pos));
      break;
    }
    const at = lineOf(open);
    const close = src.indexOf('}}', open + 2);
    if (close < 0) throw syntaxError(template, at, "'{{' is never closed with '}}'");
    const raw = src.slice(open + 2, close).trim();
    const sigil = raw[0];
    const isBlock = sigil === '#' || sigil === '^' || sigil === '/';
    // a block or comment tag alone on its line takes the line's indentation and line break with it
    const lineStart = src.lastIndexOf('\n', open - 1) + 1;
    const lineEnd = src.indexOf('\n', close + 2);
    const rest = src.slice(close + 2, lineEnd < 0 ? src.length : lineEnd);
    const standalone = (isBlock || sigil === '!') && lineStart >= pos && /^[ \t]*$/.test(src.slice(lineStart, open)) && /^[ \t\r]*$/.test(rest);
    pushText(src.slice(pos, standalone ? lineStart : open));
    pos = standalone ? (lineEnd < 0 ? src.length : lineEnd + 1) : close + 2;
    if (sigil === '!') continue;
    const name = isBlock ? raw.slice(1).trim() : raw;
    if (!NAME_RE.test(name)) throw syntaxError(template, at, `'{{${raw}}}' is not a tag: use {{name}}, {{a.b}}, {{.}}, {{#name}}, {{^name}}, {{/name}} or {{! comment}}`);
    if (sigil === '#' || sigil === '^') {
      const node: Node = { kind: 'section', name, inverted: sigil === '^', line: at, children: [] };
      out.push(node);
      stack.push({ name, line: at, children: out });
      out = node.children;
    } else if (sigil === '/') {
      const top = stack.pop();
      if (!top) throw syntaxError(template, at, `'{{/${name}}}' closes a section that was never opened`);
      if (top.name !== name) throw syntaxError(template, at, `'{{/${name}}}' closes '{{#${top.name}}}' opened on line ${top.line}`);
      out = top.children;
    } else {
      out.push({ kind: 'var', name, line: at });
    }
  }
  const unclosed = stack.pop();
  if (unclosed) throw syntaxError(template, unclosed.line, `'{{#${unclosed.name}}}' is never closed`);
  return root;
}

const MISSING = Symbol('missing');

function isContainer(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Own-property lookup from the innermost context outwards. */
function lookup(stack: readonly unknown[], name: string): unknown {
  if (name === '.') return stack[stack.length - 1];
  const [first, ...rest] = name.split('.');
  let value: unknown = MISSING;
  for (let i = stack.length - 1; i >= 0; i--) {
    const frame = stack[i];
    if (isContainer(frame) && Object.hasOwn(frame, first!)) {
      value = frame[first!];
      break;
    }
  }
  for (const seg of rest) {
    if (value === MISSING) break;
    value = isContainer(value) && Object.hasOwn(value, seg) ? value[seg] : MISSING;
  }
  return value;
}

function truthy(v: unknown): boolean {
  return Array.isArray(v) ? v.length > 0 : Boolean(v);
}

function text(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (typeof v === 'object' && v !== null) return JSON.stringify(v, null, 2);
  return null;
}

/**
 * Render a template with a context. Throws FactoryError INTERNAL listing every missing variable
 * (`details.missing`: `name (line n)`), or naming the syntax error.
 */
export function render(source: string, context: unknown, template = 'template'): string {
  const tree = parseTemplate(source, template);
  const missing: string[] = [];
  const note = (name: string, line: number, why = '') => {
    const entry = `${name} (line ${line})${why}`;
    if (!missing.includes(entry)) missing.push(entry);
  };
  const walk = (nodes: readonly Node[], stack: unknown[]): string => {
    let out = '';
    for (const n of nodes) {
      if (n.kind === 'text') {
        out += n.text;
        continue;
      }
      const value = lookup(stack, n.name);
      if (value === MISSING) {
        note(n.name, n.line);
        continue;
      }
      if (typeof value === 'function' || typeof value === 'symbol') {
        note(n.name, n.line, ` is a ${typeof value}, which templates never call`);
        continue;
      }
      if (n.kind === 'var') {
        const s = text(value);
        if (s === null) note(n.name, n.line, ` is ${String(value)}`);
        else out += s;
        continue;
      }
      if (n.inverted) {
        if (!truthy(value)) out += walk(n.children, stack);
      } else if (Array.isArray(value)) {
        for (const item of value) out += walk(n.children, [...stack, item]);
      } else if (truthy(value)) {
        out += walk(n.children, [...stack, value]);
      }
    }
    return out;
  };
  const out = walk(tree, [context]);
  if (missing.length > 0) {
    throw new FactoryError('INTERNAL', `template ${template}: missing variables: ${missing.join(', ')}`, { template, missing });
  }
  return out;
}

/** Every variable and section name a template uses (sorted, without `.`), to document or test contexts. */
export function templateNames(source: string, template = 'template'): string[] {
  const names = new Set<string>();
  const walk = (nodes: readonly Node[]) => {
    for (const n of nodes) {
      if (n.kind === 'text') continue;
      if (n.name !== '.') names.add(n.name);
      if (n.kind === 'section') walk(n.children);
    }
  };
  walk(parseTemplate(source, template));
  return [...names].sort();
}
