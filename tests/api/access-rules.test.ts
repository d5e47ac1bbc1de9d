// The access rules as a table, without a service: who may read, use and change what, and what a
// refusal is answered with. A new kind of resource (the coordinator's projects) plugs in by registering.
import { describe, expect, it } from 'vitest';
import { Access, decide, type Principal, type Resource } from '../../src/access/index.ts';
import type { AuditEventInput } from '../../src/audit/event.ts';
import { FactoryError } from '../../src/errors/catalog.ts';

const A: Principal = { id: 'tok_a', role: 'submitter' };
const B: Principal = { id: 'tok_b', role: 'submitter' };
const V: Principal = { id: 'tok_v', role: 'viewer' };
const ADMIN: Principal = { id: 'tok_admin', role: 'admin' };
const res = (owner: string, shared = false, live = true): Resource => ({ kind: 'tool', id: 't', owner, shared, live });

describe('decide', () => {
  it.each([
    // who, owner, shared, action → decision
    [A, 'tok_a', false, 'change', 'allow'],
    [B, 'tok_a', false, 'read', 'hidden'],
    [B, 'tok_a', false, 'use', 'hidden'],
    [B, 'tok_a', false, 'change', 'hidden'],
    [B, 'tok_a', true, 'read', 'allow'],
    [B, 'tok_a', true, 'use', 'allow'],
    [B, 'tok_a', true, 'change', 'forbidden'],
    [B, 'system', false, 'use', 'allow'],
    [B, 'system', false, 'change', 'forbidden'],
    [V, 'tok_a', false, 'read', 'allow'],
    [V, 'tok_a', false, 'use', 'forbidden'],
    [V, 'tok_a', false, 'change', 'forbidden'],
    [ADMIN, 'tok_a', false, 'change', 'allow'],
  ] as const)('%o on a resource of %s (shared %s): %s → %s', (p, owner, shared, action, expected) => {
    expect(decide(p, res(owner, shared), action)).toBe(expected);
  });

  it('a destroyed resource is hidden from everyone, admins too', () => {
    expect(decide(ADMIN, res('tok_a', true, false), 'read')).toBe('hidden');
  });
});

describe('Access', () => {
  const recorded: AuditEventInput[] = [];
  const access = new Access({ record: (e: AuditEventInput) => (recorded.push(e), undefined as never) });
  const projects = new Map<string, Resource>([['p1', { kind: 'project', id: 'p1', owner: 'tok_a', shared: false, live: true }]]);
  access.register('project', async (id) => projects.get(id));

  it('takes new kinds of resource: a project is private to its owner like anything else', async () => {
    expect(access.kindNames).toContain('project');
    expect((await access.require(A, 'project', 'p1', 'change')).owner).toBe('tok_a');
    await expect(access.require(B, 'project', 'p1', 'read')).rejects.toThrow(expect.objectContaining({ code: 'RESOURCE_NOT_FOUND' }));
    await expect(access.require(B, 'project', 'nope', 'read')).rejects.toThrow(expect.objectContaining({ code: 'RESOURCE_NOT_FOUND' }));
    expect(await access.eventVisible(A, { topic: 'project:p1', owner: 'system' })).toBe(true);
    expect(await access.eventVisible(B, { topic: 'project:p1', owner: 'system' })).toBe(false);
    expect(() => access.register('project', async () => undefined)).toThrow(/twice/);
  });

  it('audits a refusal of something that exists, not a miss', async () => {
    recorded.length = 0;
    await expect(access.require(B, 'project', 'p1', 'use')).rejects.toThrow(FactoryError);
    await expect(access.require(B, 'project', 'absent', 'use')).rejects.toThrow(FactoryError);
    expect(recorded).toEqual([
      expect.objectContaining({ type: 'access_denied', action: 'ownership', target: 'project:p1', actor: 'tok_b', success: false }),
    ]);
    expect(JSON.stringify(recorded[0])).not.toContain('tok_a'); // the refused learn nothing about the owner
  });

  it('scopes lists and audit queries', () => {
    expect(access.listScope(V)).toEqual({ all: true });
    expect(access.listScope(A)).toEqual({ all: false, owners: ['tok_a', 'system'], shared: true });
    expect(access.eventScope(ADMIN)).toEqual({ all: true });
    expect(access.eventScope(B)).toEqual({ all: false, principal: 'tok_b' });
  });
});
