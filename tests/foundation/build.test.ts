// `npm run build` and the rule that a stale build never runs: `factory` runs dist/ only when it was built
// from the sources as they are now, else the sources. Tested on a copy of the package in a temporary folder.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers/env.ts';

type CheckBuild = (root: string, bundle?: string) => { fresh: boolean; why?: string };
const { checkBuild } = createRequire(import.meta.url)('../../bin/dist.js') as { checkBuild: CheckBuild };

let root = '';
let cleanup = () => undefined as void;
const CHECK_TS = 'src/cli/commands/check.ts';
const SERVE_TS = 'src/cli/commands/serve.ts';

function build(...args: string[]) {
  return spawnSync(process.execPath, [join(root, 'scripts/build.js'), ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
}
function factory(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(root, 'bin/factory.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, FACTORY_FROM_SOURCE: '', ...env },
  });
  return { code: r.status, stdout: r.stdout, fromSources: /running the sources/.test(r.stderr), stderr: r.stderr };
}
function check(...extra: string[]) {
  return factory(['check', join(root, 'ok.py'), '--policy-dir', join(root, 'policies'), '--data-dir', join(root, 'data'), ...extra]);
}
/** Rewrites a file with other text of the same size, its modification time set back to the old one. */
function sneakyEdit(file: string, from: string, to: string): void {
  const path = join(root, file);
  const before = statSync(path);
  writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
  expect(statSync(path).size).toBe(before.size);
  utimesSync(path, before.atime, before.mtime);
}

beforeAll(() => {
  const t = tempDir('af-build-');
  root = t.dir;
  cleanup = t.cleanup;
  for (const p of ['bin', 'scripts', 'src', 'policies', 'sandbox-images', 'templates', 'package.json', 'tsconfig.json']) {
    cpSync(join(REPO, p), join(root, p), { recursive: true });
  }
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
  writeFileSync(join(root, 'ok.py'), 'print(1)\n');
});
afterAll(() => cleanup());

describe('npm run build', () => {
  it('builds dist/, which `factory` then runs; --if-stale leaves an up-to-date build alone', () => {
    const r = build();
    expect(r.status, r.stderr).toBe(0);
    expect(checkBuild(root)).toEqual({ fresh: true });
    const bundles = ['check', 'one-shot', 'factory'].flatMap((b) => [`dist/${b}.cjs`, `dist/${b}.cjs.cache`]);
    for (const f of [...bundles, 'dist/build-stamp.json']) {
      expect(existsSync(join(root, f)), f).toBe(true);
    }
    expect(check()).toMatchObject({ code: 0, fromSources: false, stdout: expect.stringContaining('allowed') as unknown });
    const stamp = readFileSync(join(root, 'dist/build-stamp.json'), 'utf8');
    expect(build('--if-stale').stderr).toMatch(/up to date/);
    expect(readFileSync(join(root, 'dist/build-stamp.json'), 'utf8')).toBe(stamp);
  });

  it('the build parses the repository policies ahead; an edited policy is parsed again and holds', () => {
    const file = join(root, 'policies/default.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('eval, exec, os.system,', 'eval, exec, print, os.system,'));
    try {
      const r = check();
      expect(r).toMatchObject({ code: 1, fromSources: false });
      expect(r.stdout).toMatch(/BLOCKED[\s\S]*'print' is forbidden/);
    } finally {
      writeFileSync(file, text);
    }
    expect(check()).toMatchObject({ code: 0, fromSources: false });
  });

  it('the repository policies are resolved ahead; an edited parent is resolved again', () => {
    expect(check('--policy', 'strict')).toMatchObject({ code: 0, fromSources: false });
    const file = join(root, 'policies/default.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('eval, exec, os.system,', 'eval, exec, print, os.system,'));
    try {
      const r = check('--policy', 'strict');
      expect(r).toMatchObject({ code: 1, fromSources: false });
      expect(r.stdout).toMatch(/BLOCKED \(python, policy strict[\s\S]*'print' is forbidden/);
    } finally {
      writeFileSync(file, text);
    }
  });

  it('check takes a repository policy as the build resolved it (dist/policies-ahead.json)', () => {
    const file = join(root, 'dist/policies-ahead.json');
    const text = readFileSync(file, 'utf8');
    const ahead = JSON.parse(text) as { resolved: { policies: Record<string, { policy: string }> } };
    const policy = JSON.parse(ahead.resolved.policies.default!.policy) as { python: { forbiddenCallables: string[] } };
    policy.python.forbiddenCallables.push('print'); // as if the build had resolved another default
    ahead.resolved.policies.default!.policy = JSON.stringify(policy);
    writeFileSync(file, JSON.stringify(ahead));
    try {
      const r = check();
      expect(r).toMatchObject({ code: 1, fromSources: false });
      expect(r.stdout).toMatch(/'print' is forbidden/);
    } finally {
      writeFileSync(file, text);
    }
    expect(check()).toMatchObject({ code: 0, fromSources: false });
  });

  it('a bad configuration value fails a check from the build as it always did (exit 2, the key and where it came from)', () => {
    const r = check();
    expect(r).toMatchObject({ code: 0, fromSources: false });
    const bad = factory(['check', join(root, 'ok.py'), '--data-dir', join(root, 'data')], { FACTORY_PORT: 'eighty' });
    expect(bad).toMatchObject({ code: 2, fromSources: false });
    expect(bad.stderr).toMatch(/CONFIG_INVALID.*server\.port \(from environment variable FACTORY_PORT\)/);
  });

  it('each command line runs its own bundle, checked against its own inputs', () => {
    const stamp = JSON.parse(readFileSync(join(root, 'dist/build-stamp.json'), 'utf8')) as { bundles: Record<string, string[]> };
    expect(stamp.bundles.check).toContain(CHECK_TS);
    expect(stamp.bundles.check).not.toContain(SERVE_TS);
    expect(stamp.bundles.factory).toContain(SERVE_TS);
    // a source only the whole CLI has: `check` still runs its build, `--help` (the whole CLI) the sources
    sneakyEdit(SERVE_TS, 'Start the coordinator', 'START the coordinator');
    expect(checkBuild(root, 'check')).toEqual({ fresh: true });
    expect(checkBuild(root, 'factory')).toMatchObject({ fresh: false, why: `${SERVE_TS} changed since the build` });
    expect(checkBuild(root)).toMatchObject({ fresh: false });
    expect(check()).toMatchObject({ code: 0, fromSources: false });
    expect(factory(['--help'])).toMatchObject({ code: 0, fromSources: true });
    sneakyEdit(SERVE_TS, 'START the coordinator', 'Start the coordinator');
    expect(checkBuild(root)).toEqual({ fresh: true });
    // `check` never reads the whole CLI's bundle
    renameSync(join(root, 'dist/factory.cjs'), join(root, 'dist/factory.cjs.away'));
    try {
      expect(check()).toMatchObject({ code: 0, fromSources: false, stdout: expect.stringContaining('allowed') as unknown });
      expect(factory(['--help']).stderr).toMatch(/no dist\/factory\.cjs.*running the sources/);
    } finally {
      renameSync(join(root, 'dist/factory.cjs.away'), join(root, 'dist/factory.cjs'));
    }
  });

  it('never runs a stale build: an edited source runs from the sources, with a note, until the next build', () => {
    sneakyEdit(CHECK_TS, "? 'allowed' :", "? 'ALLOWED' :");
    expect(checkBuild(root)).toMatchObject({ fresh: false, why: `${CHECK_TS} changed since the build` });
    expect(checkBuild(root, 'check')).toMatchObject({ fresh: false, why: `${CHECK_TS} changed since the build` });
    const r = check();
    expect(r).toMatchObject({ code: 0, fromSources: true });
    expect(r.stdout).toContain('ALLOWED'); // the new code ran, not the build
    expect(build('--if-stale').status).toBe(0);
    expect(check()).toMatchObject({ fromSources: false, stdout: expect.stringContaining('ALLOWED') as unknown });
  });

  it('a file touched but not changed keeps the build; one added or removed makes it stale', () => {
    const path = join(root, CHECK_TS);
    writeFileSync(path, readFileSync(path)); // new times, same content
    expect(checkBuild(root)).toEqual({ fresh: true });
    writeFileSync(join(root, 'src/cli/extra.ts'), 'export const x = 1;\n');
    expect(checkBuild(root).fresh).toBe(false);
    expect(checkBuild(root, 'check')).toMatchObject({ fresh: false, why: 'files were added to or removed from src/cli/ since the build' });
    mkdirSync(join(root, 'src/server/extra'));
    writeFileSync(join(root, 'src/server/extra/x.ts'), 'export const x = 1;\n');
    spawnSync('rm', [join(root, 'src/cli/extra.ts')]);
    expect(checkBuild(root, 'check')).toMatchObject({
      fresh: false,
      why: 'files were added to or removed from src/server/ since the build',
    });
    spawnSync('rm', ['-r', join(root, 'src/server/extra')]);
    expect(checkBuild(root)).toEqual({ fresh: true });
    spawnSync('mv', [join(root, 'src/cli/isolates.ts'), join(root, 'src/cli/isolates.ts.away')]);
    expect(checkBuild(root).fresh).toBe(false);
    spawnSync('mv', [join(root, 'src/cli/isolates.ts.away'), join(root, 'src/cli/isolates.ts')]);
    expect(checkBuild(root)).toEqual({ fresh: true });
  });

  it('a changed package.json makes the build stale (so do newly installed packages: npm rewrites node_modules/.package-lock.json)', () => {
    sneakyEdit('package.json', '"private": true', '"private": 1234');
    expect(checkBuild(root)).toMatchObject({ fresh: false, why: 'package.json changed since the build' });
    sneakyEdit('package.json', '"private": 1234', '"private": true');
    expect(checkBuild(root)).toEqual({ fresh: true });
    const stamp = JSON.parse(readFileSync(join(root, 'dist/build-stamp.json'), 'utf8')) as { inputs: Record<string, unknown> };
    expect(Object.keys(stamp.inputs)).toContain('node_modules/.package-lock.json');
  });

  it('a failed build leaves no stamp, so the sources run', () => {
    writeFileSync(join(root, 'src/cli/isolates.ts'), `${readFileSync(join(root, 'src/cli/isolates.ts'), 'utf8')}\nexport const = ;\n`);
    const r = build();
    expect(r.status).toBe(1);
    expect(existsSync(join(root, 'dist/build-stamp.json'))).toBe(false);
    expect(checkBuild(root)).toMatchObject({ fresh: false, why: 'there is no build (dist/)' });
  });
});
