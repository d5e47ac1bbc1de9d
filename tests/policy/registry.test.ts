import { mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isFactoryError, type FactoryError } from '../../src/errors/catalog.ts';
import { policyHash } from '../../src/policy/parse.ts';
import { PolicyRegistry, type PolicyChangeEvent } from '../../src/policy/registry.ts';

const PARENT = 'description: parent\nshell:\n  allowedCommands: [ls, cat]\nlimits:\n  maxMemoryMb: 512\n';
const CHILD = 'extends: parent\ndescription: child\nshell:\n  allowedCommands: [grep]\n';

let dir: string;
let events: PolicyChangeEvent[];
let reg: PolicyRegistry | null;

async function waitFor<T>(probe: () => T | undefined | false, what: string, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > end)
      throw new Error(`timed out waiting for ${what}; events: ${JSON.stringify(events.map((e) => [e.kind, e.name, e.source]))}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function expectCode(p: Promise<unknown>, code: string): Promise<FactoryError> {
  await expect(p).rejects.toSatisfy((e) => isFactoryError(e) && e.code === code, `a FactoryError with code ${code}`);
  return p.then(
    () => expect.unreachable(),
    (e: unknown) => e as FactoryError,
  );
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'policy-registry-'));
  writeFileSync(path.join(dir, 'parent.yaml'), PARENT);
  writeFileSync(path.join(dir, 'child.yaml'), CHILD);
  events = [];
  reg = await PolicyRegistry.open(dir, { onChange: (e) => events.push(e), debounceMs: 30 });
});

afterEach(async () => {
  await reg?.close();
  reg = null;
  rmSync(dir, { recursive: true, force: true });
});

describe('PolicyRegistry', () => {
  it('loads, resolves, lists and serves sources with their hash', () => {
    const r = reg!;
    expect(r.get('child').shell.allowedCommands).toEqual(['ls', 'cat', 'grep']);
    expect(r.list().map((p) => [p.name, p.extends])).toEqual([
      ['child', 'parent'],
      ['parent', null],
    ]);
    expect(r.source('parent')).toMatchObject({ text: PARENT, hash: policyHash(PARENT) });
    expect(events.map((e) => [e.kind, e.name, e.source])).toEqual([
      ['loaded', 'child', 'start'],
      ['loaded', 'parent', 'start'],
    ]);
  });

  it('throws POLICY_NOT_FOUND and POLICY_NAME_INVALID', async () => {
    expect(() => reg!.get('nope')).toThrowError(/no policy named/);
    expect(() => reg!.get('../etc/passwd')).toThrow(expect.objectContaining({ code: 'POLICY_NAME_INVALID' }));
    await expectCode(reg!.write('../evil', 'description: x\n'), 'POLICY_NAME_INVALID');
    await expectCode(reg!.write('a/b', 'description: x\n'), 'POLICY_NAME_INVALID');
  });

  it('picks up a valid edit on disk without a restart, and children re-resolve', async () => {
    reg!.watch();
    writeFileSync(path.join(dir, 'parent.yaml'), PARENT.replace('[ls, cat]', '[ls, cat, head]'));
    await waitFor(() => reg!.get('child').shell.allowedCommands.includes('head'), 'child to see head');
    expect(reg!.get('parent').shell.allowedCommands).toContain('head');
    const kinds = events.filter((e) => e.source !== 'start').map((e) => [e.kind, e.name, e.source]);
    expect(kinds).toContainEqual(['loaded', 'parent', 'disk']);
    expect(kinds).toContainEqual(['loaded', 'child', 'parent']);
  });

  it('keeps the last valid version in force when an edit on disk is invalid, and reports it', async () => {
    reg!.watch();
    const before = reg!.get('parent');
    const bad = 'description: broken\nlimits:\n  maxMemoryMb: plenty\n';
    writeFileSync(path.join(dir, 'parent.yaml'), bad);
    const ev = await waitFor(() => events.find((e) => e.kind === 'rejected' && e.name === 'parent'), 'rejected event');
    expect(ev).toMatchObject({ source: 'disk', hash: policyHash(bad), inForceHash: policyHash(PARENT) });
    expect(ev.issues?.[0]).toMatchObject({ path: 'limits.maxMemoryMb', line: 3 });
    expect(reg!.get('parent')).toEqual(before);
    expect(reg!.source('parent').text).toBe(PARENT);
    expect(reg!.problems().map((p) => p.name)).toEqual(['parent']);
    expect(reg!.list().find((p) => p.name === 'parent')!.issues?.[0]?.path).toBe('limits.maxMemoryMb');
    expect(reg!.get('child').shell.allowedCommands).toEqual(['ls', 'cat', 'grep']);
    // fixing it takes effect and clears the problem
    writeFileSync(path.join(dir, 'parent.yaml'), PARENT.replace('512', '1024'));
    await waitFor(() => reg!.get('parent').limits.maxMemoryMb === 1024, 'fixed version');
    expect(reg!.problems()).toEqual([]);
  });

  it('reports removal, and a child of a removed parent keeps its last valid version', async () => {
    reg!.watch();
    unlinkSync(path.join(dir, 'parent.yaml'));
    await waitFor(() => events.find((e) => e.kind === 'removed' && e.name === 'parent'), 'removed event');
    const rej = await waitFor(() => events.find((e) => e.kind === 'rejected' && e.name === 'child'), 'child rejected');
    expect(rej.source).toBe('parent');
    expect(reg!.has('parent')).toBe(false);
    expect(reg!.get('child').shell.allowedCommands).toEqual(['ls', 'cat', 'grep']);
  });

  it('write() validates, checks the ETag and replaces the file atomically', async () => {
    const oldHash = policyHash(PARENT);
    const next = PARENT.replace('512', '768');
    const res = await reg!.write('parent', next, { expectedHash: oldHash });
    expect(res).toMatchObject({ hash: policyHash(next), previousHash: oldHash });
    expect(res.policy.limits.maxMemoryMb).toBe(768);
    expect(readFileSync(path.join(dir, 'parent.yaml'), 'utf8')).toBe(next);
    expect(readdirSync(dir).sort()).toEqual(['child.yaml', 'parent.yaml']);
    expect(reg!.get('parent').limits.maxMemoryMb).toBe(768);
    expect(events.at(-1)).toMatchObject({ kind: 'loaded', name: 'parent', source: 'write' });
    // stale ETag
    const stale = await expectCode(reg!.write('parent', PARENT, { expectedHash: oldHash }), 'PRECONDITION_FAILED');
    expect(stale.status).toBe(412);
    // creating over an existing policy
    await expectCode(reg!.write('parent', PARENT, { expectedHash: null }), 'CONFLICT');
    // creating a new one
    await reg!.write('fresh', 'extends: parent\n', { expectedHash: null });
    expect(reg!.get('fresh').lineage).toEqual(['parent', 'fresh']);
  });

  it('write() rejects an invalid policy with every issue and leaves the file untouched', async () => {
    const e = await expectCode(reg!.write('parent', 'limits:\n  maxMemoryMb: 1\nshel: {}\n'), 'POLICY_INVALID');
    expect(e.status).toBe(422);
    const issues = (e.details as { issues: { path: string; line?: number }[] }).issues;
    expect(issues.map((i) => [i.path, i.line])).toEqual([
      ['limits.maxMemoryMb', 2],
      ['shel', 3],
    ]);
    expect(readFileSync(path.join(dir, 'parent.yaml'), 'utf8')).toBe(PARENT);
    await expectCode(reg!.write('child', 'extends: nowhere\n'), 'POLICY_INVALID');
  });

  it('write() refuses a parent change that would break a child', async () => {
    const breaking = 'description: parent\nshell:\n  allowedCommands: [ls, cat]\n  forbiddenCommands: [grep]\n';
    const e2 = await expectCode(reg!.write('parent', breaking), 'POLICY_INVALID');
    expect(JSON.stringify(e2.details)).toContain('child child');
  });

  it('serializes concurrent writes: with the same ETag exactly one wins', async () => {
    const h = policyHash(PARENT);
    const results = await Promise.allSettled([
      reg!.write('parent', PARENT.replace('512', '600'), { expectedHash: h }),
      reg!.write('parent', PARENT.replace('512', '700'), { expectedHash: h }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(isFactoryError(failed.reason) && failed.reason.code).toBe('PRECONDITION_FAILED');
    expect([600, 700]).toContain(reg!.get('parent').limits.maxMemoryMb);
  });

  it('reports an invalid file present at start as rejected', async () => {
    await reg!.close();
    writeFileSync(path.join(dir, 'broken.yaml'), 'nmae: typo\n');
    events = [];
    reg = await PolicyRegistry.open(dir, { onChange: (e) => events.push(e) });
    expect(reg.has('broken')).toBe(false);
    expect(events.find((e) => e.name === 'broken')).toMatchObject({
      kind: 'rejected',
      source: 'start',
      issues: [{ path: 'nmae', line: 1 }],
    });
  });
});
