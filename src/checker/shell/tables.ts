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
 * How allowed tools take operands. `valueOpts`: options that consume the next argument. `pattern`:
 * the first operand is a pattern/program, not a file. `write`: operands are written. `writeOpts` /
 * `readOpts`: options whose value is a file written / read. `noFiles`: operands are never files.
 */
export interface ToolSpec {
  valueOpts?: readonly string[];
  pattern?: boolean;
  write?: boolean;
  writeOpts?: readonly string[];
  readOpts?: readonly string[];
  noFiles?: boolean;
  /** Operands after this many are written (uniq IN OUT, split IN PREFIX). */
  writeFrom?: number;
}

export const TOOL_SPECS: Record<string, ToolSpec> = {
  cat: {}, tac: {}, rev: {}, nl: { valueOpts: ['-s', '-w', '-v', '-i', '-b', '-n'] }, wc: {},
  head: { valueOpts: ['-n', '-c'] }, tail: { valueOpts: ['-n', '-c', '-s', '--pid'] },
  sort: { valueOpts: ['-k', '-t', '-S', '-T', '--parallel', '--batch-size', '--key', '--field-separator'], writeOpts: ['-o', '--output'], readOpts: ['--files0-from'] },
  uniq: { valueOpts: ['-f', '-s', '-w'], writeFrom: 1 },
  cut: { valueOpts: ['-d', '-f', '-b', '-c', '--output-delimiter'] },
  paste: { valueOpts: ['-d'] }, join: { valueOpts: ['-t', '-1', '-2', '-j', '-o', '-e'] }, comm: {},
  fold: { valueOpts: ['-w'] }, fmt: { valueOpts: ['-w', '-p', '-g'] }, column: { valueOpts: ['-s', '-c', '-t', '-o', '-N', '-R', '-E', '-H', '-W', '-l'] },
  od: { valueOpts: ['-A', '-t', '-N', '-j', '-w'] }, diff: { valueOpts: ['-U', '-C', '-W', '--label', '-I', '-x', '-X'] },
  cmp: { valueOpts: ['-n', '-i'] }, file: { valueOpts: ['-m', '-f', '-F'] }, stat: { valueOpts: ['-c', '--format', '--printf'] },
  du: { valueOpts: ['-d', '--max-depth', '-B', '-t', '--exclude'] }, df: { valueOpts: ['-B', '-t', '-x', '--output'] },
  ls: { valueOpts: ['-I', '-w', '--hide', '--ignore', '-T', '--format', '--sort', '--time-style', '--color'] },
  grep: { pattern: true, valueOpts: ['-e', '-m', '-A', '-B', '-C', '-d', '-D', '--label', '--include', '--exclude', '--exclude-dir', '--max-count', '--context', '--after-context', '--before-context', '--regexp'], readOpts: ['-f', '--file'] },
  egrep: { pattern: true, valueOpts: ['-e', '-m', '-A', '-B', '-C'], readOpts: ['-f'] },
  fgrep: { pattern: true, valueOpts: ['-e', '-m', '-A', '-B', '-C'], readOpts: ['-f'] },
  jq: { pattern: true, valueOpts: ['--arg', '--argjson', '--indent', '--tab', '--seq'], readOpts: ['-f', '--from-file'] },
  yq: { pattern: true, valueOpts: ['-o', '-p', '-I', '--indent', '--output-format', '--input-format'] },
  sha256sum: {}, sha1sum: {}, md5sum: {}, cksum: {}, base64: { valueOpts: ['-w'] }, iconv: { valueOpts: ['-f', '-t'], writeOpts: ['-o', '--output'] },
  gzip: { write: true, valueOpts: ['-S'] }, gunzip: { write: true, valueOpts: ['-S'] }, bzip2: { write: true }, bunzip2: { write: true },
  xz: { write: true, valueOpts: ['-T'] }, unxz: { write: true }, zcat: {}, bzcat: {}, xzcat: {},
  split: { valueOpts: ['-l', '-b', '-n', '-a', '-C', '--additional-suffix', '-t'], writeFrom: 1 },
  csplit: { valueOpts: ['-f', '-b', '-n'] },
  tee: { write: true }, mkdir: { write: true, valueOpts: ['-m'] }, touch: { write: true, valueOpts: ['-d', '-t', '-r'] },
  mktemp: { noFiles: true, writeOpts: ['-p', '--tmpdir'] }, realpath: { valueOpts: ['--relative-to', '--relative-base'] },
  readlink: {}, tsort: {}, shuf: { valueOpts: ['-n', '-i', '--random-source'], writeOpts: ['-o', '--output'] }, expand: { valueOpts: ['-t'] },
  unexpand: { valueOpts: ['-t'] }, numfmt: { noFiles: true }, date: { noFiles: true, readOpts: ['-f', '--file', '-r', '--reference'] },
  echo: { noFiles: true }, printf: { noFiles: true }, expr: { noFiles: true }, seq: { noFiles: true }, sleep: { noFiles: true },
  basename: { noFiles: true }, dirname: { noFiles: true }, tr: { noFiles: true }, test: { noFiles: true }, '[': { noFiles: true },
  bc: {}, envsubst: { noFiles: true }, true: { noFiles: true }, false: { noFiles: true },
};
