/**
 * Every rule id the checker can report, with its default severity, a one-line summary (the README
 * table is generated from the same words) and a default suggestion. Rule ids are a public contract:
 * never rename one, only add.
 */
import type { Severity } from './types.ts';

interface RuleSpec {
  severity: Severity;
  summary: string;
  suggestion: string;
}

const r = (severity: Severity, summary: string, suggestion: string): RuleSpec => ({ severity, summary, suggestion });

const NO_NET = 'Work only on local input files; network access is not available to generated tools under this policy.';
const PATHS =
  'Read inputs from the allowed read-only paths (such as /data) and write only below /workspace or /tmp, using plain relative or literal paths.';

export const RULES = {
  // ---- Python
  'py.syntax': r(
    'major',
    'The source does not parse; code that does not parse never runs.',
    'Fix the syntax error at this position (Python 3 syntax).',
  ),
  'py.import.forbidden': r(
    'critical',
    'Import of a module the policy forbids.',
    'Remove the import and solve the task with the allowed modules (json, csv, re, pathlib, pandas …).',
  ),
  'py.import.not-allowed': r(
    'major',
    'Import of a module that is not on the policy allow-list.',
    'Use only modules on the policy allow-list.',
  ),
  'py.import.private': r(
    'critical',
    'Import of a private or native module (name starting with _).',
    'Use the public, allowed module instead.',
  ),
  'py.import.wildcard': r(
    'major',
    'Wildcard import from a module of which only some attributes are allowed.',
    'Import the allowed names explicitly: from os import path, getcwd.',
  ),
  'py.import.relative': r('major', 'Relative import; the imported file was never checked.', 'Put all code into the one checked script.'),
  'py.import.dynamic': r(
    'critical',
    'Dynamic import (__import__, importlib) with a name that is not a literal.',
    'Use a plain import statement of an allowed module.',
  ),
  'py.callable.forbidden': r(
    'critical',
    'Reference to a callable the policy forbids, under any name (alias, attribute, argument).',
    'Do not call or pass this function; use an allowed alternative.',
  ),
  'py.module.attribute-not-allowed': r(
    'major',
    'Use of an attribute outside the allowed slice of a partially allowed module (os, sys …).',
    'Use only the allowed attributes of this module (the policy lists them).',
  ),
  'py.module.reach-through': r(
    'critical',
    'A sensitive module reached through an attribute of an allowed module (random._os, warnings.sys …).',
    'Import what you need directly, if the policy allows it.',
  ),
  'py.module.escape': r(
    'major',
    'A module object used as a value (passed, stored, returned), so its later use cannot be checked.',
    "Call the module's functions directly (json.dumps(x)) instead of passing the module around.",
  ),
  'py.attribute.private': r('critical', 'Private attribute (_name) of a module.', "Use the module's public API."),
  'py.attribute.dangerous': r(
    'critical',
    'Attribute that exposes interpreter internals, native code or processes.',
    'Remove this attribute access.',
  ),
  'py.reflection.computed-name': r(
    'critical',
    'getattr/attrgetter with a name that is not a literal: the attribute cannot be checked.',
    'Access the attribute directly (obj.name) or look values up in a dict.',
  ),
  'py.reflection.indirect': r(
    'critical',
    'getattr/setattr/delattr used as a value (map, partial …).',
    'Call getattr directly with a literal attribute name, or use a dict.',
  ),
  'py.reflection.setattr-module': r(
    'critical',
    'setattr/delattr on a module or on builtins (monkey-patching the interpreter).',
    'Keep your own state in your own objects or dicts.',
  ),
  'py.reflection.type-call': r(
    'major',
    'type() with three arguments builds a class from a namespace that is not a literal dict with ordinary keys.',
    'Write a class statement.',
  ),
  'py.reflection.vars': r(
    'major',
    'vars() on a module, on builtins, or without argument.',
    'Use vars(obj) only on your own objects, or access names directly.',
  ),
  'py.dunder.attribute': r(
    'critical',
    'Dunder attribute outside the harmless set (__class__, __name__, __doc__, __init__ …): an object-graph walk.',
    'Remove the dunder access; use isinstance(), type(x).__name__ or ordinary attributes.',
  ),
  'py.dunder.name': r(
    'critical',
    'Use of an interpreter-internal dunder name (__builtins__, __loader__, __spec__ …).',
    'Remove it; use only ordinary, allowed functions.',
  ),
  'py.dunder.string': r(
    'critical',
    'A string that names an interpreter-internal dunder attribute, e.g. for getattr or a subscript.',
    'Remove the dunder lookup.',
  ),
  'py.dunder.format-string': r(
    'critical',
    "A str.format field that walks attributes ('{0.__class__…}').",
    "Format plain values: '{}'.format(value) or f-strings on your own variables.",
  ),
  'py.namespace.computed-key': r(
    'critical',
    'A namespace (vars(), __dict__, globals(), locals()) looked up with a key that is not a literal: the name it selects cannot be checked.',
    'Access attributes by name (obj.field), or keep your data in your own dict.',
  ),
  'py.namespace.class': r(
    'critical',
    'The namespace of a class or type (vars(C), C.__dict__, type(x).__dict__): it holds methods and descriptors such as __subclasses__.',
    'Use the class itself (C.attr) or dataclasses.fields(); do not read class namespaces.',
  ),
  'py.namespace.escape': r(
    'major',
    'A namespace of an object that may be a class or type is read in bulk (.items(), .values()), passed on, stored or returned.',
    'Use dataclasses.asdict(obj) or name the fields you need; print or json.dumps a namespace only.',
  ),
  'py.format.computed': r(
    'critical',
    "A format template that is not a literal (str.format/format_map, string.Formatter, a '{'-style logging format), or a Formatter field name that is not one: its fields can walk any attribute of the arguments.",
    'Use a literal template or an f-string over your own variables.',
  ),
  'py.frame.access': r(
    'critical',
    'Access to frames, tracebacks, code objects or generator frames (tb_frame, f_globals, gi_frame …).',
    'Do not inspect the interpreter; log the error message with str(e) instead.',
  ),
  'py.code.exec-statement': r('critical', 'Python 2 exec statement: code from data.', 'Remove it; write the code directly.'),
  'py.code.deserialize': r(
    'critical',
    'Deserialization that can run code (pickle, allow_pickle=True, read_pickle …).',
    'Use JSON, CSV or Parquet for data.',
  ),
  'py.code.dynamic-query': r(
    'major',
    'pandas eval/query (or another expression evaluator) with an expression that is not a literal, reaches interpreter internals or calls on @variables, the python engine, or * arguments.',
    'Use a literal expression and pass values as @variables (df.query("age > @min_age")), or plain indexing: df[df.col > 5].',
  ),
  'py.code.annotation': r(
    'critical',
    'A string annotation that is not a plain type expression: typing.get_type_hints and functools.singledispatch evaluate it as code.',
    'Write annotations as plain types (x: int, items: list[str]), or quote only a class name.',
  ),
  'py.library.config': r(
    'critical',
    'A library setting that imports a module or runs a program by name (pandas/matplotlib plotting backends, matplotlib animation writers, LaTeX, rc files) set to something the checker cannot judge.',
    'Leave the backend at its default (or a literal such as "Agg") and do not configure external programs.',
  ),
  'py.environ.dangerous': r(
    'critical',
    'Sets an environment variable that makes libraries or programs load code, configuration or other programs (PATH, LD_PRELOAD, PYTHONPATH, MPLBACKEND, MPLCONFIGDIR …), or one whose name is not a literal.',
    'Do not change the environment; pass settings as arguments.',
  ),
  'py.network.disabled': r('critical', 'Network request while the policy allows no outbound traffic.', NO_NET),
  'py.network.host-not-allowed': r(
    'critical',
    'Network request to a host that is not on the policy allow-list.',
    "Only request URLs whose host is listed in the policy's network.allowedHosts.",
  ),
  'py.network.url-unknown': r(
    'major',
    'Network request to a URL that is not a literal, so its host cannot be checked.',
    'Use a literal URL (or a literal prefix with the host) on the allow-list.',
  ),
  'py.network.metadata': r(
    'critical',
    'The cloud metadata address (169.254.169.254 and friends) appears in the code.',
    'Never contact the metadata service.',
  ),
  'py.path.outside': r('critical', 'Reads a path outside the allowed paths.', PATHS),
  'py.path.write-outside': r('critical', 'Writes a path that is not writable under the policy.', PATHS),
  'py.path.traversal': r(
    'critical',
    'A relative path with .. that climbs out of the working directory.',
    'Use paths below the working directory without ..',
  ),
  'py.path.symlink': r(
    'critical',
    'Creates a symbolic or hard link (its target can leave the allowed paths).',
    'Copy or read the data instead of linking it.',
  ),

  // ---- Shell
  'sh.syntax': r(
    'major',
    'The script does not parse; code that does not parse never runs.',
    'Fix the syntax error at this position (bash syntax).',
  ),
  'sh.command.forbidden': r(
    'critical',
    'A command the policy forbids (after quote removal, escapes and path stripping).',
    'Do not run this command; use the allowed text tools (grep, awk, sed, sort …).',
  ),
  'sh.command.not-allowed': r(
    'major',
    'A command that is not on the policy allow-list.',
    'Use only the commands on the policy allow-list.',
  ),
  'sh.command.dynamic': r(
    'critical',
    'A command name built from variables, expansions, command substitutions, globs or brace expansion.',
    'Write the command name literally; put variables only in argument positions.',
  ),
  'sh.command.path': r(
    'critical',
    'A command run from a path outside the system directories (./x, /tmp/ls).',
    'Run allowed commands by their plain name.',
  ),
  'sh.builtin.eval': r('critical', 'eval runs a string as code.', 'Write the command directly instead of building it as a string.'),
  'sh.builtin.source': r('critical', 'source / . runs a file or stdin that was not checked.', 'Put all code into the one checked script.'),
  'sh.builtin.dangerous': r(
    'critical',
    'A builtin that loads code, rebinds commands or runs callbacks (enable, hash -p, mapfile -C, bind -x, fc, coproc …).',
    'Remove it; plain commands and functions are enough.',
  ),
  'sh.wrapper.dynamic': r(
    'critical',
    'A wrapper (env, xargs, find -exec, timeout …) whose command cannot be determined.',
    'Give the wrapped command literally.',
  ),
  'sh.find.delete': r('critical', 'find -delete removes files.', 'List the files instead (find … -print).'),
  'sh.interpreter.dynamic': r(
    'critical',
    'An interpreter runs code that is not a literal string (sh -c "$x").',
    'Write the code directly in the script.',
  ),
  'sh.interpreter.unsupported': r(
    'critical',
    'Inline code for an interpreter the checker cannot parse (perl -e, ruby -e, node -e …).',
    'Use the allowed tools (awk, sed, jq) or a checked Python tool.',
  ),
  'sh.interpreter.script': r(
    'major',
    'An interpreter runs a script file that was not checked.',
    'Put the code into the checked script itself.',
  ),
  'sh.pipe-to-shell': r(
    'critical',
    'Code fed to a shell or interpreter on stdin (curl | sh, sh <<EOF, bash <(…), source /dev/stdin).',
    'Write the commands directly in the script.',
  ),
  'sh.hidden.trap': r(
    'critical',
    'trap with a handler that is not a literal string.',
    'Use a literal handler that only calls allowed commands, or none.',
  ),
  'sh.hidden.alias': r(
    'major',
    'alias definitions hide code in strings and rebind command names.',
    'Define a function with a distinct name instead.',
  ),
  'sh.hidden.env': r(
    'critical',
    'Assignment to a variable that makes the shell or other programs run code or find other commands (PROMPT_COMMAND, BASH_ENV, PATH, LD_PRELOAD, PS4 …).',
    'Use your own variable names.',
  ),
  'sh.hidden.function-shadow': r('major', 'A function redefines a command or builtin name.', 'Give your function a distinct name.'),
  'sh.hidden.code-string': r(
    'major',
    'A variable holds a command substitution in single quotes, code waiting to be evaluated.',
    'Run the command directly and store its output: x=$(cmd).',
  ),
  'sh.arith.injection': r(
    'critical',
    'Arithmetic evaluation of a value that can contain code (a[$(cmd)] in (( )), let, [[ -eq ]]).',
    'Validate numbers before arithmetic: [[ $x =~ ^[0-9]+$ ]].',
  ),
  'sh.env.dump': r(
    'major',
    'Prints the whole environment or all variables (env, printenv, export -p, declare -p/-x, set), which may hold secrets.',
    'Print only the variables the tool needs: echo "$NAME".',
  ),
  'sh.declare.nameref': r(
    'major',
    'declare -n / local -n: a name reference hides which variable is assigned.',
    'Assign variables by their own name.',
  ),
  'sh.path.outside': r('critical', 'A command argument reads a path outside the allowed paths.', PATHS),
  'sh.path.write-outside': r('critical', 'A command writes a path that is not writable under the policy.', PATHS),
  'sh.network.dev-tcp': r('critical', 'A /dev/tcp or /dev/udp redirect opens a network connection.', NO_NET),
  'sh.network.disabled': r('critical', 'A network transfer while the policy allows no outbound traffic.', NO_NET),
  'sh.network.host-not-allowed': r(
    'critical',
    'A network transfer to a host that is not on the policy allow-list.',
    "Only fetch URLs whose host is listed in the policy's network.allowedHosts.",
  ),
  'sh.network.url-unknown': r(
    'major',
    'A network transfer to a URL that is not a literal, so its host cannot be checked.',
    'Use a literal URL on the allow-list.',
  ),
  'sh.network.metadata': r(
    'critical',
    'The cloud metadata address (169.254.169.254 and friends) appears in the script.',
    'Never contact the metadata service.',
  ),
  'sh.forkbomb': r(
    'critical',
    'A function that calls itself in a pipeline or in the background (fork bomb).',
    'Use a loop with a fixed bound.',
  ),
  'sh.awk.system': r(
    'critical',
    'An awk program runs commands (system(), "cmd" | getline, print | "cmd").',
    'Keep awk programs to text processing; run commands from the script itself.',
  ),
  'sh.awk.dynamic': r(
    'critical',
    'An awk program that is not a literal string, or loaded from a file (-f) or extension (@load, -l).',
    'Write the awk program as a literal in single quotes.',
  ),
  'sh.sed.execute': r('critical', 'A GNU sed script runs commands (e command, s///e).', 'Remove the e command; sed only edits text.'),
  'sh.sed.write': r(
    'critical',
    'A sed script writes files (w, W, s///w).',
    "Print with sed and write the output with a redirect into /workspace: sed -n '/x/p' in > /workspace/out.",
  ),
  'sh.sed.dynamic': r(
    'critical',
    'A sed script that is not a literal string or is read from a file (-f).',
    'Write the sed script as a literal in single quotes.',
  ),
  'sh.option.not-allowed': r(
    'major',
    'An option the policy does not list for this command (shell.allowedOptions); long options must be written in full.',
    'Use only the options the policy lists for this command, spelled in full (--numeric-sort, not --num).',
  ),
  'sh.option.dangerous': r(
    'critical',
    'An option that runs a program, loads code or writes a file, and the policy does not allow it (sort --compress-program, split --filter, awk --dump-variables …).',
    'Leave the option out: run the steps yourself in the script, and write output with a redirect into /workspace.',
  ),
  'sh.option.dynamic': r(
    'critical',
    'An option known only at run time: a variable where a command with program-running options expects options, or an option name built from expansions.',
    'Write options literally and put -- before operands that come from variables: sort -- "$file".',
  ),
  'sh.name.dynamic': r(
    'critical',
    'A variable name, array subscript or prompt string evaluated from a value built at run time (${!x}, ${x@P}, printf -v "$x", declare "$x=…", read "$x", [[ -v $x ]], unset "$x").',
    'Use literal variable names; validate values first ([[ $x =~ ^[0-9]+$ ]] or ^[A-Za-z_][A-Za-z0-9_]*$), or use an associative array with declare -A.',
  ),
  'sh.nesting': r('critical', 'Code nested in strings too deeply to check.', 'Write the commands directly in the script.'),

  // ---- JavaScript (isolated-vm tools)
  'js.syntax': r(
    'major',
    'The source does not parse; code that does not parse never runs.',
    'Fix the syntax error at this position (plain JavaScript, no modules).',
  ),
  'js.global.forbidden': r(
    'critical',
    'Use of a global the policy forbids (require, process, Function, eval …).',
    'Use only plain JavaScript on the tool input.',
  ),
  'js.import.dynamic': r(
    'critical',
    'import() or import statements load code that was not checked.',
    'Put all code into the checked tool.',
  ),
  'js.constructor': r(
    'critical',
    'Access to .constructor (reaches the Function constructor).',
    'Do not reach constructors through objects.',
  ),
  'js.global.computed': r(
    'critical',
    'The global object reached by name or computed access (self[…], window[…], this outside a class, method or function).',
    'Access values directly.',
  ),
  'js.computed-key': r(
    'critical',
    'Computed member access with a key known only at run time (obj[key]): it could be constructor or __proto__.',
    'Use a Map (m.get(key)), an object from Object.create(null), or check Object.hasOwn(obj, key) first; numeric indexes are fine.',
  ),
  'js.dunder': r(
    'critical',
    'Prototype manipulation (__proto__, __defineGetter__, Object.getPrototypeOf, Reflect …).',
    'Use plain objects and classes.',
  ),
} as const satisfies Record<string, RuleSpec>;

export type RuleId = keyof typeof RULES;
