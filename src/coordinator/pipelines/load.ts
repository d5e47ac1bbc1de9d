/**
 * Pipeline text → a loaded pipeline, or every problem with its file, path, line and column; never
 * half of one. Roles are resolved (inline, or `use: <role file>`), their blueprints validated as any
 * agent blueprint is, references and the pattern's rules checked, and every format the pipeline will
 * send (role outputs, a selector's or router's choice, the progress ledger) built and checked against
 * Ollama's grammar rules: a schema Ollama would refuse makes the pipeline invalid here, not at run time.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { AgentBlueprint } from '../../blueprints/index.ts';
import { grammarErrors, type LlmFormat } from '../../llm/index.ts';
import { canonicalJson } from '../journal.ts';
import { COMPANY_CONTRACTS } from './contracts.ts';
import { choiceSchema, progressLedgerSchema, runtimeFormat } from './formats.ts';
import { contractProblems, toZod, type JsonSchema } from './json-schema.ts';
import { COMPANY_ROLES, PipelineFileSchema, ROLE_EXTRAS, RoleExtras, type PatternName, type PipelineFile } from './schema.ts';
import { byPosition, issueAt, parseYaml, zodIssues, type ParsedYaml, type PipelineIssue } from './yaml.ts';

export interface PipelineRole {
  key: string;
  blueprint: AgentBlueprint;
  /** where it is defined */
  file: string;
  input?: { schema: JsonSchema; zod: z.ZodType };
  output?: LlmFormat;
  /** the declared output schema the format was built from */
  outputSchema?: JsonSchema;
  knowledge?: { topK: number; minScore: number };
  remember: boolean;
}

/** The exact texts a pipeline was loaded from: a project records them and runs from them to its end. */
export interface PipelineBundle {
  file: string;
  text: string;
  /** role files used (`roles/<name>.yaml` → text) */
  roles: Record<string, string>;
}

export interface Pipeline {
  name: string;
  pattern: PatternName;
  description: string;
  spec: PipelineFile;
  roles: Map<string, PipelineRole>;
  /** the agents @mentions and routing address, in the pipeline's order */
  participants: string[];
  formats: { selector?: LlmFormat; router?: LlmFormat; progress?: LlmFormat };
  bundle: PipelineBundle;
  /** sha256 of the bundle */
  digest: string;
}

export type PipelineLoad = { ok: true; pipeline: Pipeline } | { ok: false; issues: PipelineIssue[] };

export const bundleDigest = (b: PipelineBundle): string => createHash('sha256').update(canonicalJson(b)).digest('hex');

const split = (v: Record<string, unknown>) => {
  const extras: Record<string, unknown> = {};
  const bp: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) ((ROLE_EXTRAS as readonly string[]).includes(k) ? extras : bp)[k] = x;
  return { extras, bp };
};

/**
 * Loads one pipeline. `expectedName`: the file's base name, which `name:` must equal. `readRole`
 * gives the text of `roles/<name>.yaml` (from disk, or from a project's recorded bundle).
 */
export function loadPipeline(
  file: string,
  text: string,
  readRole: (name: string) => string | undefined,
  expectedName?: string,
): PipelineLoad {
  const parsed = parseYaml(file, text);
  if (Array.isArray(parsed)) return { ok: false, issues: parsed };
  const r = PipelineFileSchema.safeParse(parsed.data);
  if (!r.success) return { ok: false, issues: byPosition(zodIssues(parsed, r.error)) };
  const spec = r.data;
  const issues: PipelineIssue[] = [];
  if (expectedName !== undefined && spec.name !== expectedName)
    issues.push(issueAt(parsed, ['name'], `name '${spec.name}' does not match the file name '${expectedName}'`));
  const bundle: PipelineBundle = { file, text, roles: {} };
  const roles = new Map<string, PipelineRole>();
  for (const [key, value] of Object.entries(spec.roles)) {
    const role = resolveRole(parsed, key, value, readRole, bundle, issues);
    if (role) roles.set(key, role);
  }
  const participants = checkPattern(parsed, spec, roles, issues);
  const formats = issues.length ? {} : buildFormats(parsed, spec, participants, issues);
  if (issues.length) return { ok: false, issues: byPosition(issues) };
  const pipeline: Pipeline = {
    name: spec.name,
    pattern: spec.pattern,
    description: spec.description,
    spec,
    roles,
    participants,
    formats,
    bundle,
    digest: bundleDigest(bundle),
  };
  return { ok: true, pipeline };
}

interface Located {
  p: ParsedYaml;
  at: PropertyKey[];
}

function resolveRole(
  parsed: ParsedYaml,
  key: string,
  value: Record<string, unknown>,
  readRole: (name: string) => string | undefined,
  bundle: PipelineBundle,
  issues: PipelineIssue[],
): PipelineRole | undefined {
  const here: Located = { p: parsed, at: ['roles', key] };
  const own = split(value);
  let bp = own.bp;
  let bpAt = here;
  let outputAt: Located = here;
  const before = issues.length;
  const extrasOf = (raw: Record<string, unknown>, at: Located): RoleExtras | undefined => {
    const x = RoleExtras.partial().safeParse(raw);
    if (x.success) return x.data as RoleExtras;
    issues.push(...zodIssues(at.p, x.error, at.at));
    return undefined;
  };
  let extras = extrasOf(own.extras, here);
  if (typeof own.extras.use === 'string') {
    const name = own.extras.use;
    for (const k of Object.keys(own.bp))
      issues.push(
        issueAt(parsed, ['roles', key, k], `unknown key '${k}': a role with 'use' takes only ${ROLE_EXTRAS.join(', ')} here`, true),
      );
    const roleFile = `roles/${name}.yaml`;
    const roleText = readRole(name);
    if (roleText === undefined) {
      issues.push(issueAt(parsed, ['roles', key, 'use'], `no role file ${roleFile}`));
      return undefined;
    }
    bundle.roles[name] = roleText;
    const rp = parseYaml(roleFile, roleText);
    if (Array.isArray(rp)) {
      issues.push(...rp);
      return undefined;
    }
    const fromFile = split(rp.data as Record<string, unknown>);
    if ('use' in fromFile.extras) issues.push(issueAt(rp, ['use'], "a role file cannot 'use' another", true));
    bp = fromFile.bp;
    bpAt = { p: rp, at: [] };
    if (!('output' in own.extras)) outputAt = { p: rp, at: [] };
    const base = extrasOf(fromFile.extras, bpAt);
    const defined = Object.fromEntries(Object.entries(extras ?? {}).filter(([k, v]) => v !== undefined && k in own.extras));
    extras = base && extras ? { ...base, ...defined } : undefined;
  }
  const b = AgentBlueprint.safeParse(bp);
  if (!b.success) issues.push(...zodIssues(bpAt.p, b.error, bpAt.at));
  const x = extras ? RoleExtras.safeParse(extras) : undefined;
  if (!b.success || !x?.success || issues.length > before) return undefined;
  const role: PipelineRole = { key, blueprint: b.data, file: bpAt.p.file, remember: x.data.remember };
  if (x.data.input) role.input = { schema: x.data.input, zod: toZod(x.data.input) };
  if (x.data.knowledge) role.knowledge = x.data.knowledge;
  if (x.data.output) {
    const fmt = runtimeFormat(`pipeline:${parsed.file}:${key}`, x.data.output, outputAt.p.file);
    for (const g of grammarErrors(fmt.json))
      issues.push(issueAt(outputAt.p, [...outputAt.at, 'output'], `Ollama would refuse this schema as format (${g.path}: ${g.message})`));
    role.output = fmt;
    role.outputSchema = x.data.output;
  }
  return role;
}

/** References, the pattern's own rules and the company's role contracts; returns the participants. */
function checkPattern(p: ParsedYaml, spec: PipelineFile, roles: Map<string, PipelineRole>, issues: PipelineIssue[]): string[] {
  const defined = new Set(Object.keys(spec.roles));
  const used = new Set<string>();
  const ref = (name: string, at: PropertyKey[]) => {
    used.add(name);
    if (!defined.has(name)) issues.push(issueAt(p, at, `no role '${name}' in roles (known: ${[...defined].join(', ') || 'none'})`));
  };
  const refs = (names: string[], at: PropertyKey[]) => names.forEach((n, i) => ref(n, [...at, i]));
  let participants: string[] = [];
  switch (spec.pattern) {
    case 'seed004':
      break;
    case 'sequential':
      refs(spec.steps, ['steps']);
      participants = [...new Set(spec.steps)];
      break;
    case 'concurrent':
      refs(spec.agents, ['agents']);
      ref(spec.aggregator, ['aggregator']);
      participants = [...new Set([...spec.agents, spec.aggregator])];
      break;
    case 'group-chat':
      refs(spec.members, ['members']);
      if (spec.selector) ref(spec.selector, ['selector']);
      if (spec.summarizer) ref(spec.summarizer, ['summarizer']);
      if (spec.speaker === 'selector' && !spec.selector) issues.push(issueAt(p, ['speaker'], "speaker 'selector' needs a 'selector' role"));
      participants = [...new Set(spec.members)];
      break;
    case 'handoff':
      refs(spec.agents, ['agents']);
      if (spec.entry !== 'route') ref(spec.entry, ['entry']);
      for (const [from, targets] of Object.entries(spec.handoffs)) {
        if (!spec.agents.includes(from)) issues.push(issueAt(p, ['handoffs', from], `'${from}' is not one of the agents`, true));
        targets.forEach((t, i) => {
          if (!spec.agents.includes(t)) issues.push(issueAt(p, ['handoffs', from, i], `'${t}' is not one of the agents`));
          if (t === from) issues.push(issueAt(p, ['handoffs', from, i], 'an agent cannot transfer to itself'));
        });
      }
      participants = [...new Set(spec.agents)];
      break;
    case 'magentic':
      ref(spec.orchestrator, ['orchestrator']);
      refs(spec.agents, ['agents']);
      if (spec.agents.includes(spec.orchestrator)) issues.push(issueAt(p, ['orchestrator'], 'the orchestrator is not one of the agents'));
      participants = [...new Set(spec.agents)];
      break;
    case 'company':
      for (const name of COMPANY_ROLES) {
        used.add(name);
        const role = roles.get(name);
        if (!defined.has(name)) {
          issues.push(issueAt(p, ['roles'], `the company needs the role '${name}'`, true));
          continue;
        }
        const schema = role?.outputSchema;
        if (role && !schema) issues.push(issueAt(p, ['roles', name], `the role '${name}' needs an output schema`, true));
        if (role && schema) contractIssues(p, name, role, schema, issues);
      }
      participants = [...COMPANY_ROLES];
      break;
  }
  for (const k of defined) if (!used.has(k)) issues.push(issueAt(p, ['roles', k], `the role '${k}' is not used by the pattern`, true));
  return participants;
}

function contractIssues(p: ParsedYaml, name: string, role: PipelineRole, schema: JsonSchema, issues: PipelineIssue[]): void {
  const inFile = role.file !== p.file;
  for (const c of contractProblems(schema, COMPANY_CONTRACTS[name]!)) {
    const path = inFile ? ['output', ...c.path] : ['roles', name, 'output', ...c.path];
    issues.push(
      inFile
        ? { ...issueAt(p, ['roles', name, 'use'], `${role.file}: output.${c.path.join('.')}: ${c.message}`), file: p.file }
        : issueAt(p, path, c.message),
    );
  }
}

function buildFormats(p: ParsedYaml, spec: PipelineFile, participants: string[], issues: PipelineIssue[]): Pipeline['formats'] {
  const out: Pipeline['formats'] = {};
  const check = (f: LlmFormat, at: PropertyKey[]) => {
    for (const g of grammarErrors(f.json))
      issues.push(issueAt(p, at, `Ollama would refuse the format built here (${g.path}: ${g.message})`));
    return f;
  };
  const routable = ['group-chat', 'handoff', 'magentic'].includes(spec.pattern);
  if (routable && participants.length)
    out.router = check(runtimeFormat(`pipeline:${p.file}:router`, choiceSchema('agent', participants), p.file), ['pattern']);
  if (spec.pattern === 'group-chat' && spec.selector)
    out.selector = check(runtimeFormat(`pipeline:${p.file}:selector`, choiceSchema('speaker', spec.members), p.file), ['selector']);
  if (spec.pattern === 'magentic')
    out.progress = check(runtimeFormat(`pipeline:${p.file}:progress`, progressLedgerSchema(spec.agents), p.file), ['agents']);
  return out;
}
