import { describe, expect, it } from 'vitest';
import { explain, rules, sh } from './helpers.ts';

describe('shell command names', () => {
  it.each([
    ['rm -rf /', 'sh.command.forbidden'],
    ['\\rm -rf /', 'sh.command.forbidden'],
    ['/bin/rm -rf /', 'sh.command.forbidden'],
    ["r''m -rf /", 'sh.command.forbidden'],
    ['r""m -rf /', 'sh.command.forbidden'],
    ['r\\m -rf /', 'sh.command.forbidden'],
    ["$'\\x72\\x6d' -rf /", 'sh.command.forbidden'],
    ["$'r\\155' -rf /", 'sh.command.forbidden'],
    ['"r"m x', 'sh.command.forbidden'],
    ['sudo ls', 'sh.command.forbidden'],
    ['c=rm; $c -rf /', 'sh.command.dynamic'],
    ['${X}m -rf /', 'sh.command.dynamic'],
    ['rm${IFS}-rf${IFS}/', 'sh.command.dynamic'],
    ['$(printf rm) -rf /', 'sh.command.dynamic'],
    ['`echo rm` -rf /', 'sh.command.dynamic'],
    ['r$(true)m -rf /', 'sh.command.dynamic'],
    ['r*m x', 'sh.command.dynamic'],
    ['{rm,-rf,/}', 'sh.syntax'],
    ['/tmp/ls -la', 'sh.command.path'],
    ['./tool.sh', 'sh.command.path'],
    ['nmap 10.0.0.1', 'sh.command.forbidden'],
    ['python3 x.py', 'sh.command.not-allowed'],
    ['printenv', 'sh.command.not-allowed'],
    ['eval "$cmd"', 'sh.command.forbidden'],
    ['enable -f ./x.so x', 'sh.builtin.dangerous'],
    ['hash -p /tmp/x ls', 'sh.builtin.dangerous'],
    ['mapfile -C cb -c 1 arr < f', 'sh.builtin.dangerous'],
    ['source ./lib.sh', 'sh.builtin.source'],
    ['. /dev/stdin <<< "$x"', 'sh.builtin.source'],
  ])('%s → %s', (src, rule) => {
    const r = sh(src);
    expect(r.allowed, explain(r)).toBe(false);
    expect(rules(r), explain(r)).toContain(rule);
  });

  it('eval is a dedicated rule when the policy does not list it', async () => {
    const { policyWith } = await import('./helpers.ts');
    const p = policyWith((x) => {
      x.shell.forbiddenCommands = x.shell.forbiddenCommands.filter((c) => c !== 'eval');
    });
    expect(rules(sh('eval "$(cat cmd.txt)"', p))).toContain('sh.builtin.eval');
  });

  it('reports the position and the unescaped name', () => {
    const r = sh('echo start\n  \\rm -rf /tmp/x\n');
    const f = r.findings.find((x) => x.rule === 'sh.command.forbidden')!;
    expect(f).toMatchObject({ line: 2, column: 3, snippet: '\\rm' });
    expect(f.message).toContain("'rm'");
  });

  it.each([
    'ls -la /data | sort | uniq -c',
    'find . -name "*.csv" | sort',
    'find /data -type f -print',
    'ls *.log | xargs grep -l ERROR',
    'echo "rm -rf / is dangerous" # rm in a comment',
    "printf '%s\\n' 'eval this'",
    'today=$(date +%F)\necho "report-$today.txt"',
    'echo "${var:-default}" "${#arr[@]}" "${x/a/b}"',
    'while IFS=, read -r a b; do echo "$a"; done < /data/in.csv',
    'cat <<EOF\nhello $(date +%F)\nEOF',
    "cat <<'EOF' > notes.txt\nrm -rf / in a here-doc is text\nEOF",
    'set -euo pipefail\nshift || true\nexit 0',
    'declare -A counts=()\nlocal_var=1\nunset local_var',
    'usage() { echo usage; }\nusage',
    '[[ -f /data/x.csv ]] && echo yes\n[ -d out ] || mkdir -p out',
    'for f in /data/*.csv; do wc -l "$f"; done',
    'grep -c ERROR /data/logs/app.log || true',
    'command -v jq >/dev/null || echo "no jq"',
    'timeout 10 grep -r TODO .',
    'tr -d "\\r" < in.txt | cut -d, -f1 | sort -u > out.txt',
    'cut -d / -f 2 paths.txt',
    'n=0\nwhile read -r line; do n=$((n + 1)); done < in.txt\necho "$n"',
    "awk -F, '{ s += $2 } END { print s }' /data/sales.csv",
    "sed -n 's/^ERROR //p' /data/app.log > errors.txt",
    "jq -r '.items[] | .name' /data/items.json",
  ])('benign: %s', (src) => {
    const r = sh(src);
    expect(r.allowed, explain(r)).toBe(true);
  });
});
