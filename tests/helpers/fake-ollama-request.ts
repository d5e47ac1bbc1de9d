/**
 * How Ollama reads a request body before anything else (gin's ShouldBindJSON into api/types.go's
 * structs, Go's encoding/json): an empty body, a syntax error or a value of the wrong type is a 400
 * with Go's words; unknown fields are ignored; `null` leaves a field unset. Then the options, which
 * scheduleRunner checks (api/types.go Options.FromMap): a known option of the wrong type is a 500.
 */

type Shape =
  | 'string'
  | 'bool'
  | 'int'
  | 'float'
  | 'any'
  | 'object'
  | 'think'
  | 'duration'
  | 'base64'
  | 'strings'
  | { array: Shape }
  | { map: Shape }
  | { struct: string; fields: Record<string, Shape> };

const arr = (of: Shape): Shape => ({ array: of });
const PROPERTY: { struct: string; fields: Record<string, Shape> } = { struct: 'ToolProperty', fields: {} };
Object.assign(PROPERTY.fields, {
  anyOf: arr(PROPERTY),
  type: 'strings',
  items: 'any',
  description: 'string',
  enum: arr('any'),
  properties: { map: PROPERTY },
  required: arr('string'),
});
const TOOL: Shape = {
  struct: 'Tool',
  fields: {
    type: 'string',
    items: 'any',
    function: {
      struct: 'ToolFunction',
      fields: {
        name: 'string',
        description: 'string',
        parameters: {
          struct: 'ToolFunctionParameters',
          fields: { type: 'string', $defs: 'any', items: 'any', required: arr('string'), properties: { map: PROPERTY } },
        },
      },
    },
  },
};
const TOOL_CALL: Shape = {
  struct: 'ToolCall',
  fields: { id: 'string', function: { struct: 'ToolCallFunction', fields: { index: 'int', name: 'string', arguments: 'object' } } },
};
const MESSAGE: Shape = {
  struct: 'Message',
  fields: {
    role: 'string',
    content: 'string',
    thinking: 'string',
    images: arr('base64'),
    tool_calls: arr(TOOL_CALL),
    tool_name: 'string',
    tool_call_id: 'string',
  },
};
const COMMON: Record<string, Shape> = { model: 'string', keep_alive: 'duration', options: { map: 'any' } };

/** The request structs of the endpoints that take a body (api/types.go at v0.12.10 and later). */
export const REQUESTS: Record<string, { struct: string; fields: Record<string, Shape> }> = {
  '/api/chat': {
    struct: 'ChatRequest',
    fields: {
      ...COMMON,
      messages: arr(MESSAGE),
      stream: 'bool',
      format: 'any',
      tools: arr(TOOL),
      think: 'think',
      truncate: 'bool',
      shift: 'bool',
      logprobs: 'bool',
      top_logprobs: 'int',
    },
  },
  '/api/generate': {
    struct: 'GenerateRequest',
    fields: {
      ...COMMON,
      prompt: 'string',
      suffix: 'string',
      system: 'string',
      template: 'string',
      context: arr('int'),
      stream: 'bool',
      raw: 'bool',
      format: 'any',
      images: arr('base64'),
      think: 'think',
      truncate: 'bool',
      shift: 'bool',
    },
  },
  '/api/embed': { struct: 'EmbedRequest', fields: { ...COMMON, input: 'any', truncate: 'bool', dimensions: 'int' } },
  '/api/show': { struct: 'ShowRequest', fields: { ...COMMON, name: 'string', system: 'string', template: 'string', verbose: 'bool' } },
};

const THINK_LEVELS = ['high', 'medium', 'low', 'max'];

function kind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  return typeof v === 'boolean' ? 'bool' : typeof v; // string, number, object
}

/** Go's time.ParseDuration, enough for what clients send ("5m", "1h30m", "300ms", "-1s"). */
export function goDuration(s: string): boolean {
  return /^[-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h))+$/.test(s) || s === '0';
}

/** The Go error for value `v` at `path` of the request, or undefined when it decodes. */
function check(v: unknown, shape: Shape, struct: string, path: string): string | undefined {
  if (v === null) return undefined;
  const wrong = (goType: string, value = kind(v)) =>
    `json: cannot unmarshal ${value} into Go struct field ${struct}.${path} of type ${goType}`;
  if (typeof shape === 'object') {
    if ('array' in shape) {
      if (!Array.isArray(v)) return wrong('[]any');
      for (const item of v) {
        const e = check(item, shape.array, struct, path);
        if (e) return e;
      }
      return undefined;
    }
    if (kind(v) !== 'object') return wrong('map or struct');
    const entries = Object.entries(v as Record<string, unknown>);
    for (const [k, val] of entries) {
      const field = 'map' in shape ? shape.map : shape.fields[k];
      const e = field && check(val, field, struct, `${path}.${k}`.replace(/^\./, ''));
      if (e) return e;
    }
    return undefined;
  }
  switch (shape) {
    case 'string':
      return typeof v === 'string' ? undefined : wrong('string');
    case 'bool':
      return typeof v === 'boolean' ? undefined : wrong('bool');
    case 'float':
      return typeof v === 'number' ? undefined : wrong('float64');
    case 'int':
      if (typeof v !== 'number') return wrong('int');
      return Number.isInteger(v) ? undefined : wrong('int', `number ${v}`);
    case 'object':
      return kind(v) === 'object' ? undefined : wrong('map[string]interface {}');
    case 'strings':
      return typeof v === 'string' || (Array.isArray(v) && v.every((s) => typeof s === 'string')) ? undefined : wrong('[]string');
    case 'base64':
      return typeof v === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(v) && v.length % 4 === 0
        ? undefined
        : typeof v === 'string'
          ? 'illegal base64 data at input byte 0'
          : wrong('[]uint8');
    case 'think':
      if (typeof v === 'boolean') return undefined;
      if (typeof v === 'string') {
        return THINK_LEVELS.includes(v)
          ? undefined
          : `invalid think value: ${JSON.stringify(v)} (must be "high", "medium", "low", "max", true, or false)`;
      }
      return 'think must be a boolean or string ("high", "medium", "low", "max", true, or false)';
    case 'duration':
      if (typeof v === 'number') return undefined;
      if (typeof v === 'string') return goDuration(v) ? undefined : `time: invalid duration ${JSON.stringify(v)}`;
      return `Unsupported type: '${kind(v) === 'object' ? 'map[string]interface {}' : kind(v) === 'array' ? '[]interface {}' : kind(v)}'`;
    default:
      return undefined;
  }
}

/** Go's words for a body JSON.parse refused (Node names the token or the position). */
function syntaxError(raw: string, e: unknown): string {
  const why = String((e as Error)?.message);
  if (/end of JSON input|Unterminated/i.test(why)) return 'unexpected EOF';
  const token = /Unexpected token '(.)'/.exec(why)?.[1];
  const at = /position (\d+)/.exec(why)?.[1];
  const c = token ?? (at === undefined ? undefined : raw[Number(at)]);
  return c === undefined ? 'unexpected EOF' : `invalid character '${c}' looking for beginning of value`;
}

export type Decoded = { ok: true; body: any } | { ok: false; status: number; error: string; body: unknown };

/** Reads `raw` as Ollama reads the body of `path` (a path not in REQUESTS: plain JSON, or null). */
export function decodeRequest(path: string, raw: string): Decoded {
  const spec = REQUESTS[path];
  if (!raw.trim()) return spec ? { ok: false, status: 400, error: 'missing request body', body: null } : { ok: true, body: null };
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch (e) {
    return { ok: false, status: 400, error: syntaxError(raw, e), body: raw };
  }
  if (!spec) return { ok: true, body };
  if (kind(body) !== 'object' || body === null) {
    return { ok: false, status: 400, error: `json: cannot unmarshal ${kind(body)} into Go value of type api.${spec.struct}`, body };
  }
  const error = check(body, spec, spec.struct, '');
  return error ? { ok: false, status: 400, error, body } : { ok: true, body };
}

/** api.Options and api.Runner: each option's Go kind. */
const OPTION_KINDS: Record<string, 'int' | 'float' | 'bool' | 'strings'> = {
  num_keep: 'int',
  seed: 'int',
  num_predict: 'int',
  top_k: 'int',
  repeat_last_n: 'int',
  num_ctx: 'int',
  num_batch: 'int',
  num_gpu: 'int',
  main_gpu: 'int',
  num_thread: 'int',
  draft_num_predict: 'int',
  use_mmap: 'bool',
  stop: 'strings',
  top_p: 'float',
  min_p: 'float',
  typical_p: 'float',
  temperature: 'float',
  repeat_penalty: 'float',
  presence_penalty: 'float',
  frequency_penalty: 'float',
};
const KIND_WORDS = { int: 'of type integer', float: 'of type float32', bool: 'of type boolean', strings: 'of type array' };

/** Options.FromMap: unknown options are only logged; a known one of the wrong type fails the request (500). */
export function optionsError(options: Record<string, unknown> | null | undefined): string | undefined {
  for (const [key, v] of Object.entries(options ?? {})) {
    const k = OPTION_KINDS[key];
    if (!k || v === null) continue;
    const ok = k === 'int' || k === 'float' ? typeof v === 'number' : k === 'bool' ? typeof v === 'boolean' : Array.isArray(v);
    if (!ok) return `option "${key}" must be ${KIND_WORDS[k]}`;
    if (k === 'strings' && !(v as unknown[]).every((s) => typeof s === 'string')) return `option "${key}" must be of an array of strings`;
  }
  return undefined;
}
