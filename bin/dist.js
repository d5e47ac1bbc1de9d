// dist/: the built CLI (scripts/build.js) and how `factory` decides whether it may run it and loads it.
// CommonJS (bin/package.json), no dependencies and no TypeScript: bin/factory.js uses this at every start.
//
// The build makes one bundle per entry of the CLI (BUNDLES): dist/NAME.cjs, and dist/NAME.cjs.cache, V8's
// code cache for it (compiled bytecode, so a start does not parse and compile again what the build already
// did). `factory check` loads only the check bundle, so it reads and deserializes only what a check needs.
// dist/build-stamp.json lists every build input (every file under src/, package.json, the installed
// packages' lock file, which changes when npm installs anything, tsconfig.json, the build script and this
// file) with its size, modification and change times and sha256; every folder under src/ with its entries
// and times; and for each bundle the files of src/ it was built from (esbuild's list).
//
// A bundle counts as up to date only when its inputs are exactly those: a file whose size and both times
// are unchanged is taken as unchanged (copying or touching cannot set the change time back, unlike the
// modification time), any other is hashed and compared; and a file added to or removed from src/ (any
// file, in any folder: a folder's entries are read again when its times changed) makes every bundle stale.
'use strict';
const { existsSync, readdirSync, readFileSync, statSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

/**
 * The bundles, each the build of one entry of the sources. bin/factory.js runs the first whose `words`
 * hold the first word of the command line, else the last, which has every command.
 */
const BUNDLES = [
  { name: 'check', entry: 'src/cli/entries/check.ts', words: ['check'] },
  { name: 'one-shot', entry: 'src/cli/entries/one-shot.ts', words: ['run', 'audit', 'token'] },
  { name: 'factory', entry: 'src/cli/main.ts', words: [] },
];
const STAMP = 'dist/build-stamp.json';
const EXTRA_INPUTS = ['package.json', 'node_modules/.package-lock.json', 'tsconfig.json', 'scripts/build.js', 'bin/dist.js'];

/** The bundle that runs the command line `argv` (without node and the script). */
function bundleFor(argv) {
  return BUNDLES.find((b) => b.words.includes(argv[0])) ?? BUNDLES[BUNDLES.length - 1];
}
const bundleFile = (name) => `dist/${name}.cjs`;
const codeCacheFile = (name) => `${bundleFile(name)}.cache`;

function walk(root, dir, out) {
  const entries = readdirSync(join(root, dir), { withFileTypes: true });
  out.dirs.push(dir);
  for (const e of entries) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) walk(root, rel, out);
    else out.files.push(rel);
  }
  return out;
}

/** Every build input, relative to the package root, sorted. */
function buildInputs(root) {
  return [...walk(root, 'src', { dirs: [], files: [] }).files, ...EXTRA_INPUTS.filter((f) => existsSync(join(root, f)))].sort();
}

function sha256(file) {
  const { createHash } = require('node:crypto'); // only when a file must be hashed
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** The inputs as they are now (every file hashed) and the folders of src/: what the stamp records. */
function stampInputs(root) {
  const { dirs, files } = walk(root, 'src', { dirs: [], files: [] });
  const inputs = {};
  for (const f of [...files, ...EXTRA_INPUTS.filter((x) => existsSync(join(root, x)))].sort()) {
    const path = join(root, f);
    const s = statSync(path);
    inputs[f] = { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, sha256: sha256(path) };
  }
  const folders = {};
  for (const d of dirs.sort()) {
    const s = statSync(join(root, d));
    folders[d] = { mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, entries: readdirSync(join(root, d)).sort() };
  }
  return { inputs, dirs: folders };
}

/** Why the files under src/ are not those of the build (a file or folder added or removed), else undefined. */
function srcChanged(root, dirs) {
  for (const d of Object.keys(dirs)) {
    const was = dirs[d];
    const s = statSync(join(root, d), { throwIfNoEntry: false });
    if (!s) return `${d}/ was removed since the build`;
    if (s.mtimeMs === was.mtimeMs && s.ctimeMs === was.ctimeMs) continue; // its entries are as they were
    const now = readdirSync(join(root, d)).sort();
    if (now.length !== was.entries.length || now.some((e, i) => e !== was.entries[i])) {
      return `files were added to or removed from ${d}/ since the build`;
    }
  }
  return undefined;
}

/** Why `f` is not as the stamp recorded it, else undefined. */
function fileChanged(root, f, was) {
  const path = join(root, f);
  const s = statSync(path, { throwIfNoEntry: false });
  if (!was) return s ? `${f} is new since the build` : undefined;
  if (!s) return `${f} was removed since the build`;
  if (s.size !== was.size) return `${f} changed since the build`;
  if (s.mtimeMs === was.mtimeMs && s.ctimeMs === was.ctimeMs) return undefined;
  return sha256(path) === was.sha256 ? undefined : `${f} changed since the build`;
}

/**
 * `{ fresh: true }` when the bundle `name` (without a name: every bundle) was built from the inputs as they
 * are now, else `{ fresh: false, why }`. Never throws.
 */
function checkBuild(root, name) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(root, STAMP), 'utf8'));
  } catch {
    return { fresh: false, why: 'there is no build (dist/)' };
  }
  const names = name === undefined ? BUNDLES.map((b) => b.name) : [name];
  for (const n of names) {
    if (!stamp.bundles?.[n] || !existsSync(join(root, bundleFile(n)))) {
      return { fresh: false, why: `the build is incomplete (no ${bundleFile(n)})` };
    }
  }
  try {
    const known = stamp.inputs ?? {};
    const why = srcChanged(root, stamp.dirs ?? {});
    if (why) return { fresh: false, why };
    const files = new Set(name === undefined ? Object.keys(known).filter((f) => f.startsWith('src/')) : stamp.bundles[name]);
    for (const f of EXTRA_INPUTS) files.add(f);
    for (const f of files) {
      const changed = fileChanged(root, f, known[f]);
      if (changed) return { fresh: false, why: changed };
    }
    return { fresh: true };
  } catch (e) {
    return { fresh: false, why: `the build cannot be checked (${e.code ?? e.message})` };
  }
}

/**
 * Loads the bundle `name` as CommonJS through V8's code cache when there is one that fits (one made by
 * another Node version is rejected by V8 and the source compiled as usual). Returns its exports and the
 * compiled script (the build makes the code cache from it). The code cache is trusted as much as the
 * bundle: both are written by the build only, into dist/, never by a command.
 */
function loadBundle(root, name) {
  const file = join(root, bundleFile(name));
  const source = readFileSync(file, 'latin1'); // the build writes ASCII only: no UTF-8 decoding needed
  let cachedData;
  try {
    cachedData = readFileSync(join(root, codeCacheFile(name)));
  } catch {
    // no code cache: compiled from the source
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, script };
}

module.exports = { BUNDLES, STAMP, bundleFor, bundleFile, codeCacheFile, buildInputs, stampInputs, checkBuild, loadBundle };
