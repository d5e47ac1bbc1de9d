import { describe, expect, it } from 'vitest';
import { explain, policyWith, rules, sh } from './helpers.ts';

describe('shell options: only those the policy lists per command', () => {
  it.each([
    ['sort --compress-program=sh big.txt', 'sh.option.dangerous'],
    ['sort --compress-program sh big.txt', 'sh.option.dangerous'],
    ['sort --compress-prog=sh big.txt', 'sh.option.not-allowed'],
    ['sort -S1 --compress-program=gzip x', 'sh.option.dangerous'],
    ['sort --random-source=/etc/shadow -R x', 'sh.path.outside'],
    ['sort --files0-from=list.txt', 'sh.option.not-allowed'],
    ['split --filter="sh -c id" in.txt', 'sh.option.dangerous'],
    ['split -l 10 --filter=sh in.txt part_', 'sh.option.dangerous'],
    ['shuf --random-source=/dev/urandom -n 3 x', 'sh.option.not-allowed'],
    ["awk --dump-variables=/etc/x '{print}' f", 'sh.option.dangerous'],
    ["awk -d/tmp/vars '{print}' f", 'sh.option.dangerous'],
    ["awk --profile=/workspace/p '{print}' f", 'sh.option.dangerous'],
    ["sed -i 's/a/b/' /workspace/x.txt", 'sh.option.dangerous'],
    ["sed -ni 's/a/b/p' /workspace/x.txt", 'sh.option.dangerous'],
    ["sed -n '/ERROR/w /workspace/errors.txt' /data/app.log", 'sh.sed.write'],
    ["sed 's/a/b/w /workspace/changed.txt' /data/x", 'sh.sed.write'],
    ['find . -fprint /workspace/list.txt', 'sh.option.dangerous'],
    ['find . -fls out.txt', 'sh.option.dangerous'],
    ['find . -ok cat {} \\;', 'sh.option.dangerous'],
    ['date -f dates.txt', 'sh.option.not-allowed'],
    ['date --file=/etc/shadow', 'sh.path.outside'],
    ['date --set="2020-01-01"', 'sh.option.not-allowed'],
    ['wc --files0-from=/workspace/list', 'sh.option.not-allowed'],
    ['xargs -a /etc/passwd echo', 'sh.option.not-allowed'],
    ['grep -rJ pattern .', 'sh.option.not-allowed'],
    ['sort -rnZ x', 'sh.option.not-allowed'],
    ['cut --fields=1 --outptu-delimiter=, x', 'sh.option.not-allowed'],
    ['head --lines=3 --follow x', 'sh.option.not-allowed'],
    ['ls --colour=never', 'sh.option.not-allowed'],
    ['jq --arg k v --seq-bogus . x', 'sh.option.not-allowed'],
    ['sort "--$opt" x', 'sh.option.dynamic'],
    ['sort -r"$more" x', 'sh.option.dynamic'],
    ['opt=$(printf -- "--compress-program=sh"); sort "$opt" big.txt', 'sh.option.dynamic'],
    ['sort "$1" data.txt', 'sh.option.dynamic'],
    ['split -l 5 "$@"', 'sh.option.dynamic'],
    ['sed -n p "$1"', 'sh.option.dynamic'],
    ['find "$1" -name "*.csv"', 'sh.option.dynamic'],
    ['find /data $extra -print', 'sh.option.dynamic'],
    ['dir=$(cat /workspace/dir.txt); find "$dir" -type f', 'sh.option.dynamic'],
    ['cat /workspace/list.txt | xargs sort', 'sh.option.dynamic'],
    ['sort {--compress-program=sh,big.txt}', 'sh.option.dynamic'],
    ['sort ${opt:---compress-program=sh} big.txt', 'sh.option.dynamic'],
    ['arr=(--compress-program=sh)\nsort "${arr[0]}" big.txt', 'sh.option.dynamic'],
    ['s() { sort "$@"; }\ns --compress-program=sh big.txt', 'sh.option.dynamic'],
    ['xargs -I{} sed -n p {} < /workspace/files', 'sh.option.dynamic'],
    ['split --filter=\'sh -c "id"\' in.txt', 'sh.command.not-allowed'],
  ])('%s → %s', (src, rule) => {
    const r = sh(src);
    expect(r.allowed, explain(r)).toBe(false);
    expect(rules(r), explain(r)).toContain(rule);
  });

  it.each([
    'sort -t, -k2,2nr -u /data/x.csv > /workspace/sorted.csv',
    "sort -t $'\\t' -k 3 -o /workspace/out.tsv /data/in.tsv",
    'sort --numeric-sort --reverse --key=2 /data/x',
    'head -20 /data/x.csv; tail -n +2 /data/x.csv; head -c 100 /data/x',
    'cut -d" " -f1,3 /data/log | uniq -c | sort -rn',
    'grep -Eio "[a-z]+@[a-z.]+" /data/mail.txt | sort -u',
    'grep -A3 -n --color=never ERROR /data/app.log',
    'ls -la --group-directories-first /data',
    'date -u +%Y-%m-%dT%H:%M:%SZ; date -d "yesterday" +%F; date -Iseconds',
    'find /data -maxdepth 2 -type f -name "*.csv" -print0 | xargs -0 -r wc -l',
    'find /data -type f -newer /data/stamp -exec grep -l ERROR {} +',
    "jq -r --arg k name '.[] | .[$k]' /data/x.json",
    'for f in /data/*.csv; do sort -u "$f"; done',
    'tmp=$(mktemp); sort -u /data/x > "$tmp"; sort "$tmp"',
    'f=/data/input.txt; sed -n 1p "$f"',
    'sort -- "$1" > /workspace/out.txt',
    'file="${1:-/data/x}"\n[[ $file == -* ]] && exit 1\nsort "$file"',
    "awk -F, -v OFS=, '{ print $1, $3 }' /data/x.csv",
    "sed -E -n 's/^([0-9]+).*/\\1/p' /data/x",
    'split -l 1000 -d --additional-suffix=.csv /data/big.csv /workspace/part_',
    'xargs -I{} echo "item {}" < /data/list.txt',
    'timeout 5 sort /data/x',
    'find /data -name "*.csv" -print0 | xargs -0 sort -u --',
    'find /data -name "*.txt" -exec sort {} +',
    'n=$(grep -c ERROR /data/app.log || true)\nhead -n "$n" /data/app.log',
  ])('benign: %s', (src) => {
    const r = sh(src);
    expect(r.allowed, explain(r)).toBe(true);
  });

  it('names the command, the option and how to allow it', () => {
    const f = sh('uniq --frobnicate x').findings.find((x) => x.rule === 'sh.option.not-allowed')!;
    expect(f.message).toContain("uniq option '--frobnicate'");
    expect(f.message).toContain('shell.allowedOptions.uniq');
  });

  it('a policy can allow more options, and a program option is then judged as a command', () => {
    const p = policyWith((x) => {
      x.shell.allowedOptions.sort = [...x.shell.allowedOptions.sort!, '--compress-program <program>'];
    });
    expect(sh('sort --compress-program=gzip big.txt', p).allowed).toBe(true);
    expect(rules(sh('sort --compress-program=sh big.txt', p))).toContain('sh.command.not-allowed');
    expect(rules(sh('sort --compress-program=rm big.txt', p))).toContain('sh.command.forbidden');
  });

  it('a policy that calls a file option a flag still gets the file judged', () => {
    const p = policyWith((x) => {
      x.shell.allowedOptions.sort = ['-o'];
    });
    expect(rules(sh('sort -o /etc/passwd x', p))).toContain('sh.path.write-outside');
  });

  it('a command without an entry takes no options', () => {
    const p = policyWith((x) => {
      x.shell.allowedCommands.push('nproc');
    });
    expect(sh('nproc', p).allowed).toBe(true);
    expect(rules(sh('nproc --all', p))).toContain('sh.option.not-allowed');
  });
});
