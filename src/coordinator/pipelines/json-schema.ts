/**
 * The JSON Schema a pipeline's role declares for its input and output: a small subset (types, enums,
 * properties, required, items, bounds, patterns), refused beyond it (default deny: what is not listed
 * here is an unknown key). From one declared schema come the zod schema that validates a reply and
 * the JSON schema sent to Ollama as `format`, with the bounds over the grammar's repetition limit left
 * to zod (as defineFormat does). Ollama's grammar rules are checked at load (see load.ts).
 */
import { z } from 'zod';
import { MAX_REPETITIONS } from '../../llm/index.ts';

export const MAX_SCHEMA_DEPTH = 8;
const TYPES = ['object', 'array', 'string', 'number', 'integer', 'boolean', 'null'] as const;
type TypeName = (typeof TYPES)[number];

export interface JsonSchema {
  type: TypeName | [TypeName, 'null'];
  description?: string;
  enum?: (string | number)[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: false;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
}

const count = z.number().int().min(0).max(1_000_000);
const PROPERTY_RE = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export const JsonSchemaNode: z.ZodType<JsonSchema> = z.lazy(() =>
  z
    .strictObject({
      type: z.union([z.enum(TYPES), z.tuple([z.enum(TYPES), z.literal('null')])]),
      description: z.string().max(2000).optional(),
      enum: z
        .array(z.union([z.string().max(200), z.number()]))
        .min(1)
        .max(200)
        .optional(),
      properties: z
        .record(z.string().regex(PROPERTY_RE, 'property names are identifiers such as total_errors'), JsonSchemaNode)
        .refine((r) => Object.keys(r).length <= 100, 'at most 100 properties')
        .optional(),
      required: z.array(z.string()).max(100).optional(),
      additionalProperties: z.literal(false).optional(),
      items: JsonSchemaNode.optional(),
      minItems: count.optional(),
      maxItems: count.optional(),
      minLength: count.optional(),
      maxLength: count.optional(),
      minimum: z.number().optional(),
      maximum: z.number().optional(),
      pattern: z.string().max(500).optional(),
    })
    .superRefine(consistent),
);

const baseType = (s: JsonSchema): TypeName => (Array.isArray(s.type) ? s.type[0] : s.type);

function consistent(s: JsonSchema, ctx: z.RefinementCtx): void {
  const t = baseType(s);
  const only = (keys: (keyof JsonSchema)[], types: TypeName[]) => {
    for (const k of keys)
      if (s[k] !== undefined && !types.includes(t))
        ctx.addIssue({ code: 'custom', path: [k], message: `'${k}' is for type ${types.join('/')}` });
  };
  only(['properties', 'required', 'additionalProperties'], ['object']);
  only(['items', 'minItems', 'maxItems'], ['array']);
  only(['minLength', 'maxLength', 'pattern'], ['string']);
  only(['minimum', 'maximum'], ['number', 'integer']);
  only(['enum'], ['string', 'number', 'integer']);
  if (t === 'array' && !s.items) ctx.addIssue({ code: 'custom', path: ['type'], message: "an array names its 'items'" });
  for (const name of s.required ?? []) {
    if (!s.properties?.[name]) ctx.addIssue({ code: 'custom', path: ['required'], message: `required '${name}' is not a property` });
  }
  const order = (lo: keyof JsonSchema, hi: keyof JsonSchema) => {
    if (typeof s[lo] === 'number' && typeof s[hi] === 'number' && (s[lo] as number) > (s[hi] as number))
      ctx.addIssue({ code: 'custom', path: [lo], message: `'${lo}' is larger than '${hi}'` });
  };
  order('minItems', 'maxItems');
  order('minLength', 'maxLength');
  order('minimum', 'maximum');
  if (s.pattern !== undefined) {
    try {
      new RegExp(s.pattern, 'u');
    } catch (e) {
      ctx.addIssue({ code: 'custom', path: ['pattern'], message: `not a regular expression: ${(e as Error).message}` });
    }
  }
  if (depth(s) > MAX_SCHEMA_DEPTH) ctx.addIssue({ code: 'custom', path: [], message: `nested deeper than ${MAX_SCHEMA_DEPTH} levels` });
}

function depth(s: JsonSchema): number {
  const kids = [...Object.values(s.properties ?? {}), ...(s.items ? [s.items] : [])];
  return 1 + Math.max(0, ...kids.map(depth));
}

/** The zod schema that validates a value against the declared schema (every bound included). */
export function toZod(s: JsonSchema): z.ZodType {
  const base = scalarOrComposite(s);
  return Array.isArray(s.type) ? base.nullable() : base;
}

function scalarOrComposite(s: JsonSchema): z.ZodType {
  switch (baseType(s)) {
    case 'object': {
      const req = new Set(s.required ?? []);
      const shape = Object.fromEntries(
        Object.entries(s.properties ?? {}).map(([k, v]) => [k, req.has(k) ? toZod(v) : toZod(v).optional()]),
      );
      return s.additionalProperties === false ? z.strictObject(shape) : z.object(shape);
    }
    case 'array': {
      let a = z.array(toZod(s.items!));
      if (s.minItems !== undefined) a = a.min(s.minItems);
      if (s.maxItems !== undefined) a = a.max(s.maxItems);
      return a;
    }
    case 'string': {
      if (s.enum) return z.enum(s.enum.map(String) as [string, ...string[]]);
      let t = z.string();
      if (s.minLength !== undefined) t = t.min(s.minLength);
      if (s.maxLength !== undefined) t = t.max(s.maxLength);
      if (s.pattern !== undefined) t = t.regex(new RegExp(s.pattern, 'u'));
      return t;
    }
    case 'number':
    case 'integer': {
      if (s.enum) {
        const allowed = s.enum.filter((v): v is number => typeof v === 'number');
        return z.number().refine((v) => allowed.includes(v), `must be one of ${allowed.join(', ')}`);
      }
      let n = baseType(s) === 'integer' ? z.number().int() : z.number();
      if (s.minimum !== undefined) n = n.min(s.minimum);
      if (s.maximum !== undefined) n = n.max(s.maximum);
      return n;
    }
    case 'boolean':
      return z.boolean();
    case 'null':
      return z.null();
  }
}

/** The JSON schema sent as `format`: as declared, without the bounds over Ollama's repetition limit (zod checks those). */
export function toFormatJson(s: JsonSchema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) {
    if ((k === 'minLength' || k === 'maxLength') && (v as number) > MAX_REPETITIONS) continue;
    if ((k === 'minItems' || k === 'maxItems') && (v as number) - 1 > MAX_REPETITIONS) continue;
    if (k === 'properties')
      out[k] = Object.fromEntries(Object.entries(v as Record<string, JsonSchema>).map(([p, c]) => [p, toFormatJson(c)]));
    else if (k === 'items') out[k] = toFormatJson(v as JsonSchema);
    else out[k] = v;
  }
  return out;
}

/**
 * What an interpreter reads from a role's output must be declared by it: every property of the
 * contract is a required property of the schema with the same type, and an enum of the schema only
 * holds values the contract knows. Returns the problems, each with the path inside the schema.
 */
export function contractProblems(s: JsonSchema, contract: JsonSchema, path: string[] = []): { path: string[]; message: string }[] {
  const out: { path: string[]; message: string }[] = [];
  if (baseType(s) !== baseType(contract)) {
    return [{ path: [...path, 'type'], message: `must be of type ${baseType(contract)} (the pipeline reads it)` }];
  }
  if (contract.enum) {
    const extra = (s.enum ?? []).filter((v) => !contract.enum!.includes(v));
    if (!s.enum) out.push({ path, message: `must be an enum of ${contract.enum.join(', ')}` });
    else if (extra.length)
      out.push({ path: [...path, 'enum'], message: `unknown value(s) ${extra.join(', ')}; known: ${contract.enum.join(', ')}` });
  }
  for (const [name, c] of Object.entries(contract.properties ?? {})) {
    const mine = s.properties?.[name];
    if (!mine || !(s.required ?? []).includes(name)) {
      out.push({
        path: [...path, 'properties'],
        message: `must have the required property '${name}' (${baseType(c)}): the pipeline reads it`,
      });
      continue;
    }
    out.push(...contractProblems(mine, c, [...path, 'properties', name]));
  }
  if (contract.items && s.items) out.push(...contractProblems(s.items, contract.items, [...path, 'items']));
  return out;
}
