/**
 * The policy model. These zod schemas are the single source of truth: `PolicyFile` is a policy as
 * written on disk (every section optional, may `extends` another policy), `Policy` is a resolved policy
 * (the whole `extends` chain merged, every field present). Objects are strict, so a typo in a key is
 * an error rather than a silently ignored setting.
 */
import path from 'node:path';
import { z } from 'zod';

/** Policy names double as file names: 1-64 characters of a-z, 0-9, - and _, never a path. */
export const POLICY_NAME_RE = /^[a-z0-9][a-z0-9_-]{0,63}$/;
export const PolicyName = z.string().regex(POLICY_NAME_RE, 'must be 1-64 characters of a-z, 0-9, - and _, starting with a letter or digit');

const DOTTED_RE = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const IDENT_RE = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** Shell command names: a bare name (no directory), including the builtins `[`, `[[` and `:`. */
const COMMAND_RE = /^(?:\[|\[\[|:|\.|[A-Za-z0-9_][A-Za-z0-9_.+-]{0,63})$/;

export const ModuleName = z.string().regex(DOTTED_RE, 'must be a dotted Python module name such as os.path');
export const CallableName = z.string().regex(DOTTED_RE, 'must be a builtin name (eval) or a dotted name (os.system)');
export const AttributeName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a Python identifier');
export const CommandName = z.string().regex(COMMAND_RE, 'must be a bare command name without a directory, such as grep');
export const JsIdentifier = z.string().regex(IDENT_RE, 'must be a JavaScript identifier');

/**
 * One allowed option of a shell command, as a man page writes it: a flag (`-n`, `--numeric-sort`,
 * find's `-print`), an option with values (`-k <value>`, `-o <output>`, `--rawfile <value> <file>`),
 * with an optional attached value (`--color[=<value>]`, `-I[<value>]`), or `-NUM` (`head -20`).
 * Value kinds: `<value>` any text, `<file>` a path read, `<output>` a path written, `<program>` a
 * command run (judged like any other command).
 */
export const OPTION_KINDS = ['value', 'file', 'output', 'program'] as const;
const KIND = `<(?:${OPTION_KINDS.join('|')})>`;
export const SHELL_OPTION_RE = new RegExp(`^(?:-NUM|(?:-[A-Za-z0-9?]|--?[A-Za-z0-9][A-Za-z0-9_-]+)(?:(?: ${KIND})+|\\[=?${KIND}\\])?)$`);
export const ShellOption = z
  .string()
  .regex(SHELL_OPTION_RE, 'must be an option such as -n, --numeric-sort, -k <value>, -o <output>, --color[=<value>] or -NUM');

/** True for an absolute, normalized POSIX path: `/`, `/data`, `/a/b` (no `..`, `.`, `//` or trailing `/`). */
export function isAbsoluteNormalizedPath(p: string): boolean {
  return p.startsWith('/') && !p.includes('\0') && path.posix.normalize(p) === p && (p === '/' || !p.endsWith('/'));
}
export const AbsolutePath = z
  .string()
  .max(4096)
  .refine(isAbsoluteNormalizedPath, 'must be an absolute normalized path such as /data (no .., //, . or trailing /)');

const HOST_RE = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:\d{1,5})?$/i;
/** A host name (`api.example.com`), a wildcard (`*.example.com`), an IP literal, or a URL prefix (`https://api.example.com/v1/`). */
export function isHostOrUrl(s: string): boolean {
  if (/^https?:\/\//i.test(s)) {
    try {
      return new URL(s).hostname !== '';
    } catch {
      return false;
    }
  }
  return HOST_RE.test(s) || /^\[[0-9a-f:.]+\](:\d{1,5})?$/i.test(s);
}
export const HostPattern = z.string().max(2048).refine(isHostOrUrl, 'must be a host name, *.domain, IP address or http(s) URL prefix');

const list = <T extends z.ZodType>(item: T) => z.array(item).max(2000);

export const ShellSection = z.strictObject({
  allowedCommands: list(CommandName),
  forbiddenCommands: list(CommandName),
  /** command → the only options it may be called with (a command without an entry takes none). */
  allowedOptions: z.record(CommandName, list(ShellOption)),
});
export const PythonSection = z.strictObject({
  allowedModules: list(ModuleName),
  /** module → the only attributes of it that may be used; the module itself may be imported. */
  partialModules: z.record(ModuleName, list(AttributeName)),
  forbiddenModules: list(ModuleName),
  forbiddenCallables: list(CallableName),
});
export const JavascriptSection = z.strictObject({
  forbiddenGlobals: list(JsIdentifier),
});
export const LimitsSection = z.strictObject({
  maxExecutionSeconds: z.number().int().min(1).max(86_400),
  maxMemoryMb: z.number().int().min(16).max(262_144),
  maxFileSizeMb: z.number().int().min(1).max(102_400),
  maxOutputKb: z.number().int().min(1).max(1_048_576),
  maxProcesses: z.number().int().min(1).max(32_768),
  maxOpenFiles: z.number().int().min(16).max(1_048_576),
  cpus: z.number().min(0.05).max(256),
});
export const PathsSection = z.strictObject({
  readOnly: list(AbsolutePath),
  readWrite: list(AbsolutePath),
});
export const NetworkSection = z.strictObject({
  allowOutbound: z.boolean(),
  allowedHosts: list(HostPattern),
});

/** Every field a resolved policy carries. */
const sections = {
  shell: ShellSection,
  python: PythonSection,
  javascript: JavascriptSection,
  limits: LimitsSection,
  paths: PathsSection,
  network: NetworkSection,
} as const;

/** A policy file as written: every section and field optional, `extends` names a parent policy. */
export const PolicyFileSchema = z.strictObject({
  name: PolicyName.optional(),
  description: z.string().max(4000).optional(),
  extends: PolicyName.nullable().optional(),
  shell: sections.shell.partial().optional(),
  python: sections.python.partial().optional(),
  javascript: sections.javascript.partial().optional(),
  limits: sections.limits.partial().optional(),
  paths: sections.paths.partial().optional(),
  network: sections.network.partial().optional(),
});
export type PolicyFile = z.infer<typeof PolicyFileSchema>;

/** A resolved policy: the `extends` chain merged (`lineage` lists it, root first, this policy last). */
export const PolicySchema = z.strictObject({
  name: PolicyName,
  description: z.string(),
  extends: PolicyName.nullable(),
  lineage: z.array(PolicyName).min(1),
  ...sections,
});
export type Policy = z.infer<typeof PolicySchema>;
export type PolicyLimits = z.infer<typeof LimitsSection>;

/** What a root policy (one without `extends`) starts from: nothing allowed, the seed's limits. */
export const BASE_POLICY: Omit<Policy, 'name' | 'lineage' | 'extends'> = {
  description: '',
  shell: { allowedCommands: [], forbiddenCommands: [], allowedOptions: {} },
  python: { allowedModules: [], partialModules: {}, forbiddenModules: [], forbiddenCallables: [] },
  javascript: { forbiddenGlobals: [] },
  limits: {
    maxExecutionSeconds: 300,
    maxMemoryMb: 512,
    maxFileSizeMb: 50,
    maxOutputKb: 1024,
    maxProcesses: 64,
    maxOpenFiles: 256,
    cpus: 1,
  },
  paths: { readOnly: [], readWrite: [] },
  network: { allowOutbound: false, allowedHosts: [] },
};

/** One validation problem, by dotted path, with the source position when it is known (1-based). */
export const PolicyIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
});
export type PolicyIssue = z.infer<typeof PolicyIssueSchema>;
