/**
 * What Ollama's structured output makes of a `format` JSON schema, as rules: a walk that follows the
 * branches of llama.cpp's json-schema-to-grammar.cpp `SchemaConverter::visit` (vendored by Ollama
 * v0.13.2 in llama/llama.cpp/common/, run by llama-server since v0.30) and the repetition limit of
 * llama-grammar.cpp's parser (MAX_REPETITION_THRESHOLD = 2000, since Ollama v0.13.2).
 *
 * - `error`: Ollama refuses the schema. Conversion errors ("invalid JSON schema in format") and grammar
 *   parse errors (repetitions over 2000, unknown escapes) both end as HTTP 500 before the first byte.
 * - `ignored`: the grammar does not enforce the keyword (or narrows the type); zod must check it after
 *   the reply. Not a refusal.
 */

export const MAX_REPETITIONS = 2000;

export interface GrammarProblem {
  /** JSON pointer-ish path inside the schema, `(root)` for the top */
  path: string;
  severity: 'error' | 'ignored';
  message: string;
}

type Json = Record<string, unknown>;

/** Types the converter knows as primitives (PRIMITIVE_RULES). */
const PRIMITIVES = new Set([
  'boolean',
  'decimal-part',
  'integral-part',
  'number',
  'integer',
  'value',
  'object',
  'array',
  'uuid',
  'char',
  'string',
  'null',
]);
const STRING_FORMATS = new Set(['date', 'time', 'date-time']);
/** Keywords the converter never reads: the grammar lets anything through, zod has to check. */
const UNENFORCED = [
  'multipleOf',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'propertyNames',
  'patternProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'dependentRequired',
  'dependentSchemas',
];
const BOUNDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'];
/** Escapes llama-grammar.cpp's parse_char accepts inside a literal or a character class. */
const GBNF_ESCAPES = new Set(['x', 'u', 'U', 't', 'r', 'n', '\\', '"', '[', ']']);
/** Regex escapes the pattern converter turns into plain characters (ESCAPED_IN_REGEXPS_BUT_NOT_IN_LITERALS). */
const REGEX_ONLY_ESCAPES = new Set(['^', '$', '.', '[', ']', '(', ')', '|', '{', '}', '*', '+', '?']);

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const at = (path: string, key: string | number): string => (path === '(root)' ? String(key) : `${path}.${key}`);

class Walker {
  readonly problems: GrammarProblem[] = [];
  private readonly resolving = new Set<string>();
  constructor(private readonly root: Json) {}

  error(path: string, message: string): void {
    this.problems.push({ path, severity: 'error', message });
  }

  ignored(path: string, message: string): void {
    this.problems.push({ path, severity: 'ignored', message });
  }

  /** A `{min,max}` repetition as build_repetition writes it; the grammar parser refuses counts over 2000. */
  repetition(path: string, what: string, min: number, max: number | undefined): void {
    if (min > MAX_REPETITIONS || (max !== undefined && max > MAX_REPETITIONS)) {
      const n = min > MAX_REPETITIONS ? min : max;
      this.error(
        path,
        `${what} becomes a grammar repetition of ${n}; Ollama refuses more than ${MAX_REPETITIONS} ` +
          '("number of repetitions exceeds sane defaults"): check it with zod after the reply instead',
      );
    }
  }

  /** SchemaConverter::visit, branch by branch and in its order. */
  visit(s: unknown, path: string): void {
    if (typeof s === 'boolean') return s ? undefined : this.error(path, 'the schema `false` is not supported');
    if (!isObj(s)) return this.error(path, `Unrecognized schema: ${JSON.stringify(s)}`);
    for (const k of UNENFORCED) if (k in s) this.ignored(at(path, k), `\`${k}\` is not enforced by the grammar`);
    if ('format' in s && typeof s.format !== 'string')
      return this.error(at(path, 'format'), '`format` must be a string (the converter throws)');
    if ('$ref' in s) return this.ref(s.$ref, path);
    if (Array.isArray(s.oneOf) || Array.isArray(s.anyOf)) {
      const key = Array.isArray(s.oneOf) ? 'oneOf' : 'anyOf';
      return (s[key] as unknown[]).forEach((alt, i) => this.visit(alt, at(path, `${key}.${i}`)));
    }
    if (Array.isArray(s.type)) return s.type.forEach((t) => this.visit({ ...s, type: t }, path));
    if ('const' in s || 'enum' in s) return;
    if (this.composite(s, path)) return;
    this.scalar(s, path);
  }

  /** Objects, allOf and arrays; false when `s` is none of them. */
  private composite(s: Json, path: string): boolean {
    const type = s.type;
    const none = type === undefined;
    if ((none || type === 'object') && (isObj(s.properties) || ('additionalProperties' in s && s.additionalProperties !== true))) {
      this.object(s, path);
    } else if ((none || type === 'object' || type === 'string') && Array.isArray(s.allOf)) {
      this.allOf(s.allOf, path);
    } else if ((none || type === 'array') && ('items' in s || 'prefixItems' in s)) {
      this.array(s, path);
    } else return false;
    return true;
  }

  private scalar(s: Json, path: string): void {
    const type = s.type;
    const none = type === undefined;
    const format = typeof s.format === 'string' ? s.format : '';
    if ((none || type === 'string') && 'pattern' in s) {
      if ('maxLength' in s || 'minLength' in s) this.ignored(path, 'minLength/maxLength are not enforced next to a pattern');
      return this.pattern(s.pattern, at(path, 'pattern'));
    }
    if ((none || type === 'string') && (/^uuid[1-5]?$/.test(format) || STRING_FORMATS.has(format))) return;
    if (type === 'string' && ('minLength' in s || 'maxLength' in s)) return this.stringLength(s, path);
    if (type === 'integer' && BOUNDS.some((k) => k in s)) return;
    if (Object.keys(s).length === 0) return this.ignored(path, '`{}` becomes "any JSON object" in the grammar, not "any value"');
    if (type === 'object') return;
    if (typeof type !== 'string' || !PRIMITIVES.has(type))
      return this.error(path, `Unrecognized schema: ${JSON.stringify(s).slice(0, 120)}`);
    if (format) this.ignored(at(path, 'format'), `format "${format}" is not enforced by the grammar`);
    if (type === 'number' && BOUNDS.some((k) => k in s)) this.ignored(path, 'bounds of a `number` are not enforced by the grammar');
  }

  private ref(ref: unknown, path: string): void {
    if (typeof ref !== 'string' || !ref.startsWith('#/')) {
      return this.error(at(path, '$ref'), `Unsupported ref: ${String(ref)} (only local "#/..." refs resolve)`);
    }
    if (this.resolving.has(ref)) return;
    let target: unknown = this.root;
    for (const sel of ref.slice(2).split('/')) {
      const key = sel.replace(/~1/g, '/').replace(/~0/g, '~');
      if (Array.isArray(target) && /^\d+$/.test(key) && Number(key) < target.length) target = target[Number(key)];
      else if (isObj(target) && key in target) target = target[key];
      else return this.error(at(path, '$ref'), `Error resolving ref ${ref}: ${key} not found`);
    }
    this.resolving.add(ref);
    this.visit(target, ref.slice(2).replace(/\//g, '.'));
    this.resolving.delete(ref);
  }

  private object(s: Json, path: string): void {
    if (isObj(s.properties)) for (const [k, v] of Object.entries(s.properties)) this.visit(v, at(path, `properties.${k}`));
    if (isObj(s.additionalProperties)) this.visit(s.additionalProperties, at(path, 'additionalProperties'));
  }

  private allOf(parts: unknown[], path: string): void {
    parts.forEach((p, i) => {
      const comps = isObj(p) && Array.isArray(p.anyOf) ? (p.anyOf as unknown[]) : [p];
      for (const c of comps) {
        if (isObj(c) && '$ref' in c) this.ref(c.$ref, at(path, `allOf.${i}`));
        else if (isObj(c) && isObj(c.properties)) this.object({ properties: c.properties }, at(path, `allOf.${i}`));
        else if (!(isObj(c) && 'enum' in c)) this.ignored(at(path, `allOf.${i}`), 'only properties, enums and $refs of allOf parts count');
      }
    });
  }

  private array(s: Json, path: string): void {
    const items = 'items' in s ? s.items : s.prefixItems;
    if (Array.isArray(items)) return items.forEach((it, i) => this.visit(it, at(path, `items.${i}`)));
    this.visit(items, at(path, 'items'));
    const min = this.int(s.minItems, at(path, 'minItems')) ?? 0;
    const max = this.int(s.maxItems, at(path, 'maxItems'));
    if (max === 0 || (min === 0 && max === 1)) return;
    // item ("," item){min-1,max-1}
    const what = `minItems ${min}/maxItems ${max ?? '∞'}`;
    this.repetition(path, what, min === 0 ? 0 : min - 1, max === undefined ? undefined : max - 1);
  }

  private stringLength(s: Json, path: string): void {
    const min = this.int(s.minLength, at(path, 'minLength')) ?? 0;
    const max = this.int(s.maxLength, at(path, 'maxLength'));
    if (max === 0 || (min === 0 && max === 1)) return;
    this.repetition(path, `minLength ${min}/maxLength ${max ?? '∞'}`, min, max);
  }

  private int(v: unknown, path: string): number | undefined {
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.error(path, 'must be a number');
      return undefined;
    }
    return Math.trunc(v);
  }

  /** _visit_pattern: anchors, balanced brackets, quantifier counts, escapes the grammar parser knows. */
  private pattern(p: unknown, path: string): void {
    if (typeof p !== 'string' || !p.startsWith('^') || !p.endsWith('$')) {
      return this.error(path, "Pattern must start with '^' and end with '$'");
    }
    const body = p.slice(1, -1);
    let depth = 0;
    for (let i = 0; i < body.length; i++) {
      const c = body[i]!;
      if (c === '\\') {
        const next = body[i + 1] ?? '';
        if (!REGEX_ONLY_ESCAPES.has(next) && !GBNF_ESCAPES.has(next)) {
          this.error(path, `the escape \\${next} is not known to Ollama's grammar parser ("unknown escape"); use a character class`);
        }
        i++;
      } else if (c === '[') {
        const end = this.classEnd(body, i + 1, path);
        if (end < 0) return this.error(path, 'Unbalanced square brackets');
        i = end;
      } else if (c === '(') {
        if (body[i + 1] === '?') this.ignored(path, 'groups such as (?:...) and lookarounds are not supported by the pattern converter');
        depth++;
      } else if (c === ')') {
        if (--depth < 0) return this.error(path, 'Unbalanced parentheses');
      } else if (c === '{') {
        const close = body.indexOf('}', i);
        if (close < 0) return this.error(path, 'Unbalanced curly brackets');
        const nums = body.slice(i + 1, close).split(',');
        const invalid = nums.length > 2 || nums.some((n) => n !== '' && !/^\d+$/.test(n)) || (nums[0] === '' && nums.length === 1);
        if (invalid) return this.error(path, 'Invalid number in curly brackets');
        const min = nums[0] ? Number(nums[0]) : 0;
        const max = nums.length === 1 ? min : nums[1] ? Number(nums[1]) : undefined;
        this.repetition(path, `the quantifier {${body.slice(i + 1, close)}}`, min, max);
        i = close;
      }
    }
    if (depth !== 0) this.error(path, 'Unbalanced parentheses');
  }

  private classEnd(body: string, from: number, path: string): number {
    for (let i = from; i < body.length; i++) {
      if (body[i] === '\\') {
        const next = body[i + 1] ?? '';
        if (!GBNF_ESCAPES.has(next)) this.error(path, `the escape \\${next} inside [...] is not known to Ollama's grammar parser`);
        i++;
      } else if (body[i] === ']') return i;
    }
    return -1;
  }
}

/** Every problem Ollama's grammar has with `schema`; `errors` alone decide whether Ollama refuses it. */
export function grammarProblems(schema: unknown): GrammarProblem[] {
  const w = new Walker(isObj(schema) ? schema : {});
  w.visit(schema, '(root)');
  return w.problems;
}

const checkedSchemas = new WeakMap<object, GrammarProblem[]>();

/**
 * The problems a schema has that Ollama refuses. A schema object is checked once (a format is asked with
 * at every call of its role): callers must not change a schema after they have asked with it.
 */
export function grammarErrors(schema: unknown): GrammarProblem[] {
  const cached = schema && typeof schema === 'object' ? checkedSchemas.get(schema) : undefined;
  if (cached) return cached;
  const errors = grammarProblems(schema).filter((p) => p.severity === 'error');
  if (schema && typeof schema === 'object') checkedSchemas.set(schema, errors);
  return errors;
}
