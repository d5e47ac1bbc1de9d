import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFactoryError } from '../../src/errors/catalog.ts';
import { loadPolicyDir, policyFromText } from '../../src/policy/load.ts';
import { parsePolicyText } from '../../src/policy/parse.ts';
import { resolveAll, resolveOne } from '../../src/policy/resolve.ts';
import type { PolicyFile } from '../../src/policy/schema.ts';
import { ROOT } from '../checker/helpers.ts';

function files(texts: Record<string, string>): Map<string, PolicyFile> {
  const out = new Map<string, PolicyFile>();
  for (const [name, text] of Object.entries(texts)) {
    const r = parsePolicyText(text, name);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    out.set(name, r.file);
  }
  return out;
}

const BASE = `
shell: { allowedCommands: [ls, cat, curl], forbiddenCommands: [rm] }
python:
  allowedModules: [json, requests]
  partialModules: { os: [path, getcwd, listdir] }
  forbiddenModules: [subprocess]
  forbiddenCallables: [eval]
limits: { maxMemoryMb: 512, maxExecutionSeconds: 300 }
paths: { readOnly: [/data], readWrite: [/workspace] }
network: { allowOutbound: true, allowedHosts: [api.example.com] }
`;

describe('extends resolution', () => {
  it('merges lists, lets the child deny win, replaces partial modules and overrides scalars', () => {
    const r = resolveOne(
      'child',
      files({
        base: BASE,
        child: `extends: base
shell: { allowedCommands: [jq], forbiddenCommands: [curl] }
python: { forbiddenModules: [requests], partialModules: { os: [path] } }
limits: { maxMemoryMb: 256 }
paths: { readWrite: [/tmp] }
network: { allowOutbound: false }`,
      }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const p = r.policy;
    expect(p.lineage).toEqual(['base', 'child']);
    expect(p.extends).toBe('base');
    expect(p.shell.allowedCommands).toEqual(['ls', 'cat', 'jq']);
    expect(p.shell.forbiddenCommands).toEqual(['rm', 'curl']);
    expect(p.python.allowedModules).toEqual(['json']);
    expect(p.python.partialModules).toEqual({ os: ['path'] });
    expect(p.python.forbiddenCallables).toEqual(['eval']);
    expect(p.limits.maxMemoryMb).toBe(256);
    expect(p.limits.maxExecutionSeconds).toBe(300);
    expect(p.paths.readWrite).toEqual(['/workspace', '/tmp']);
    expect(p.network).toEqual({ allowOutbound: false, allowedHosts: ['api.example.com'] });
  });

  it('a child replaces the option list of a command and forbidding a command drops its options', () => {
    const base = BASE.replace(
      'shell: { allowedCommands: [ls, cat, curl], forbiddenCommands: [rm] }',
      'shell: { allowedCommands: [ls, cat, curl], forbiddenCommands: [rm], allowedOptions: { ls: [-l, -a], cat: [-n], curl: [-s] } }',
    );
    const r = resolveOne(
      'child',
      files({ base, child: 'extends: base\nshell: { forbiddenCommands: [curl], allowedOptions: { ls: [-l] } }\n' }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.policy.shell.allowedOptions).toEqual({ ls: ['-l'], cat: ['-n'] });
  });

  it('a root policy starts from nothing allowed and the seed limits', () => {
    const r = resolveOne('solo', files({ solo: 'description: x\n' }));
    expect(r.ok && r.policy.shell.allowedCommands).toEqual([]);
    expect(r.ok && r.policy.shell.allowedOptions).toEqual({});
    expect(r.ok && r.policy.limits).toMatchObject({ maxExecutionSeconds: 300, maxMemoryMb: 512, maxFileSizeMb: 50 });
    expect(r.ok && r.policy.network.allowOutbound).toBe(false);
  });

  it('a child cannot re-allow what an ancestor forbids', () => {
    const r = resolveOne('child', files({ base: BASE, child: 'extends: base\nshell: { allowedCommands: [rm] }\n' }));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues[0]).toMatchObject({ path: 'shell.allowedCommands.0' });
  });

  it('detects cycles and unknown parents without affecting unrelated policies', () => {
    const all = resolveAll(
      files({
        a: 'extends: b\n',
        b: 'extends: c\n',
        c: 'extends: a\n',
        d: 'extends: missing\n',
        e: 'extends: a\n',
        ok: 'description: fine\n',
      }),
    );
    for (const n of ['a', 'b', 'c']) {
      const r = all.get(n)!;
      expect(!r.ok && r.issues[0]!.message).toMatch(/^extends cycle: /);
    }
    expect(all.get('d')).toMatchObject({ ok: false, issues: [{ path: 'extends', message: "unknown parent policy 'missing'" }] });
    expect(all.get('e')!.ok).toBe(false);
    expect(all.get('ok')!.ok).toBe(true);
  });

  it('policyFromText throws POLICY_INVALID with every issue', () => {
    expect(() => policyFromText('x', 'limits:\n  maxMemoryMb: -1\n  cpus: abc\n')).toThrow(
      expect.objectContaining({
        code: 'POLICY_INVALID',
        details: expect.objectContaining({
          issues: [expect.objectContaining({ path: 'limits.maxMemoryMb' }), expect.objectContaining({ path: 'limits.cpus' })],
        }),
      }),
    );
  });
});

describe('loading a directory', () => {
  it('loads the shipped policies', async () => {
    const r = await loadPolicyDir(path.join(ROOT, 'policies'));
    expect(r.rejected).toEqual([]);
    expect([...r.policies.keys()].sort()).toEqual(['data-science', 'default', 'strict']);
    const strict = r.policies.get('strict')!.policy;
    const dflt = r.policies.get('default')!.policy;
    expect(strict.lineage).toEqual(['default', 'strict']);
    expect(strict.limits.maxMemoryMb).toBeLessThan(dflt.limits.maxMemoryMb);
    expect(strict.shell.allowedCommands.length).toBeLessThan(dflt.shell.allowedCommands.length);
    expect(strict.python.allowedModules.length).toBeLessThan(dflt.python.allowedModules.length);
    expect(r.policies.get('data-science')!.policy.limits.maxMemoryMb).toBeGreaterThan(dflt.limits.maxMemoryMb);
    // seed 004 §7.2 values
    expect(dflt.limits).toMatchObject({ maxExecutionSeconds: 300, maxMemoryMb: 512, maxFileSizeMb: 50 });
    expect(dflt.network.allowOutbound).toBe(false);
    // every allowed command of the shipped policies has an option list (possibly empty)
    for (const p of [dflt, strict, r.policies.get('data-science')!.policy]) {
      expect(p.shell.allowedCommands.filter((c) => !Object.hasOwn(p.shell.allowedOptions, c))).toEqual([]);
    }
    expect(strict.shell.allowedOptions.xargs).toBeUndefined();
  });

  it('one bad file never stops the others; its children are rejected with an extends issue', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'policies-'));
    writeFileSync(path.join(dir, 'good.yaml'), 'description: good\n');
    writeFileSync(path.join(dir, 'bad.yaml'), 'limits:\n  maxMemoryMb: many\n');
    writeFileSync(path.join(dir, 'child.yaml'), 'extends: bad\n');
    writeFileSync(path.join(dir, 'Bad Name.yaml'), 'description: ignored\n');
    writeFileSync(path.join(dir, 'notes.txt'), 'ignored');
    const r = await loadPolicyDir(dir);
    expect([...r.policies.keys()]).toEqual(['good']);
    expect(r.rejected.map((x) => [x.name, x.issues[0]!.path])).toEqual([
      ['bad', 'limits.maxMemoryMb'],
      ['child', 'extends'],
    ]);
  });
});

describe('a policy file outside the policy directory (factory check/run --policy PATH)', () => {
  const policyDir = path.join(ROOT, 'policies');

  it('extends a parent from its own folder first, else from the policy directory', async () => {
    const { loadPolicyFile } = await import('../../src/policy/load.ts');
    const dir = mkdtempSync(path.join(tmpdir(), 'af-pol-'));
    writeFileSync(path.join(dir, 'mine.yaml'), 'extends: default\nlimits:\n  maxExecutionSeconds: 7\n');
    const p = await loadPolicyFile(path.join(dir, 'mine.yaml'), policyDir);
    expect(p.limits.maxExecutionSeconds).toBe(7);
    expect(p.limits.maxMemoryMb).toBe(512); // inherited from policies/default.yaml
    // without the policy directory the parent is unknown, and the error says so
    const err = await loadPolicyFile(path.join(dir, 'mine.yaml')).catch((e: unknown) => e);
    expect(isFactoryError(err) && err.code).toBe('POLICY_INVALID');
    expect(JSON.stringify((err as { details: unknown }).details)).toMatch(/extends/);
    // a parent next to the file wins over the policy directory's
    writeFileSync(path.join(dir, 'default.yaml'), 'limits:\n  maxMemoryMb: 128\n');
    const q = await loadPolicyFile(path.join(dir, 'mine.yaml'), policyDir);
    expect(q.limits.maxMemoryMb).toBe(128);
  });

  it('reads exactly the file named, even when a sibling of another extension exists, and names a missing file', async () => {
    const { loadPolicyFile } = await import('../../src/policy/load.ts');
    const dir = mkdtempSync(path.join(tmpdir(), 'af-pol-'));
    writeFileSync(path.join(dir, 'x.yaml'), 'extends: default\nlimits:\n  maxExecutionSeconds: 5\n');
    writeFileSync(path.join(dir, 'x.json'), JSON.stringify({ extends: 'default', limits: { maxExecutionSeconds: 9 } }));
    expect((await loadPolicyFile(path.join(dir, 'x.json'), policyDir)).limits.maxExecutionSeconds).toBe(9);
    expect((await loadPolicyFile(path.join(dir, 'x.yaml'), policyDir)).limits.maxExecutionSeconds).toBe(5);
    const err = await loadPolicyFile(path.join(dir, 'nope.yaml'), policyDir).catch((e: unknown) => e);
    expect(isFactoryError(err) && err.code).toBe('POLICY_NOT_FOUND');
  });
});
