#!/usr/bin/env node
// npm run build [-- --if-stale]: builds dist/, the JavaScript that `factory` runs (see bin/dist.js).
//
// 1. esbuild bundles each entry of the CLI (bin/dist.js BUNDLES: `check`, the other one-shot commands, and
//    every command) with everything it imports into one CommonJS file, dist/NAME.cjs (no type check:
//    `npm run typecheck` does that). Native addons and the packages only the server needs stay in
//    node_modules and are loaded when a command needs them; dockerode's BuildKit (gRPC) and SSH transport
//    modules, which the sandbox never uses, are loaded only if called. Paths the sources take from
//    `import.meta.url` point at the sources' own folders (the sandbox runners are read from src/). The
//    repository's policies are parsed and resolved ahead (src/policy/ahead.ts says how that is used).
// 2. A few commands of each bundle run in this process (checks of allowed and blocked scripts, a run
//    against an engine that is not there, audit verify, the help), and V8's code cache of each bundle is
//    written after them: dist/NAME.cjs.cache holds the bytecode of everything they compiled.
// 3. The stamp is written, from the inputs as they were before building, and only if none changed
//    meanwhile; then each bundle must answer `--help` as a process of its own, or the stamp goes again.
//    A failed or interrupted build, or a source edited during it, leaves no stamp: `factory` then runs
//    the sources instead.
// --if-stale: nothing to do when dist/ is already up to date (scripts/setup.sh calls it so).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import vm from 'node:vm';
import { build } from 'esbuild';
import { BUNDLES, bundleFile, checkBuild, codeCacheFile, loadBundle, STAMP, stampInputs } from '../bin/dist.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const log = (s) => process.stderr.write(`build: ${s}\n`);
const POLICIES_AHEAD = 'dist/policies-ahead.json';

/**
 * Bundled: what the one-shot commands load, and openapi-fetch (its CommonJS build has no default export
 * under Node's interop, which a bundle required from node_modules would get). Every other dependency stays
 * in node_modules.
 */
const BUNDLED = new Set(['zod', 'yaml', 'dockerode', 'openapi-fetch']);
/**
 * Modules of bundled packages that the sandbox never uses (BuildKit over gRPC, the SSH transport), left in
 * node_modules and loaded only if called: `importer specifier` → module. docker.js requires buildkit.js
 * only when called already (and it reads files beside itself); session.js and ssh.js, each a function,
 * are required at load, so they are replaced by a function that requires them on its first call.
 */
const LAZY = {
  'dockerode/lib/docker.js ./session': { module: 'dockerode/lib/session.js', wrap: true },
  'dockerode/lib/docker.js ./buildkit': { module: 'dockerode/lib/buildkit.js', wrap: false },
  'docker-modem/lib/modem.js ./ssh': { module: 'docker-modem/lib/ssh.js', wrap: true },
};

if (process.argv.includes('--if-stale') && checkBuild(root).fresh) {
  log('dist/ is up to date');
  process.exit(0);
}
const started = Date.now();
const before = stampInputs(root);
rmSync(join(root, 'dist'), { recursive: true, force: true });
mkdirSync(join(root, 'dist'));
const ahead = await worksAhead();
const bundles = {};
for (const b of BUNDLES) bundles[b.name] = [...new Set([...(await bundle(b, ahead.define)), ...ahead.inputs])].sort();
await train();
if (JSON.stringify(stampInputs(root)) !== JSON.stringify(before)) fail('sources changed while building; run the build again');
const stamp = { builtAt: new Date().toISOString(), node: process.version, ...before, bundles };
writeFileSync(join(root, STAMP), `${JSON.stringify(stamp)}\n`);
smokeTest();
const sizes = BUNDLES.map((b) => `${b.name} ${(readFileSync(join(root, bundleFile(b.name))).length / 1e6).toFixed(2)} MB`).join(', ');
log(`dist/ built from ${Object.keys(before.inputs).length} inputs in ${((Date.now() - started) / 1000).toFixed(1)} s (${sizes})`);

function fail(why) {
  log(`${why}; dist/ has no stamp, so \`factory\` runs the sources`);
  process.exit(1);
}

/**
 * What the build works out ahead, by the sources' own functions (bundled here for the purpose), each kept
 * only where JSON holds the value exactly: the repository's policies (see src/policy/ahead.ts: `parsed`,
 * sha256 of each text → its YAML's data, and `resolved`, each policy resolved, with the texts it was
 * resolved from), into dist/policies-ahead.json; and FACTORY_CONFIG_DEFAULTS_AHEAD, the defaults of the
 * configuration's sections (src/config/load.ts). Returns esbuild's define (string literals) and the
 * helper's files of src/ (`inputs`: inputs of every bundle).
 */
async function worksAhead() {
  const contents = [
    "export { policyHash, policyYamlData } from './src/policy/parse.ts';",
    "export { policyNamed, readPolicySourcesSync } from './src/policy/load.ts';",
    "export { sectionDefaults } from './src/config/load.ts';",
  ].join('\n');
  const helper = await build({
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'ahead.ts' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    write: false,
    metafile: true,
    absWorkingDir: root, // the metafile's paths are relative to it: src/… whatever folder the build runs from
    logLevel: 'warning',
    plugins: [sourceUrls(join(root, 'dist'))],
  }).catch(() => fail('esbuild failed'));
  const module = { exports: {} };
  const run = vm.runInThisContext(`(function (module, exports, require, __dirname) {${helper.outputFiles[0].text}\n})`);
  run(module, module.exports, createRequire(import.meta.url), join(root, 'dist'));
  const { policyHash, policyYamlData, policyNamed, readPolicySourcesSync, sectionDefaults } = module.exports;
  const dir = join(root, 'policies');
  const parsed = {};
  for (const f of readdirSync(dir).filter((n) => /\.(ya?ml|json)$/.test(n))) {
    const text = readFileSync(join(dir, f), 'utf8');
    const data = policyYamlData(text);
    if (data !== undefined) parsed[policyHash(text)] = data;
  }
  const resolved = { texts: {}, policies: {} };
  const sources = new Map(readPolicySourcesSync(dir).map((s) => [s.name, s]));
  for (const name of sources.keys()) {
    const { policy } = policyNamed(sources, name);
    const json = policy && JSON.stringify(policy);
    if (!policy || policy.lineage.at(-1) !== name || !isDeepStrictEqual(JSON.parse(json), policy)) continue;
    resolved.policies[name] = { lineage: policy.lineage, policy: json };
    for (const member of policy.lineage) resolved.texts[member] = sources.get(member).text;
  }
  if (Object.keys(resolved.policies).length === 0) log('note: no policy was resolved ahead');
  // the policies in a file of their own, read when a policy is loaded: as a string in a bundle, they would be
  // read and decoded twice at every start (the bundle's text and its code cache)
  writeFileSync(join(root, POLICIES_AHEAD), JSON.stringify({ parsed, resolved }));
  const define = {
    FACTORY_POLICIES_AHEAD_FILE: JSON.stringify(relative(join(root, 'src/policy'), join(root, POLICIES_AHEAD))),
    FACTORY_CONFIG_DEFAULTS_AHEAD: JSON.stringify(JSON.stringify(sectionDefaults(root))),
  };
  const inputs = srcInputs(helper.metafile);
  if (!inputs.includes('src/policy/load.ts')) fail("esbuild's list of the inputs of the build's helper is not what it was");
  return { define, inputs };
}

/** esbuild plugin: paths the sources take from `import.meta` point at the sources' own files, from `dist` (the bundle's folder). */
function sourceUrls(dist) {
  return {
    name: 'source-urls',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta.')) return { contents: text, loader: 'ts' };
        const file = JSON.stringify(relative(dist, args.path));
        const path = `require("node:path").join(__dirname, ${file})`;
        const contents = text
          .replaceAll('import.meta.url', `require("node:url").pathToFileURL(${path}).href`)
          .replaceAll('import.meta.filename', path)
          .replaceAll('import.meta.dirname', `require("node:path").dirname(${path})`);
        return { contents, loader: 'ts' };
      });
    },
  };
}

/** The files of src/ esbuild read for a build. */
function srcInputs(metafile) {
  return Object.keys(metafile.inputs).filter((f) => f.startsWith('src/'));
}

/** Builds one bundle (bin/dist.js BUNDLES); returns the files of src/ it was built from. */
async function bundle({ name, entry }, define) {
  const out = bundleFile(name);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const dist = join(root, 'dist');
  const lazyHits = new Set();
  let zodLocales = false;
  const plugins = [
    sourceUrls(dist),
    {
      // zod's locales (a fifth of the bundle): English stays, every other is loaded from node_modules if called
      name: 'zod-locales',
      setup(b) {
        b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
          /\/node_modules\/zod\/v4\/(classic|core|mini)$/.test(dirname(args.importer))
            ? { path: join(dirname(args.importer), args.path), namespace: 'zod-locales' }
            : undefined,
        );
        b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => {
          const lines = readFileSync(args.path, 'utf8').trim().split('\n');
          const names = lines.map((l) => /^export \{ default as (\w+) \} from "\.\/([\w-]+)\.js";$/.exec(l));
          if (names.some((m) => !m)) return undefined; // another layout: bundled as it is
          const lazy = (n) => `export function ${n}() { return require('zod/v4/locales').${n}.apply(this, arguments); }`;
          const contents = names.map(([, n, f]) => (n === 'en' ? `export { default as en } from './${f}.js';` : lazy(n))).join('\n');
          zodLocales = true;
          return { contents, loader: 'js', resolveDir: dirname(args.path) };
        });
      },
    },
    {
      name: 'lazy-modules',
      setup(b) {
        b.onResolve({ filter: /^\.\/(session|buildkit|ssh)$/ }, (args) => {
          const [key] = Object.keys(LAZY).filter((k) => {
            const [importer, specifier] = k.split(' ');
            return args.importer.endsWith(`/node_modules/${importer}`) && specifier === args.path;
          });
          if (!key) return undefined;
          lazyHits.add(key);
          return LAZY[key].wrap ? { path: LAZY[key].module, namespace: 'lazy' } : { path: LAZY[key].module, external: true };
        });
        b.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({
          contents: `module.exports = function () { return require(${JSON.stringify(args.path)}).apply(this, arguments); };`,
          loader: 'js',
        }));
      },
    },
  ];
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: [
      ...Object.keys(pkg.dependencies ?? {}).filter((d) => !BUNDLED.has(d)),
      ...Object.values(LAZY).map((l) => l.module),
      'zod/v4/locales',
    ],
    supported: { 'dynamic-import': false }, // import() of a package becomes require(): no ESM loader inside vm.Script
    // without comments and blanks, and all ASCII (one byte a character in V8): about half the text to read and
    // hash at every start; names are kept, so stack traces stay readable
    minifyWhitespace: true,
    minifySyntax: true,
    charset: 'ascii',
    legalComments: 'none',
    logOverride: { 'empty-import-meta': 'error' },
    define,
    metafile: true,
    logLevel: 'warning',
    plugins,
  }).catch(() => fail('esbuild failed'));
  if (result.errors.length > 0) fail('esbuild failed');
  if (readFileSync(join(root, out)).some((b) => b > 0x7f)) fail(`${out} is not all ASCII (bin/dist.js reads it as such)`);
  const inputs = srcInputs(result.metafile);
  if (!inputs.includes('src/cli/dispatch.ts')) fail(`esbuild's list of the inputs of ${out} is not what it was`);
  if (name !== 'factory') return inputs; // the notes below hold for every bundle
  if (!zodLocales) log("note: zod's locales are bundled whole (their index has another layout)");
  for (const key of Object.keys(LAZY)) if (!lazyHits.has(key)) log(`note: ${key.replace(' ', ' → ')} not seen; it is bundled as usual`);
  return inputs;
}

/** Runs a few commands of each bundle in this process, then writes the code cache of everything they compiled. */
async function train() {
  const dir = mkdtempSync(join(tmpdir(), 'factory-build-'));
  const io = { out: () => undefined, err: () => undefined, env: { ...process.env, DOCKER_HOST: `unix://${dir}/no-engine.sock` } };
  const files = {
    'ok.py': 'import json\nprint(json.dumps({"n": 1}))\n',
    'ok.sh': 'echo "$1" | tr a-z A-Z\n',
    'bad.py': 'import os\nos.system("ls")\n',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const data = ['--data-dir', join(dir, 'data'), '--policy-dir', join(root, 'policies')];
  const commands = {
    check: [
      ['check', join(dir, 'ok.py'), join(dir, 'ok.sh'), ...data],
      ['check', join(dir, 'bad.py'), '--json', ...data],
    ],
    'one-shot': [
      ['run', join(dir, 'ok.py'), ...data],
      ['audit', 'verify', '--data-dir', join(dir, 'data')],
    ],
    // the whole CLI: the help, and what its service commands share with the one-shot ones
    factory: [['--help'], ['check', join(dir, 'ok.py'), join(dir, 'bad.py'), ...data], ['run', join(dir, 'ok.py'), ...data]],
  };
  for (const { name } of BUNDLES) {
    const { exports, script } = loadBundle(root, name);
    for (const argv of commands[name] ?? fail(`no training commands for the bundle ${name}`)) await exports.main(argv, io);
    writeFileSync(join(root, codeCacheFile(name)), script.createCachedData());
  }
  rmSync(dir, { recursive: true, force: true });
}

/** Each bundle must start as a process of its own and answer `--help`. */
function smokeTest() {
  for (const { name, words } of BUNDLES) {
    const argv = [...words.slice(0, 1), '--help'];
    const r = spawnSync(process.execPath, [join(root, 'bin/factory.js'), ...argv], { encoding: 'utf8' });
    if (r.status !== 0 || !r.stdout.includes('Usage: factory') || r.stderr.includes('running the sources')) {
      rmSync(join(root, STAMP), { force: true });
      fail(`the new build does not start (${name}: factory ${argv.join(' ')}): ${r.stderr || r.stdout}`);
    }
  }
}
