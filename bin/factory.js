#!/usr/bin/env node
// The `factory` command. The command line's first word picks the entry of the CLI (bin/dist.js BUNDLES:
// `check` has a small one of its own, so do `run`, `audit` and `token`; every other command the whole CLI).
// Runs its build in dist/ (`npm run build`, done by scripts/setup.sh) when it was built from the sources
// as they are now; otherwise, or with FACTORY_FROM_SOURCE=1, the entry's TypeScript sources through tsx,
// which is slower to start. A stale build never runs: see bin/dist.js.
// CommonJS (bin/package.json): a CommonJS entry starts faster than an ES module. No --no-node-snapshot
// either: it slows every start, so only the commands that load isolated-vm run again with it
// (src/cli/isolates.ts).
'use strict';
const { join } = require('node:path');
const { bundleFor, checkBuild, loadBundle } = require('./dist.js');

// `factory … | head` closes the pipe early: stop quietly instead of crashing on EPIPE
for (const s of [process.stdout, process.stderr]) {
  s.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

async function load() {
  const root = join(__dirname, '..');
  const bundle = bundleFor(process.argv.slice(2));
  if (process.env.FACTORY_FROM_SOURCE !== '1') {
    const build = checkBuild(root, bundle.name);
    if (build.fresh) return loadBundle(root, bundle.name).exports;
    process.stderr.write(`factory: ${build.why}; running the sources through tsx (slower start; \`npm run build\` makes dist/)\n`);
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import(require('node:url').pathToFileURL(join(root, bundle.entry)).href);
}

async function start() {
  const { main } = await load();
  process.exitCode = await main(process.argv.slice(2));
  // The command has answered: leave as soon as its output is written. Whatever still holds the event loop
  // (a request to an engine that stopped answering, a container removal handed to the engine) must not
  // keep the process.
  setTimeout(() => process.exit(), 1000).unref(); // should a stream never report back
  let pending = 2;
  for (const s of [process.stdout, process.stderr]) {
    s.write('', () => {
      if (--pending === 0) process.exit();
    });
  }
}

start().catch((e) => {
  process.stderr.write(`factory: ${e?.stack ?? e}\n`);
  process.exit(1);
});
