// loadPolicyNamed parses only a policy and its ancestors (`factory check` and `factory run --policy` need
// one policy); for that name it must come to the same outcome as loading the whole directory.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { chainKey, resolvedAhead } from '../../src/policy/ahead.ts';
import { loadPolicyDir, loadPolicyNamed, policyYamlData, readPolicySourcesSync } from '../../src/policy/index.ts';
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

describe('chainKey (how a policy resolved ahead is found)', () => {
  function sourcesOf(files: Record<string, string>) {
    const t = tempDir();
    cleanups.push(t.cleanup);
    for (const [file, text] of Object.entries(files)) writeFileSync(join(t.dir, file), text);
    const sources = new Map(readPolicySourcesSync(t.dir).map((s) => [s.name, s]));
    const parsed: Record<string, string> = {};
    for (const s of sources.values()) {
      const data = policyYamlData(s.text);
      if (data !== undefined) parsed[s.hash] = data;
    }
    return { sources, parsed };
  }

  it('names each member of the chain and its exact text, the policy first', () => {
    const { sources, parsed } = sourcesOf(DIR);
    const hash = (n: string) => sources.get(n)!.hash;
    expect(chainKey(sources, 'grandchild', parsed)).toBe(
      [`grandchild\0${hash('grandchild')}`, `child\0${hash('child')}`, `base\0${hash('base')}`].join('\n'),
    );
    expect(chainKey(sources, 'base', parsed)).toBe(`base\0${hash('base')}`);
    // what can never resolve has no key: a missing or repeated parent, a text not parsed ahead
    for (const name of ['orphan', 'loop-a', 'of-broken', 'broken', 'absent']) expect(chainKey(sources, name, parsed), name).toBeUndefined();
    const { [hash('child')]: _child, ...withoutChild } = parsed;
    expect(chainKey(sources, 'grandchild', withoutChild)).toBeUndefined();
    // another text of a parent is another key
    const edited = sourcesOf({ ...DIR, 'base.yaml': DIR['base.yaml'].replace('256', '255') });
    expect(chainKey(edited.sources, 'grandchild', edited.parsed)).not.toBe(chainKey(sources, 'grandchild', parsed));
  });

  it('the sources run without anything worked out ahead (the build bundles it)', () => {
    const { sources } = sourcesOf(DIR);
    expect(resolvedAhead(sources, 'base')).toBeUndefined();
    expect(chainKey(sources, 'base')).toBeUndefined();
  });
});
