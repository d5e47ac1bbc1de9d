// loadPolicyNamed parses only a policy and its ancestors (`factory check` and `factory run --policy` need
// one policy); for that name it must come to the same outcome as loading the whole directory.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { resolvedAhead, type ResolvedAhead } from '../../src/policy/ahead.ts';
import { policyNamed } from '../../src/policy/load.ts';
import {
  loadPolicyDir,
  loadPolicyNamed,
  policyHash,
  policyYamlData,
  readPolicySourcesSync,
  type PolicySource,
} from '../../src/policy/index.ts';
import { REPO, tempDir } from '../helpers/env.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const DIR = {
  'base.yaml': 'python: { allowedModules: [json, csv], forbiddenCallables: [eval] }\nlimits: { maxMemoryMb: 256 }\n',
  'child.yaml': 'extends: base\npython: { allowedModules: [math] }\n',
  'grandchild.yaml': 'extends: child\nlimits: { maxMemoryMb: 128 }\n',
  'broken.yaml': 'python: { allowedModules: [json\n',
  'of-broken.yaml': 'extends: broken\n',
  'typo.yaml': 'pyhton: {}\n',
  'orphan.yaml': 'extends: missing\n',
  'loop-a.yaml': 'extends: loop-b\n',
  'loop-b.yaml': 'extends: loop-a\n',
  're-allow.yaml': 'extends: base\npython: { allowedCallables: [eval] }\n',
  'mismatch.yaml': 'name: other\n',
};

describe('loadPolicyNamed', () => {
  it('gives for every name what loading the whole directory gives', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    for (const [file, text] of Object.entries(DIR)) writeFileSync(join(t.dir, file), text);
    const all = await loadPolicyDir(t.dir);
    for (const name of [...Object.keys(DIR).map((f) => f.replace('.yaml', '')), 'absent']) {
      const one = loadPolicyNamed(t.dir, name);
      expect(one.policy, name).toEqual(all.policies.get(name)?.policy);
      expect(one.issues, name).toEqual(all.rejected.find((r) => r.name === name)?.issues);
      expect(one.known.sort()).toEqual(
        Object.keys(DIR)
          .map((f) => f.replace('.yaml', ''))
          .sort(),
      );
    }
    // the cases above cover valid chains and each way of being rejected
    expect(all.policies.has('grandchild')).toBe(true);
    const rejected = all.rejected.map((r) => r.name);
    expect(rejected).toEqual(expect.arrayContaining(['broken', 'of-broken', 'typo', 'orphan', 'loop-a', 're-allow', 'mismatch']));
  });

  it('agrees on the repository policies', async () => {
    const dir = join(REPO, 'policies');
    const all = await loadPolicyDir(dir);
    for (const name of all.policies.keys()) expect(loadPolicyNamed(dir, name).policy).toEqual(all.policies.get(name)!.policy);
  });
});

describe('policyYamlData (what the build parses ahead)', () => {
  it('is the data the YAML parser gives, for each repository policy', () => {
    const dir = join(REPO, 'policies');
    for (const f of readdirSync(dir)) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(JSON.parse(policyYamlData(text)!), f).toEqual(parseDocument(text).toJS());
    }
  });

  it('gives nothing where JSON would not hold the data exactly, or the YAML has errors', () => {
    for (const text of ['limits: { maxMemoryMb: .inf }\n', 'limits: { cpus: -0 }\n', 'a: [1\n', 'a: 1\na: 2\n', 'x: !!binary aGk=\n']) {
      expect(policyYamlData(text), text).toBeUndefined();
    }
    expect(policyYamlData('limits: { cpus: 0.5 }\n')).toBe('{"limits":{"cpus":0.5}}');
  });
});

describe('resolvedAhead (a policy the build resolved, found again)', () => {
  function sourcesOf(files: Record<string, string>) {
    const t = tempDir();
    cleanups.push(t.cleanup);
    for (const [file, text] of Object.entries(files)) writeFileSync(join(t.dir, file), text);
    return new Map(readPolicySourcesSync(t.dir).map((s) => [s.name, s]));
  }
  /** what the build records (scripts/build.js) */
  function tableOf(sources: Map<string, PolicySource>): ResolvedAhead {
    const table: ResolvedAhead = { texts: {}, policies: {} };
    for (const name of sources.keys()) {
      const { policy } = policyNamed(sources, name);
      if (!policy) continue;
      table.policies[name] = { lineage: policy.lineage, policy: JSON.stringify(policy) };
      for (const m of policy.lineage) table.texts[m] = sources.get(m)!.text;
    }
    return table;
  }

  it('is what loadPolicyNamed gives, as long as every file of the chain has the text it was resolved from', () => {
    const sources = sourcesOf(DIR);
    const table = tableOf(sources);
    expect(Object.keys(table.policies).sort()).toEqual(['base', 'child', 'grandchild']);
    for (const name of Object.keys(DIR).map((f) => f.replace('.yaml', ''))) {
      expect(resolvedAhead(sources, name, table), name).toEqual(policyNamed(sources, name).policy);
    }
    // a parent edited, or gone: not the answer any more
    const edited = sourcesOf({ ...DIR, 'base.yaml': DIR['base.yaml'].replace('256', '255') });
    expect(resolvedAhead(edited, 'grandchild', table)).toBeUndefined();
    expect(resolvedAhead(edited, 'base', table)).toBeUndefined();
    const { ['child.yaml']: _, ...withoutChild } = DIR;
    expect(resolvedAhead(sourcesOf(withoutChild), 'grandchild', table)).toBeUndefined();
    // a file of another policy edited: still the answer
    expect(resolvedAhead(sourcesOf({ ...DIR, 'typo.yaml': 'python: {}\n' }), 'grandchild', table)).toEqual(
      policyNamed(sources, 'grandchild').policy,
    );
  });

  it('the sources run with nothing resolved ahead (the build bundles it), and never hash an unedited policy for it', () => {
    const sources = sourcesOf(DIR);
    expect(resolvedAhead(sources, 'base')).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(sources.get('base'), 'hash')?.get).toBeTypeOf('function');
    expect(sources.get('base')!.hash).toBe(policyHash(DIR['base.yaml']));
  });
});
