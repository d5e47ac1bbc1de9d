import type { Access, Resource } from '../access/index.ts';
import type { Store, WorkKind } from '../store/index.ts';

/** The factory's kinds of resource, registered with the access rules: tools, agents, jobs, runs. */
export function registerResources(access: Access, store: Store): void {
  access.register('tool', async (name): Promise<Resource | undefined> => {
    const t = await store.tools.get(name);
    return t && { kind: 'tool', id: name, owner: t.createdBy, shared: t.shared, live: !t.destroyedAt, since: t.createdAt };
  });
  access.register('agent', async (id): Promise<Resource | undefined> => {
    const a = await store.agents.get(id);
    const live = !!a && !a.destroyedAt && !(a.expiresAt && a.expiresAt <= new Date().toISOString());
    return a && { kind: 'agent', id, owner: a.createdBy, shared: a.shared, live };
  });
  for (const kind of ['job', 'run'] as const satisfies readonly WorkKind[]) {
    access.register(kind, async (id): Promise<Resource | undefined> => {
      const w = await store.work.ownerOf(id);
      return w && w.kind === kind ? { kind, id, owner: w.owner, shared: false, live: true } : undefined;
    });
  }
}
