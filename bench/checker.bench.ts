import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { check, type Language } from '../src/checker/index.ts';
import { loadPolicyDir } from '../src/policy/index.ts';
import { fmt, line, summary } from './lib.ts';

const exec = promisify(execFile);
const REPO = join(import.meta.dirname, '..');
const CORPUS = join(REPO, 'tests/corpus');

function files(lang: 'python' | 'shell', kind: 'hostile' | 'benign'): string[] {
  const dir = join(CORPUS, lang, kind);
  return readdirSync(dir)
    .filter((f) => /\.(py|sh)$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** A realistic long script: benign corpus samples repeated (with renamed top-level names) up to `lines`. */
function longScript(lang: 'python' | 'shell', lines: number): string {
  const parts = files(lang, 'benign').map((f) => readFileSync(f, 'utf8'));
  const out: string[] = [];
  let i = 0;
  while (out.length < lines) {
    const text = parts[i % parts.length]!.replace(/^(def|class) (\w+)/gm, `$1 $2_${i}`).replace(/^(\w+)\(\) \{/gm, `$1_${i}() {`);
    out.push(...text.split('\n').filter((l) => !l.startsWith('#!')));
    i++;
  }
  return out.slice(0, lines).join('\n');
}

/** The realistic tools that tests/checker/long-files.test.ts keeps allowed at 1,000 lines (this was its timing). */
function realisticTools(): [string, Language, string][] {
  const fixture = (f: string) => readFileSync(join(REPO, 'tests/checker/fixtures', f), 'utf8');
  const jsonStats = (parseYaml(readFileSync(join(REPO, 'blueprints/tools/json_stats.yaml'), 'utf8')) as { source: string }).source;
  return [
    ['csv_aggregator.py', 'python', fixture('csv_aggregator.py')],
    ['report.sh', 'shell', fixture('report.sh')],
    ['json_stats (javascript)', 'javascript', jsonStats],
  ];
}

function repeatTo(text: string, lines: number): string {
  const out: string[] = [];
  const src = text.split('\n');
  while (out.length < lines) out.push(...src);
  return `${out.slice(0, lines).join('\n')}\n`;
}

async function tool(cmd: string, args: string[]): Promise<{ ok: boolean; stdout: string }> {
  try {
    const r = await exec(cmd, args, { maxBuffer: 256 * 1024 * 1024 });
    return { ok: true, stdout: r.stdout };
  } catch (e) {
    const err = e as { code?: string | number; stdout?: string };
    if (err.code === 'ENOENT') return { ok: false, stdout: '' };
    return { ok: true, stdout: err.stdout ?? '' }; // both exit non-zero when they report issues
  }
}

/** Issue 3's checker figures, side by side with Bandit and ShellCheck on the same corpus. */
export async function checkerBench(): Promise<void> {
  const policy = (await loadPolicyDir(join(REPO, 'policies'))).policies.get('default')!.policy;
  process.stdout.write('\n# static checker (default policy)\n');
  for (const lang of ['python', 'shell'] as const) {
    const src = longScript(lang, 1000);
    for (let i = 0; i < 5; i++) check(src, lang, policy);
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      check(src, lang, policy);
      times.push(performance.now() - t);
    }
    const s = summary(times);
    line(`1,000-line ${lang} script`, `median ${fmt(s.p50, 2)} ms  p95 ${fmt(s.p95, 2)} ms  (n=50)`);
  }
  for (const [what, lang, text] of realisticTools()) {
    const src = repeatTo(text, 1000);
    if (!check(src, lang, policy).allowed) throw new Error(`${what} at 1,000 lines is blocked (tests/checker/long-files.test.ts says why)`);
    const times: number[] = [];
    for (let i = 0; i < 25; i++) {
      const t = performance.now();
      check(src, lang, policy);
      if (i >= 5) times.push(performance.now() - t);
    }
    const s = summary(times);
    line(`${what} repeated to 1,000 lines`, `median ${fmt(s.p50, 2)} ms  p95 ${fmt(s.p95, 2)} ms  (n=20 after 5 warm-up)`);
  }

  const hostile = { python: files('python', 'hostile'), shell: files('shell', 'hostile') };
  const benign = { python: files('python', 'benign'), shell: files('shell', 'benign') };
  const all = [...hostile.python, ...hostile.shell, ...benign.python, ...benign.shell];
  const texts = all.map((f) => ({ f, src: readFileSync(f, 'utf8'), lang: f.endsWith('.py') ? ('python' as const) : ('shell' as const) }));
  for (const x of texts) check(x.src, x.lang, policy);
  const t0 = performance.now();
  const verdict = new Map<string, boolean>();
  for (const x of texts) verdict.set(x.f, check(x.src, x.lang, policy).allowed);
  const corpusMs = performance.now() - t0;
  line('whole corpus', `${fmt(texts.length / (corpusMs / 1000), 0)} files/s  (${texts.length} files in ${fmt(corpusMs, 1)} ms)`);

  process.stdout.write(`\n# hostile samples flagged: agent-factory vs Bandit (python) and ShellCheck (shell), same corpus, same run\n`);
  const oursPy = hostile.python.filter((f) => verdict.get(f) === false).length;
  const oursSh = hostile.shell.filter((f) => verdict.get(f) === false).length;
  const benignBlocked = [...benign.python, ...benign.shell].filter((f) => verdict.get(f) === false).length;
  line('agent-factory, python hostile blocked', `${oursPy}/${hostile.python.length}   time/file ${fmt(corpusMs / texts.length, 3)} ms`);
  line('agent-factory, shell hostile blocked', `${oursSh}/${hostile.shell.length}`);
  line('agent-factory, benign blocked (false positives)', `${benignBlocked}/${benign.python.length + benign.shell.length}`);

  let t = performance.now();
  const bandit = await tool('bandit', ['-q', '-f', 'json', ...hostile.python]);
  const banditMs = performance.now() - t;
  if (!bandit.ok) line('Bandit', 'not installed (apt-get install bandit)');
  else {
    const res = JSON.parse(bandit.stdout || '{"results":[]}') as { results: { filename: string }[] };
    const flagged = new Set(res.results.map((r) => r.filename)).size;
    const bb = await tool('bandit', ['-q', '-f', 'json', ...benign.python]);
    const bflag = new Set((JSON.parse(bb.stdout || '{"results":[]}') as { results: { filename: string }[] }).results.map((r) => r.filename))
      .size;
    line(
      'Bandit, python hostile flagged (any issue)',
      `${flagged}/${hostile.python.length}   time/file ${fmt(banditMs / hostile.python.length, 2)} ms (one process for all)`,
    );
    line('Bandit, python benign flagged', `${bflag}/${benign.python.length}`);
  }
  t = performance.now();
  const sc = await tool('shellcheck', ['-f', 'json', '-s', 'bash', ...hostile.shell]);
  const scMs = performance.now() - t;
  if (!sc.ok) line('ShellCheck', 'not installed (apt-get install shellcheck)');
  else {
    const res = JSON.parse(sc.stdout || '[]') as { file: string }[];
    const flagged = new Set(res.map((r) => r.file)).size;
    line(
      'ShellCheck, shell hostile flagged (any warning)',
      `${flagged}/${hostile.shell.length}   time/file ${fmt(scMs / hostile.shell.length, 2)} ms (one process for all)`,
    );
  }
}
