// dist/: the built CLI (scripts/build.js) and how `factory` decides whether it may run it and loads it.
// CommonJS (bin/package.json), no dependencies and no TypeScript: bin/factory.js uses this at every start.
//
// dist/factory.cjs is one bundle of the sources, dist/factory.cjs.cache V8's code cache for it (compiled
// bytecode, so a start does not parse and compile again what the build already did), and
// dist/build-stamp.json lists every build input (every file under src/, package.json, the installed
// packages' lock file, which changes when npm installs anything, the build script and this file) with its
// size, modification and change times and sha256. The build counts as up to date only when the inputs are
// exactly those: a file whose size and both times are unchanged is taken as unchanged (copying or touching
// cannot set the change time back, unlike the modification time), any other is hashed and compared, and a
// file added or removed makes the build stale.
'use strict';
const { existsSync, readdirSync, readFileSync, statSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const BUNDLE = 'dist/factory.cjs';
const CODE_CACHE = `${BUNDLE}.cache`;
const STAMP = 'dist/build-stamp.json';
const EXTRA_INPUTS = ['package.json', 'node_modules/.package-lock.json', 'scripts/build.js', 'bin/dist.js'];

function walk(root, dir, out) {
  for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) walk(root, rel, out);
    else out.push(rel);
  }
  return out;
}

/** Every build input, relative to the package root, sorted. */
function buildInputs(root) {
  return [...walk(root, 'src', []), ...EXTRA_INPUTS.filter((f) => existsSync(join(root, f)))].sort();
}

function sha256(file) {
  const { createHash } = require('node:crypto'); // only when a file must be hashed
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** The inputs as they are now (every file hashed): what the stamp records. */
function stampInputs(root) {
  const inputs = {};
  for (const f of buildInputs(root)) {
    const path = join(root, f);
    const s = statSync(path);
    inputs[f] = { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, sha256: sha256(path) };
  }
  return inputs;
}

/** `{ fresh: true }` when dist/ was built from the inputs as they are now, else `{ fresh: false, why }`. Never throws. */
function checkBuild(root) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(root, STAMP), 'utf8'));
  } catch {
    return { fresh: false, why: 'there is no build (dist/)' };
  }
  if (!existsSync(join(root, BUNDLE))) return { fresh: false, why: `the build is incomplete (no ${BUNDLE})` };
  try {
    const files = buildInputs(root);
    const known = stamp.inputs ?? {};
    if (files.length !== Object.keys(known).length) {
      return { fresh: false, why: 'files were added to or removed from src/ since the build' };
    }
    for (const f of files) {
      const was = known[f];
      if (!was) return { fresh: false, why: `${f} is new since the build` };
      const path = join(root, f);
      const s = statSync(path);
      if (s.size !== was.size) return { fresh: false, why: `${f} changed since the build` };
      if (s.mtimeMs === was.mtimeMs && s.ctimeMs === was.ctimeMs) continue;
      if (sha256(path) !== was.sha256) return { fresh: false, why: `${f} changed since the build` };
    }
    return { fresh: true };
  } catch (e) {
    return { fresh: false, why: `the build cannot be checked (${e.code ?? e.message})` };
  }
}

/**
 * Loads the bundle as CommonJS through V8's code cache when there is one that fits (one made by another
 * Node version is rejected by V8 and the source compiled as usual). Returns its exports and the compiled
 * script (the build makes the code cache from it). The code cache is trusted as much as the bundle: both
 * are written by the build only, into dist/, never by a command.
 */
function loadBundle(root) {
  const file = join(root, BUNDLE);
  const source = readFileSync(file, 'latin1'); // the build writes ASCII only: no UTF-8 decoding needed
  let cachedData;
  try {
    cachedData = readFileSync(join(root, CODE_CACHE));
  } catch {
    // no code cache: compiled from the source
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, script };
}

module.exports = { BUNDLE, CODE_CACHE, STAMP, buildInputs, stampInputs, checkBuild, loadBundle };
