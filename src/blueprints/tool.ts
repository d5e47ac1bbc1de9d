/**
 * ToolBlueprint (seed 004 §2.3): a script the factory generates (or a person wrote: `source`), what it
 * takes and prints, and the examples that probe it in the sandbox before it is registered.
 */
import { z } from 'zod';
import { PolicyName } from '../policy/schema.ts';
import { BlueprintName, jsonBytes, LIMITS, ModelName, OutputSpec, text, textList, TtlSeconds } from './common.ts';
import { checkToolInput, PARAM_TYPES, paramTypeIssue } from './input.ts';

export const TOOL_LANGUAGES = ['python', 'shell', 'javascript'] as const;
export const ToolLanguage = z.enum(TOOL_LANGUAGES);
export type ToolLanguage = z.infer<typeof ToolLanguage>;

export const ParamType = z.enum(PARAM_TYPES);
export type ParamType = z.infer<typeof ParamType>;

/** One input parameter (seed 004 ParameterSpec). */
export const ParameterSpec = z.strictObject({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'must be an identifier such as log_dir'),
  type: ParamType,
  description: text(LIMITS.description).optional(),
  required: z.boolean().default(true),
  /** used when the input leaves the parameter out; must be of `type` */
  default: z.unknown().optional(),
});
export type ParameterSpec = z.infer<typeof ParameterSpec>;

/**
 * What an example run must produce. `status` ok means exit code 0, failed a non-zero exit. `json` is
 * compared deep-equal with the parsed stdout, `jsonSubset` must be contained in it (objects: the
 * listed keys match recursively, extra keys allowed; arrays: every listed element matches a distinct
 * element, in any order), `keys` must all be top-level keys of the JSON output, and every
 * `stdoutContains` string must occur in stdout. Numbers compare with a relative tolerance of 1e-9.
 */
export const Expectation = z.strictObject({
  status: z.enum(['ok', 'failed']).default('ok'),
  json: z.unknown().optional(),
  jsonSubset: z.unknown().optional(),
  stdoutContains: z.array(z.string().min(1).max(4096)).max(50).optional(),
  keys: z.array(z.string().min(1).max(256)).max(LIMITS.schemaFields).optional(),
});
export type Expectation = z.infer<typeof Expectation>;

export const Example = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'must be 1-64 characters of a-z, 0-9, _ and -'),
  description: text(LIMITS.description).optional(),
  /** the tool's input: keys from inputSpec */
  input: z.record(z.string(), z.unknown()).default({}),
  expect: Expectation.prefault({}),
});
export type Example = z.infer<typeof Example>;

/** Names the sandbox sets itself or that change how an interpreter or the loader starts. */
const RESERVED_ENV = new Set([
  'PATH',
  'HOME',
  'SHELL',
  'IFS',
  'ENV',
  'BASH_ENV',
  'SHELLOPTS',
  'BASHOPTS',
  'CDPATH',
  'GLOBIGNORE',
  'PS4',
  'PROMPT_COMMAND',
  'GCONV_PATH',
  'LOCPATH',
  'NLSPATH',
  'HOSTALIASES',
  'GLIBC_TUNABLES',
  'TMPDIR',
  'USER',
  'PWD',
  'OLDPWD',
]);
const RESERVED_ENV_PREFIX = /^(LD_|DYLD_|PYTHON|NODE_|NPM_|PERL|RUBY|BASH_FUNC_|MALLOC_|DOCKER_|FACTORY_)/;
export const EnvName = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{0,63}$/, 'must be an UPPER_CASE name such as REPORT_TITLE')
  .refine(
    (n) => !RESERVED_ENV.has(n) && !RESERVED_ENV_PREFIX.test(n),
    'is reserved: the sandbox sets it, or it changes how interpreters start',
  );

/** A folder below `blueprints/data/`: relative, `/`-separated, no `..`, no hidden segments. */
export const SAMPLE_DATA_RE = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}(\/[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}){0,7}$/;
export const SampleData = z
  .string()
  .regex(SAMPLE_DATA_RE, 'must be a relative folder below blueprints/data such as csv (no .., no leading / or .)');

export const ToolBlueprint = z
  .strictObject({
    name: BlueprintName,
    description: text(LIMITS.description),
    language: ToolLanguage,
    purpose: text(LIMITS.purpose),
    inputSpec: z.array(ParameterSpec).max(LIMITS.params).default([]),
    outputSpec: OutputSpec,
    constraints: textList(LIMITS.constraint).default([]),
    /** Python modules or shell commands the tool needs (checked against the policy) */
    dependencies: textList(LIMITS.shortText).default([]),
    /** the policy the tool is checked and run under */
    policy: PolicyName.default('default'),
    /** a tool written by a person: skips generation, never the checks or the probe */
    source: z
      .string()
      .refine((s) => s.trim().length > 0, 'must not be empty')
      .refine((s) => Buffer.byteLength(s, 'utf8') <= LIMITS.sourceBytes, `must be at most ${LIMITS.sourceBytes} bytes`)
      .optional(),
    examples: z.array(Example).max(LIMITS.examples).default([]),
    /** temporary tools expire this many seconds after registration */
    ttlSeconds: TtlSeconds.optional(),
    /** the only environment variables the sandbox gets */
    env: z
      .record(
        EnvName,
        z
          .string()
          .max(LIMITS.envValue)
          .refine((v) => !v.includes('\0'), 'must not contain NUL'),
      )
      .refine((r) => Object.keys(r).length <= LIMITS.envVars, `must have at most ${LIMITS.envVars} variables`)
      .optional(),
    /** a folder under blueprints/data mounted read-only at /data when the examples run */
    sampleData: SampleData.optional(),
    /** the Ollama model that generates the source; when absent the configuration decides */
    model: ModelName.optional(),
  })
  .superRefine((bp, ctx) => {
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });

    const seenParams = new Set<string>();
    bp.inputSpec.forEach((p, i) => {
      if (seenParams.has(p.name)) issue(['inputSpec', i, 'name'], `parameter '${p.name}' is declared twice`);
      seenParams.add(p.name);
      if (p.default !== undefined) {
        const why = paramTypeIssue(p.type, p.default);
        if (why !== null) issue(['inputSpec', i, 'default'], `the default ${why} (type ${p.type})`);
      }
    });

    if (bp.source === undefined && bp.examples.length === 0) {
      issue(['examples'], 'a tool without source is generated and needs at least one example to probe it');
    }
    if (bp.language === 'javascript' && bp.sampleData !== undefined) {
      issue(['sampleData'], 'javascript tools run in an isolate without a file system: sampleData is not available');
    }

    const isJson = bp.outputSpec.format === 'json';
    const schemaKeys = bp.outputSpec.schema ? new Set(Object.keys(bp.outputSpec.schema)) : null;
    const seenExamples = new Set<string>();
    bp.examples.forEach((ex, i) => {
      const at = ['examples', i];
      if (seenExamples.has(ex.name)) issue([...at, 'name'], `example '${ex.name}' is defined twice`);
      seenExamples.add(ex.name);
      if (jsonBytes(ex.input) > LIMITS.exampleInputBytes)
        issue([...at, 'input'], `must be at most ${LIMITS.exampleInputBytes} bytes as JSON`);
      for (const p of checkToolInput(bp.inputSpec, ex.input)) issue([...at, 'input', ...p.path], p.message);
      const e = ex.expect;
      for (const key of ['json', 'jsonSubset', 'keys'] as const) {
        if (e[key] !== undefined && !isJson) issue([...at, 'expect', key], `needs outputSpec.format json (it is ${bp.outputSpec.format})`);
        if (key !== 'keys' && e[key] !== undefined && jsonBytes(e[key]) > LIMITS.expectationBytes) {
          issue([...at, 'expect', key], `must be at most ${LIMITS.expectationBytes} bytes as JSON`);
        }
      }
      if (e.json !== undefined && e.jsonSubset !== undefined)
        issue([...at, 'expect', 'jsonSubset'], 'use either json or jsonSubset, not both');
      if (schemaKeys && e.keys) {
        e.keys.forEach((k, j) => {
          if (!schemaKeys.has(k)) issue([...at, 'expect', 'keys', j], `'${k}' is not a field of outputSpec.schema`);
        });
      }
    });
  });
export type ToolBlueprint = z.infer<typeof ToolBlueprint>;
/** A tool blueprint as written (defaults not yet applied). */
export type ToolBlueprintInput = z.input<typeof ToolBlueprint>;
