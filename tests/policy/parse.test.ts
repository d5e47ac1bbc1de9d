import { describe, expect, it } from 'vitest';
import { assertPolicyName, isValidPolicyName, policyFilePath, policyNameOfFile } from '../../src/policy/names.ts';
import { parsePolicyText, policyHash } from '../../src/policy/parse.ts';

function issues(text: string, name?: string) {
  const r = parsePolicyText(text, name);
  if (r.ok) throw new Error('expected issues');
  return r.issues;
}

describe('policy text parsing and validation', () => {
  it('accepts a minimal policy and JSON text', () => {
    expect(parsePolicyText('name: x\nshell:\n  allowedCommands: [ls]\n', 'x').ok).toBe(true);
    expect(parsePolicyText('{"name": "x", "limits": {"maxMemoryMb": 256}}', 'x').ok).toBe(true);
  });

  it('reports a wrong type with its dotted path and line', () => {
    const [i] = issues('name: x\nlimits:\n  maxMemoryMb: lots\n');
    expect(i).toMatchObject({ path: 'limits.maxMemoryMb', line: 3, column: 16 });
    expect(i!.message).toMatch(/expected number/i);
  });

  it('reports unknown keys (typos) at the key, at every depth', () => {
    const list = issues('name: x\nlimtis: {}\nshell:\n  allowedComands: [ls]\n');
    expect(list.map((i) => [i.path, i.line])).toEqual([
      ['limtis', 2],
      ['shell.allowedComands', 4],
    ]);
    expect(list[0]!.message).toContain("unknown key 'limtis'");
  });

  it('reports every problem, not only the first', () => {
    const list = issues(
      [
        'name: x',
        'limits:',
        '  maxMemoryMb: 1',
        '  cpus: 1000',
        'paths:',
        '  readOnly: [data, /a/../b, /x/]',
        'shell:',
        '  allowedCommands: [/bin/ls]',
        'network:',
        '  allowedHosts: ["not a host"]',
      ].join('\n'),
    );
    expect(list.map((i) => i.path)).toEqual([
      'limits.maxMemoryMb',
      'limits.cpus',
      'paths.readOnly.0',
      'paths.readOnly.1',
      'paths.readOnly.2',
      'shell.allowedCommands.0',
      'network.allowedHosts.0',
    ]);
    expect(list.every((i) => typeof i.line === 'number')).toBe(true);
    expect(list[2]!.message).toContain('absolute normalized path');
  });

  it('reports YAML syntax errors with their line', () => {
    const [i] = issues('name: x\nshell:\n  allowedCommands: [ls\n');
    expect(i!.message).toMatch(/^YAML:/);
    expect(i!.line).toBeGreaterThanOrEqual(3);
  });

  it('rejects duplicate keys, empty documents and a name that does not match the file', () => {
    expect(issues('name: x\nname: y\n')[0]!.message).toMatch(/YAML/);
    expect(issues('')[0]!.message).toBe('the policy is empty');
    expect(issues('name: other\n', 'x')[0]).toMatchObject({ path: 'name', line: 1 });
    expect(issues('extends: x\n', 'x')[0]!.message).toBe('a policy cannot extend itself');
  });

  it('validates shell option specs per command, with their line', () => {
    const ok = parsePolicyText(
      'name: x\nshell:\n  allowedOptions:\n    sort: [-n, --key <value>, -o <output>, "--color[=<value>]", -NUM]\n    find: [-name <value>, -print0]\n',
      'x',
    );
    expect(ok.ok).toBe(true);
    const list = issues('name: x\nshell:\n  allowedOptions:\n    sort: [-n, "--key=<value>", "-k <path>", "rm -rf"]\n');
    expect(list.map((i) => i.path)).toEqual(['shell.allowedOptions.sort.1', 'shell.allowedOptions.sort.2', 'shell.allowedOptions.sort.3']);
    expect(list[0]).toMatchObject({ line: 4 });
    expect(list[0]!.message).toContain('-k <value>');
  });

  it('rejects a name both allowed and forbidden in one file', () => {
    expect(issues('shell:\n  allowedCommands: [ls, rm]\n  forbiddenCommands: [rm]\n')[0]).toMatchObject({
      path: 'shell.allowedCommands.1',
      line: 2,
    });
  });

  it('hashes the exact text (the ETag)', () => {
    expect(policyHash('a')).toBe('ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb');
  });
});

describe('policy names', () => {
  it.each(['default', 'data-science', 'strict_2', '0x'])('valid: %s', (n) => expect(isValidPolicyName(n)).toBe(true));
  it.each(['', '../etc', 'a/b', 'Default', '-x', '.hidden', 'x'.repeat(65), 'a\0b', 'default.yaml'])('invalid: %j', (n) => {
    expect(isValidPolicyName(n)).toBe(false);
    expect(() => assertPolicyName(n)).toThrow(expect.objectContaining({ code: 'POLICY_NAME_INVALID' }));
    expect(() => policyFilePath('/policies', n)).toThrow();
  });
  it('maps file names to policy names', () => {
    expect(policyNameOfFile('default.yaml')).toBe('default');
    expect(policyNameOfFile('x.json')).toBe('x');
    expect(policyNameOfFile('.default.yaml.123.tmp')).toBeNull();
    expect(policyNameOfFile('README.md')).toBeNull();
    expect(policyFilePath('/policies', 'strict')).toBe('/policies/strict.yaml');
  });
});
