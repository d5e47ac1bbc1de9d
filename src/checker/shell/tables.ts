/**
 * Rule data for the shell checker: what bash builtins do, which commands run other commands, which
 * are interpreters, which variables make the shell run code, and how common tools take file operands.
 */

/** Builtins that only affect the shell's own state or print: allowed by the checker itself. */
export const HARMLESS_BUILTINS = new Set([
  'cd', 'echo', 'printf', 'read', 'local', 'export', 'declare', 'typeset', 'readonly', 'set', 'shift', 'return',
  'exit', 'test', '[', '[[', 'unset', 'break', 'continue', ':', 'true', 'false', 'wait', 'getopts', 'pwd',
  'pushd', 'popd', 'dirs', 'let', 'type', 'shopt', 'umask', 'times', 'caller', 'jobs', 'hash', 'ulimit',
  'mapfile', 'readarray', 'unalias', 'compgen', 'history', 'help',
]);

/** Builtins handled by specific rules (never simply allowed). */
export const DANGEROUS_BUILTINS = new Map<string, string>([
  ['enable', 'enable -f loads native builtins from shared objects'],
  ['fc', 'fc re-executes commands from the history'],
  ['bind', 'bind -x runs commands on key presses'],
  ['complete', 'complete -C/-F registers commands to run'],
  ['kill', 'kill sends signals to other processes'],
  ['disown', 'disown detaches background jobs from the script'],
  ['suspend', 'suspend stops the shell'],
  ['logout', 'logout ends a login shell'],
]);

/** Commands that run another command given in their arguments. */
export const WRAPPERS = new Set([
  'env', 'xargs', 'timeout', 'nice', 'nohup', 'time', 'command', 'builtin', 'exec', 'coproc', 'stdbuf', 'ionice',
  'setsid', 'chroot', 'sudo', 'doas', 'su', 'runuser', 'unbuffer', 'flock', 'watch', 'strace', 'ltrace', 'taskset',
  'nsenter', 'unshare', 'busybox', 'parallel', 'chrt', 'cpulimit', 'firejail', 'script', 'systemd-run', 'tsp',
  'sg', 'newgrp', 'pkexec',
]);

/** Shells: `-c CODE` is parsed recursively; stdin or a file as code is blocked. */
export const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'mksh', 'ash', 'rbash', 'fish', 'csh', 'tcsh', 'yash', 'posh']);
export const PYTHONS = /^(python|python2|python3|pypy|pypy3)(\.\d+)?$/;
/** Interpreters whose inline code the checker cannot parse. */
export const OTHER_INTERPRETERS = new Set(['perl', 'ruby', 'node', 'nodejs', 'php', 'lua', 'luajit', 'tclsh', 'wish', 'Rscript', 'R', 'julia', 'expect', 'deno', 'bun', 'osascript', 'guile', 'racket', 'irb', 'jshell', 'groovy', 'scala']);
export const AWKS = new Set(['awk', 'gawk', 'mawk', 'nawk']);
export const SEDS = new Set(['sed', 'gsed']);
export const NETWORK_TOOLS = new Set(['curl', 'wget']);

/** Variables that make bash or other programs run code, load libraries or look up other commands. */
export const DANGEROUS_VARIABLES = new Set([
  'PROMPT_COMMAND', 'BASH_ENV', 'ENV', 'PS0', 'PS1', 'PS2', 'PS3', 'PS4', 'PATH', 'LD_PRELOAD', 'LD_LIBRARY_PATH',
  'LD_AUDIT', 'BASH_LOADABLES_PATH', 'SHELLOPTS', 'BASHOPTS', 'PYTHONSTARTUP', 'PYTHONPATH', 'PYTHONHOME',
  'PYTHONINSPECT', 'PERL5OPT', 'PERL5LIB', 'PERLLIB', 'RUBYOPT', 'RUBYLIB', 'NODE_OPTIONS', 'NODE_PATH',
  'GIT_SSH_COMMAND', 'GIT_SSH', 'GIT_PAGER', 'GIT_EDITOR', 'GIT_EXEC_PATH', 'PAGER', 'MANPAGER', 'EDITOR', 'VISUAL',
  'BROWSER', 'GCONV_PATH', 'EXECIGNORE', 'BASH_XTRACEFD', 'HISTFILE', 'INPUTRC', 'TERMINFO', 'LESSOPEN',
  'LESSCLOSE', 'SSL_CERT_FILE', 'CURL_HOME', 'WGETRC', 'http_proxy', 'https_proxy', 'HTTP_PROXY', 'HTTPS_PROXY',
  'ALL_PROXY', 'all_proxy', 'no_proxy', 'NO_PROXY', 'AWKPATH', 'AWKLIBPATH', 'TMOUT', 'CDPATH', 'GLOBIGNORE',
  'FUNCNEST', 'BASH_COMPAT', 'IFS_SAVED_NEVER',
]);

/** System directories a command may be named from (`/usr/bin/sort` is `sort`). */
export const SYSTEM_BIN_DIRS = new Set(['/bin', '/usr/bin', '/usr/local/bin', '/sbin', '/usr/sbin', '/usr/local/sbin']);

/**
 * How allowed tools take operands (their options come from the policy, see options.ts). `pattern`: the
 * first operand is a pattern/program, not a file. `write`: operands are written. `noFiles`: operands
 * are never files. `writeFrom`: operands after this many are written (uniq IN OUT, split IN PREFIX).
 */
export interface ToolSpec {
  pattern?: boolean;
  write?: boolean;
  noFiles?: boolean;
  writeFrom?: number;
}

export const TOOL_SPECS: Record<string, ToolSpec> = {
  grep: { pattern: true }, egrep: { pattern: true }, fgrep: { pattern: true }, jq: { pattern: true }, yq: { pattern: true },
  uniq: { writeFrom: 1 }, split: { writeFrom: 1 }, csplit: { writeFrom: 1 },
  gzip: { write: true }, gunzip: { write: true }, bzip2: { write: true }, bunzip2: { write: true }, xz: { write: true },
  unxz: { write: true }, tee: { write: true }, mkdir: { write: true }, touch: { write: true },
  mktemp: { noFiles: true }, numfmt: { noFiles: true }, date: { noFiles: true }, echo: { noFiles: true }, printf: { noFiles: true },
  expr: { noFiles: true }, seq: { noFiles: true }, sleep: { noFiles: true }, basename: { noFiles: true }, dirname: { noFiles: true },
  tr: { noFiles: true }, test: { noFiles: true }, '[': { noFiles: true }, envsubst: { noFiles: true }, true: { noFiles: true },
  false: { noFiles: true }, timeout: { noFiles: true }, xargs: { noFiles: true },
  ...Object.fromEntries(['cat', 'tac', 'rev', 'nl', 'wc', 'head', 'tail', 'sort', 'cut', 'paste', 'join', 'comm', 'fold', 'fmt',
    'column', 'od', 'diff', 'cmp', 'file', 'stat', 'du', 'df', 'ls', 'sha256sum', 'sha1sum', 'md5sum', 'cksum', 'base64', 'iconv',
    'zcat', 'bzcat', 'xzcat', 'realpath', 'readlink', 'tsort', 'shuf', 'expand', 'unexpand', 'bc', 'tar'].map((c) => [c, {}])),
};

/**
 * What options of common tools really do, whatever a policy calls them: a policy that lists one of
 * these with a weaker kind (or as a flag) still gets it judged as this kind. `code` is a file of code
 * the checker cannot check (awk -f, sed -f, curl -K). Commands with a `program` or `code` option are
 * "injectable": a run-time word in an option position is refused for them (it could be that option).
 */
export type FactKind = 'value' | 'file' | 'output' | 'program' | 'code';
const f = (kind: FactKind, ...names: string[]) => names.map((n) => [n, kind] as const);
const GREP_FACTS = Object.fromEntries(f('file', '-f', '--file'));
const AWK_FACTS = Object.fromEntries([...f('code', '-f', '--file', '-i', '--include', '-l', '--load', '-E', '--exec'),
  ...f('output', '-d', '--dump-variables', '-p', '--profile', '-o', '--pretty-print'), ...f('file', '-D', '--debug')]);
const SED_FACTS = Object.fromEntries([...f('code', '-f', '--file'), ...f('output', '-i', '--in-place')]);
export const OPTION_FACTS: Record<string, Record<string, FactKind>> = {
  sort: Object.fromEntries([...f('output', '-o', '--output', '-T', '--temporary-directory'), ...f('program', '--compress-program'),
    ...f('file', '--random-source', '--files0-from')]),
  split: Object.fromEntries(f('program', '--filter')),
  shuf: Object.fromEntries([...f('output', '-o', '--output'), ...f('file', '--random-source')]),
  date: Object.fromEntries([...f('file', '-f', '--file', '-r', '--reference'), ...f('value', '-s', '--set')]),
  grep: GREP_FACTS, egrep: GREP_FACTS, fgrep: GREP_FACTS,
  jq: Object.fromEntries(f('file', '-f', '--from-file', '-L')),
  iconv: Object.fromEntries(f('output', '-o', '--output')),
  mktemp: Object.fromEntries(f('output', '-p', '--tmpdir')),
  csplit: Object.fromEntries(f('output', '-f', '--prefix')),
  touch: Object.fromEntries(f('file', '-r', '--reference')),
  xargs: Object.fromEntries(f('file', '-a', '--arg-file')),
  wc: Object.fromEntries(f('file', '--files0-from')),
  du: Object.fromEntries(f('file', '--files0-from', '-X', '--exclude-from')),
  diff: Object.fromEntries(f('file', '-X', '--exclude-from', '--from-file', '--to-file')),
  file: Object.fromEntries(f('file', '-m', '--magic-file', '-f', '--files-from')),
  awk: AWK_FACTS, gawk: AWK_FACTS, mawk: AWK_FACTS, nawk: AWK_FACTS,
  sed: SED_FACTS, gsed: SED_FACTS,
  tar: Object.fromEntries([...f('program', '--to-command', '-I', '--use-compress-program', '-F', '--info-script',
    '--new-volume-script', '--rmt-command', '--rsh-command'), ...f('value', '--checkpoint-action'), ...f('file', '-T', '--files-from')]),
  curl: Object.fromEntries([...f('code', '-K', '--config'), ...f('output', '-o', '--output', '-D', '--dump-header', '-c',
    '--cookie-jar', '--trace', '--trace-ascii', '--stderr'), ...f('file', '-T', '--upload-file', '-b', '--cookie')]),
  find: Object.fromEntries([...f('output', '-fprint', '-fprint0', '-fls', '-fprintf'), ...f('program', '-exec', '-execdir', '-ok', '-okdir'),
    ...f('file', '-newer', '-samefile', '-anewer', '-cnewer')]),
};
