/**
 * The contexts the tool templates render with: `tool-generator.md`, `tool-repair.md` and the code
 * skeletons. The variable names the templates use are defined here, next to nothing else.
 */
import { applyDefaults, inputArgs } from '../blueprints/input.ts';
import type { Expectation, ToolBlueprint, ToolLanguage } from '../blueprints/tool.ts';
import type { Policy } from '../policy/schema.ts';
import { renderTemplate } from './load.ts';

const LANGUAGE = {
  python: {
    label: 'Python 3',
    fence: 'python',
    skeleton: 'python-tool.py.tmpl',
    inputConvention:
      'the input object, defaults applied, arrives as one line of JSON on stdin (`json.load(sys.stdin)`); the same values also arrive as command-line arguments in the order listed (`sys.argv[1:]`, all strings).',
  },
  shell: {
    label: 'Bash',
    fence: 'bash',
    skeleton: 'shell-tool.sh.tmpl',
    inputConvention:
      'the values arrive as command-line arguments in the order listed (`"$1"`, `"$2"`, …; lists and dicts as JSON text, an absent optional value as an empty string); the whole input object, defaults applied, also arrives as one line of JSON on stdin.',
  },
  javascript: {
    label: 'JavaScript',
    fence: 'javascript',
    skeleton: 'javascript-tool.js.tmpl',
    inputConvention:
      'the input object, defaults applied, is the global `input`; the same values are in the global `args` (strings, in the order listed) and the raw JSON text is the global `stdin`. Print the result with `console.log`.',
  },
} as const satisfies Record<ToolLanguage, { label: string; fence: string; skeleton: string; inputConvention: string }>;

/** Collapse whitespace so a text fits on one line (comments in code skeletons). */
export function oneLine(s: string | undefined, max = 160): string {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

const list = (xs: readonly string[]) => (xs.length > 0 ? xs.join(', ') : '(none)');
const SAFE_SHELL_DEFAULT = /^[A-Za-z0-9_.,:/@+-]*$/;

function params(bp: ToolBlueprint) {
  return bp.inputSpec.map((p, i) => {
    const hasDefault = p.default !== undefined;
    const present = p.required || hasDefault;
    const n = i + 1;
    const shDefault = hasDefault && typeof p.default !== 'object' && SAFE_SHELL_DEFAULT.test(String(p.default)) ? String(p.default) : null;
    return {
      position: n,
      name: p.name,
      type: p.type,
      required: p.required && !hasDefault,
      hasDefault,
      defaultJson: hasDefault ? JSON.stringify(p.default) : '',
      summary: oneLine(p.description),
      pyRead: present ? `params["${p.name}"]` : `params.get("${p.name}")`,
      shRead: p.required && !hasDefault ? `"\${${n}:?missing ${p.name}}"` : shDefault !== null ? `"\${${n}:-${shDefault}}"` : `"\${${n}:-}"`,
    };
  });
}

function output(bp: ToolBlueprint) {
  const schema = Object.entries(bp.outputSpec.schema ?? {}).map(([field, type]) => ({ field, type }));
  return {
    format: bp.outputSpec.format,
    isJson: bp.outputSpec.format === 'json',
    hasSchema: schema.length > 0,
    schema,
    fieldList: schema.map((s) => `\`${s.field}\``).join(', '),
    description: bp.outputSpec.description ?? null,
  };
}

/**
 * Allowed members of a partially allowed module as the prompt lists them. Large libraries (numpy and
 * pandas allow hundreds of members) would crowd the model's context, so long lists are summarized: the
 * checker's findings name any member that is not allowed, and the repair prompt sends them back.
 */
const MAX_LISTED_MEMBERS = 40;
function memberList(attrs: readonly string[]): string {
  if (attrs.length <= MAX_LISTED_MEMBERS) return list(attrs);
  return `its public, documented API (${attrs.length} members are allowed; private members, pickles and C interfaces are not)`;
}

/** What the generating model is told about the policy. */
export function policyContext(policy: Policy) {
  const py = policy.python;
  return {
    name: policy.name,
    python: {
      modules: list(py.allowedModules),
      partial: Object.entries(py.partialModules).map(([module, attrs]) => ({ module, attributes: memberList(attrs) })),
      forbiddenCallables: list(py.forbiddenCallables),
    },
    shell: { commands: list(policy.shell.allowedCommands), forbiddenCommands: list(policy.shell.forbiddenCommands) },
    javascript: { forbiddenGlobals: list(policy.javascript.forbiddenGlobals) },
    paths: { readOnly: list(policy.paths.readOnly), readWrite: list(policy.paths.readWrite) },
    network: policy.network.allowOutbound ? `only ${list(policy.network.allowedHosts)}` : 'none (every network access is blocked)',
    limits: { seconds: policy.limits.maxExecutionSeconds, memoryMb: policy.limits.maxMemoryMb, outputKb: policy.limits.maxOutputKb },
  };
}

/** One expectation in words, for a prompt. */
export function describeExpectation(e: Expectation): string {
  const parts: string[] = [e.status === 'failed' ? 'the run fails (non-zero exit)' : 'exit status 0'];
  if (e.json !== undefined) parts.push(`stdout is exactly the JSON \`${JSON.stringify(e.json)}\``);
  if (e.jsonSubset !== undefined) parts.push(`the JSON output contains \`${JSON.stringify(e.jsonSubset)}\` (lists in any order)`);
  if (e.keys?.length) parts.push(`top-level keys ${e.keys.map((k) => `\`${k}\``).join(', ')}`);
  if (e.stdoutContains?.length) parts.push(`stdout contains ${e.stdoutContains.map((s) => JSON.stringify(s)).join(', ')}`);
  return parts.join('; ');
}

function argsText(bp: ToolBlueprint, input: Record<string, unknown>): string {
  const args = inputArgs(bp, input);
  return args.length > 0 ? args.map((a) => `\`${JSON.stringify(a)}\``).join(' ') : '(none)';
}

/** The part of every tool template's context that describes the blueprint. */
export function toolSpecContext(bp: ToolBlueprint, policy: Policy) {
  const ps = params(bp);
  const lang = LANGUAGE[bp.language];
  return {
    tool: { name: bp.name, description: oneLine(bp.description, 400), purpose: bp.purpose.trim() },
    language: {
      ...lang,
      python: bp.language === 'python',
      shell: bp.language === 'shell',
      javascript: bp.language === 'javascript',
    },
    params: ps,
    hasParams: ps.length > 0,
    argList: ps.map((p) => `$${p.position}=${p.name}`).join(', '),
    output: output(bp),
    constraints: bp.constraints,
    hasConstraints: bp.constraints.length > 0,
    dependencies: bp.dependencies,
    hasDependencies: bp.dependencies.length > 0,
    sampleData: bp.sampleData !== undefined,
    examples: bp.examples.map((ex) => ({
      name: ex.name,
      description: ex.description ?? null,
      inputJson: JSON.stringify(applyDefaults(bp, ex.input)),
      argsText: argsText(bp, ex.input),
      expectText: describeExpectation(ex.expect),
    })),
    hasExamples: bp.examples.length > 0,
    policy: policyContext(policy),
  };
}

/** The code skeleton for the blueprint's language, rendered. */
export function renderSkeleton(bp: ToolBlueprint, policy: Policy): string {
  return renderTemplate(LANGUAGE[bp.language].skeleton, toolSpecContext(bp, policy)).trimEnd();
}

/** Context for `tool-generator.md`. */
export function toolGeneratorContext(bp: ToolBlueprint, policy: Policy) {
  return { ...toolSpecContext(bp, policy), skeleton: renderSkeleton(bp, policy) };
}

/** One example that failed its probe run, as the repair prompt shows it. */
export interface ProbeFailureInput {
  example: string;
  input: Record<string, unknown>;
  /** the sandbox run status (ok, failed, timeout, …) */
  status: string;
  stderr?: string;
  failures: { check: string; path: string; message: string; expected?: unknown; actual?: unknown }[];
}
/** One checker finding, as the repair prompt shows it (the checker's Finding fits). */
export interface FindingInput {
  rule: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  snippet: string;
  suggestion: string;
}
export interface RepairInput {
  draft: string;
  /** the attempt the repaired script will be (2 for the first repair) */
  attempt: number;
  findings?: readonly FindingInput[];
  probeFailures?: readonly ProbeFailureInput[];
}

const shortJson = (v: unknown, max = 600) => {
  const s = v === undefined ? 'undefined' : JSON.stringify(v) ?? String(v);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
};
const tail = (s: string | undefined, lines = 15) => (s ?? '').trimEnd().split('\n').slice(-lines).join('\n');

/** Context for `tool-repair.md`. */
export function toolRepairContext(bp: ToolBlueprint, policy: Policy, repair: RepairInput) {
  const findings = (repair.findings ?? []).map((f) => ({ ...f, snippet: oneLine(f.snippet, 160) }));
  const probeFailures = (repair.probeFailures ?? []).map((p) => ({
    example: p.example,
    inputJson: JSON.stringify(applyDefaults(bp, p.input)),
    argsText: argsText(bp, p.input),
    status: p.status,
    stderr: tail(p.stderr) || null,
    failures: p.failures.map((f) => ({
      check: f.check,
      path: f.path,
      message: f.message,
      hasExpected: f.expected !== undefined,
      expected: shortJson(f.expected),
      hasActual: f.actual !== undefined,
      actual: shortJson(f.actual),
    })),
  }));
  return {
    ...toolSpecContext(bp, policy),
    draft: repair.draft.trimEnd(),
    attempt: repair.attempt,
    findings,
    hasFindings: findings.length > 0,
    probeFailures,
    hasProbeFailures: probeFailures.length > 0,
  };
}
