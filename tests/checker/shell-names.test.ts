import { describe, expect, it } from 'vitest';
import { explain, rules, sh } from './helpers.ts';

describe('shell names and arithmetic evaluated at run time', () => {
  it.each([
    ['x=$1\necho "${!x}"', 'sh.name.dynamic'],
    ['read -r name\necho "${!name:-unset}"', 'sh.name.dynamic'],
    ['p=$(cat /workspace/prompt.txt)\necho "${p@P}"', 'sh.name.dynamic'],
    ['for v in "$@"; do echo "${v@P}"; done', 'sh.name.dynamic'],
    ['x=$1\n[[ -v $x ]] && echo set', 'sh.name.dynamic'],
    ['read -r k\ntest -v "$k" && echo yes', 'sh.name.dynamic'],
    ['read -r k\n[ -v "$k" ] && echo yes', 'sh.name.dynamic'],
    ['x=$(head -n1 /workspace/in)\nprintf -v "$x" %s 1', 'sh.name.dynamic'],
    ['declare -A m\nread -r k\nprintf -v "m[$k]" %s 1', 'sh.name.dynamic'],
    ['x=$1\ndeclare "$x=1"', 'sh.name.dynamic'],
    ['f() { local "$1=done"; }\nf x', 'sh.name.dynamic'],
    ['typeset "${1}"=2', 'sh.name.dynamic'],
    ['x=$1\nexport "$x"', 'sh.name.dynamic'],
    ['x=$1\nreadonly "$x=3"', 'sh.name.dynamic'],
    ['x=$1\nread -r "$x" < /workspace/in', 'sh.name.dynamic'],
    ['declare -A m\nread -r k\nread -r "m[$k]" <<< 1', 'sh.name.dynamic'],
    ['x=$1\nmapfile -t "$x" < /workspace/in', 'sh.name.dynamic'],
    ['x=$1\nunset "$x"', 'sh.name.dynamic'],
    ['declare -A m\nk=$1\nunset "m[$k]"', 'sh.name.dynamic'],
    ['x=$1\ngetopts ab "$x"', 'sh.name.dynamic'],
    ['v=$1\nwait -p "$v"', 'sh.name.dynamic'],
    ['x=$(cat /workspace/n)\necho $(( x + 1 ))', 'sh.arith.injection'],
    ['echo $(( $1 * 2 ))', 'sh.arith.injection'],
    ['n=$1\n(( n > 3 )) && echo big', 'sh.arith.injection'],
    ['for x in $(cat /workspace/list); do (( total += x )); done', 'sh.arith.injection'],
    ['for f in /workspace/*; do (( count += f )); done', 'sh.arith.injection'],
    ['n=${LIMIT:-10}\nfor (( i=0; i<n; i++ )); do echo "$i"; done', 'sh.arith.injection'],
    ['k=$1\na=(1 2 3)\necho "${a[$k]}"', 'sh.arith.injection'],
    ['k=$1\narr=()\narr[$k]=1', 'sh.arith.injection'],
    ['off=$1\ns=hello\necho "${s:off:2}"', 'sh.arith.injection'],
    ['declare -i n\nn=$1', 'sh.arith.injection'],
    ['f() { local -i count=$1; echo $count; }\nf 3', 'sh.arith.injection'],
    ['x=$1\n[[ $x -gt 5 ]] && echo big', 'sh.arith.injection'],
    ['k=$1\ndeclare -A m\nlet "m[$k]++"', 'sh.arith.injection'],
    ['x=$(printf %s "$1")\necho $(( x ))', 'sh.arith.injection'],
    ['x="${1//[^a-z]/}"\necho $(( x ))', 'sh.arith.injection'],
    ['echo $(( $(cat /workspace/n) + 1 ))', 'sh.arith.injection'],
    ['k=$1\narr=([$k]=1)', 'sh.arith.injection'],
    ['x=$1\ny=x\n(( y > 1 )) && echo big', 'sh.arith.injection'],
    ['x=$1\n[[ -R $x ]] && echo ref', 'sh.name.dynamic'],
    ['x=$(cat /workspace/f; echo 1)\necho $(( x ))', 'sh.arith.injection'],
  ])('%s → %s', (src, rule) => {
    const r = sh(src);
    expect(r.allowed, explain(r)).toBe(false);
    expect(rules(r), explain(r)).toContain(rule);
  });

  it.each([
    'x=HOME\necho "${!x}"',
    'for v in USER HOME; do echo "${!v}"; done',
    'arr=(a b c)\nfor i in "${!arr[@]}"; do echo "$i ${arr[$i]}"; done',
    'echo "${!LC_@}"',
    'PS=hello\necho "${PS@P}"',
    'name=$1\n[[ $name =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || exit 1\necho "${!name}"',
    '[[ -v HOME ]] && echo "home set"',
    'declare -A seen\nwhile read -r w; do [[ -v seen[$w] ]] || echo "$w"; seen[$w]=1; done < /workspace/words',
    'printf -v stamp "%(%F)T" -1\necho "$stamp"',
    'read -r -a fields <<< "a b c"\necho "${fields[1]}"',
    'declare -A counts\nwhile read -r word; do (( counts[$word]++ )); done < /workspace/w\nfor k in "${!counts[@]}"; do echo "$k ${counts[$k]}"; done',
    'n=$(wc -l < /data/x.csv)\necho $(( n - 1 ))',
    'lines=$(grep -c ERROR /data/app.log)\n(( lines > 10 )) && echo many',
    'start=$(date +%s)\nend=$(date +%s)\necho "took $(( end - start ))s"',
    'for i in $(seq 1 5); do echo $(( i * i )); done',
    'for ((i = 0; i < 10; i++)); do (( sum += i )); done\necho "$sum"',
    'n=$1\n[[ $n =~ ^[0-9]+$ ]] || { echo "not a number" >&2; exit 1; }\necho $(( n * 2 ))',
    'n=$1\ncase $n in ""|*[!0-9]*) echo "bad" >&2; exit 1 ;; esac\n(( n > 3 )) && echo big',
    'total=0\nwhile read -r n; do [[ $n =~ ^-?[0-9]+$ ]] && total=$(( total + n )); done < /data/n.txt\necho "$total"',
    'if [[ $# -lt 1 ]]; then echo "usage" >&2; exit 1; fi',
    'count=$(find /data -type f | wc -l | tr -d " ")\necho "$(( count / 2 ))"',
    'rows() { tail -n +2 "$1" | wc -l; }\nr=$(rows /data/x.csv)\necho $(( r + 0 ))',
    's="abcdef"\necho "${s:1:3} ${s: -2}"',
    'local_demo() { local -i n=5; echo $(( n * 2 )); }\nlocal_demo',
    'declare -a parts=(x y z)\nunset "parts[1]"\necho "${parts[@]}"',
    'size=${#1}\necho $(( size + 1 ))',
    'n=$(grep -c ERROR /data/app.log || true)\n(( n > 0 )) && echo errors',
    'declare -A m=([a]=1 [b]=2)\nfor k in "${!m[@]}"; do echo "$k"; done',
    'for name in ${!LC_*}; do printf "%s=%s\\n" "$name" "${!name}"; done',
  ])('benign: %s', (src) => {
    const r = sh(src);
    expect(r.allowed, explain(r)).toBe(true);
  });
});
