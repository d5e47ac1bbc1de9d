// loadPolicyNamed parses only a policy and its ancestors (`factory check` and `factory run --policy` need
// one policy); for that name it must come to the same outcome as loading the whole directory.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { loadPolicyDir, loadPolicyNamed, policyYamlData } from '../../src/policy/index.ts';
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
