#!/usr/bin/env node
// Counts the corpus, checks every file's header, writes manifest.json and the
// counts table in README.md (between the <!-- counts:begin/end --> markers).
//
//   node tests/corpus/count.mjs           # check headers, then rewrite manifest.json + README table
//   node tests/corpus/count.mjs --check   # check headers and that manifest.json is current; write nothing
//
// Exit code 1 when a header is missing or malformed (or, with --check, when the manifest is stale).
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname, extname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const checkOnly = process.argv.includes('--check');
const problems = [];

/** The highest class number of /work/shared/ATTACKS.md (31-34 were found by outside testing). */
const MAX_CLASS = 34;

const RUNTIME_LIMITS = [
  'memory', 'cpu-timeout', 'output', 'tmp-fill', 'fork-bomb',
  'rootfs-write', 'env-read', 'network', 'tmp-persistence',
];

function list(dir, ext) {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs).filter((f) => extname(f) === ext).sort().map((f) => join(dir, f));
}

/** Leading comment block, after an optional shebang, as {key: value}. */
function header(rel) {
  const lines = readFileSync(join(root, rel), 'utf8').split('\n');
  let i = lines[0]?.startsWith('#!') ? 1 : 0;
  const fields = {};
  for (; i < lines.length && lines[i].startsWith('#'); i++) {
    const m = /^# ([a-z-]+): (.+)$/.exec(lines[i]);
    if (m) fields[m[1]] = m[2].trim();
  }
  return fields;
}

function classOf(rel, fields) {
  const cls = Number(fields['attack-class']);
  if (!Number.isInteger(cls) || cls < 1 || cls > MAX_CLASS) {
    problems.push(`${rel}: missing or bad "# attack-class:" (1-${MAX_CLASS})`);
    return null;
  }
  if (!fields.title) problems.push(`${rel}: missing "# title:"`);
  if (!fields.why) problems.push(`${rel}: missing "# why:"`);
  return cls;
}

function hostile(lang, ext) {
  const files = list(join(lang, 'hostile'), ext);
  const byClass = {};
  for (const rel of files) {
    const name = rel.split('/').pop();
    const m = /^(\d{2})-(\d{2})-[a-z0-9-]+\.(py|sh)$/.exec(name);
    if (!m) problems.push(`${rel}: name is not <class>-<nn>-<slug>${ext}`);
    const cls = classOf(rel, header(rel));
    if (cls === null) continue;
    if (m && Number(m[1]) !== cls) problems.push(`${rel}: file name class ${m[1]} != header class ${cls}`);
    byClass[cls] = (byClass[cls] ?? 0) + 1;
  }
  return { count: files.length, byClass };
}

function benign(lang, ext) {
  const files = list(join(lang, 'benign'), ext);
  for (const rel of files) {
    if (!header(rel).benign) problems.push(`${rel}: missing "# benign:" first comment line`);
  }
  return files.length;
}

function runtime() {
  const files = [...list('runtime', '.py'), ...list('runtime', '.sh')].sort();
  const byLimit = {};
  for (const rel of files) {
    const fields = header(rel);
    const limit = fields['runtime-limit'];
    if (!RUNTIME_LIMITS.includes(limit)) {
      problems.push(`${rel}: "# runtime-limit:" must be one of ${RUNTIME_LIMITS.join(', ')}`);
      continue;
    }
    const name = rel.split('/').pop();
    if (!name.startsWith(`${limit}-`)) problems.push(`${rel}: file name must start with "${limit}-"`);
    classOf(rel, fields);
    const lang = extname(rel) === '.py' ? 'python' : 'shell';
    byLimit[limit] ??= { python: 0, shell: 0 };
    byLimit[limit][lang] += 1;
  }
  return { count: files.length, byLimit };
}

const py = hostile('python', '.py');
const sh = hostile('shell', '.sh');
const rt = runtime();

const byClass = {};
for (let c = 1; c <= MAX_CLASS; c++) {
  const n = (py.byClass[c] ?? 0) + (sh.byClass[c] ?? 0);
  if (n) byClass[String(c)] = n;
}

const manifest = {
  python: { hostile: py.count, benign: benign('python', '.py') },
  shell: { hostile: sh.count, benign: benign('shell', '.sh') },
  runtime: rt.count,
  byClass,
  byClassAndLanguage: Object.fromEntries(
    Object.keys(byClass).map((c) => [c, { python: py.byClass[c] ?? 0, shell: sh.byClass[c] ?? 0 }]),
  ),
  runtimeByLimit: Object.fromEntries(RUNTIME_LIMITS.map((l) => [l, rt.byLimit[l] ?? { python: 0, shell: 0 }])),
};
const manifestText = JSON.stringify(manifest, null, 2) + '\n';

function table() {
  const rows = ['| class | python | shell | total |', '|---:|---:|---:|---:|'];
  for (const [c, n] of Object.entries(byClass)) {
    rows.push(`| ${c} | ${py.byClass[c] ?? 0} | ${sh.byClass[c] ?? 0} | ${n} |`);
  }
  rows.push(`| **all hostile** | ${py.count} | ${sh.count} | ${py.count + sh.count} |`);
  rows.push('', `Benign: ${manifest.python.benign} Python, ${manifest.shell.benign} shell.`, '');
  rows.push('| runtime limit | python | shell |', '|---|---:|---:|');
  for (const [l, v] of Object.entries(manifest.runtimeByLimit)) rows.push(`| ${l} | ${v.python} | ${v.shell} |`);
  rows.push(`| **all runtime** | | ${rt.count} |`);
  return rows.join('\n');
}

if (problems.length) {
  for (const p of problems) console.error(p);
  process.exit(1);
}

const manifestPath = join(root, 'manifest.json');
const readmePath = join(root, 'README.md');
if (checkOnly) {
  const current = existsSync(manifestPath) ? readFileSync(manifestPath, 'utf8') : '';
  if (current !== manifestText) {
    console.error('manifest.json is stale: run node tests/corpus/count.mjs');
    process.exit(1);
  }
} else {
  writeFileSync(manifestPath, manifestText);
  if (existsSync(readmePath)) {
    const readme = readFileSync(readmePath, 'utf8');
    const re = /(<!-- counts:begin -->\n)[\s\S]*?(<!-- counts:end -->)/;
    if (re.test(readme)) writeFileSync(readmePath, readme.replace(re, (_, a, b) => a + table() + '\n' + b));
  }
}
console.log(manifestText.trimEnd());
