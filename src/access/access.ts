import type { AuditTrail } from '../audit/trail.ts';
import { FactoryError } from '../errors/catalog.ts';
import { roleAllows, type Role } from './roles.ts';
import {
  decide,
  eventScope,
  eventVisible,
  listScope,
  type Action,
  type EventScope,
  type ListScope,
  type Principal,
  type Resource,
} from './rules.ts';

/** Finds one resource of a kind by its id (live or not), or undefined when there is none. */
export type ResourceLookup = (id: string) => Promise<Resource | undefined>;

const VERB: Record<Action, string> = { read: 'read', use: 'use', change: 'change or destroy' };

/**
 * The one place that decides who may see and change what. Each module registers the kinds of
 * resource it owns (the factory: tools, agents, jobs, runs; the coordinator: projects) with a lookup;
 * every REST route, the WebSocket stream and audit queries ask here. Refusals are audited.
 */
export class Access {
  private readonly kinds = new Map<string, ResourceLookup>();
  /** the resource a progress event is about, looked up once per event however many streams deliver it */
  private readonly about = new WeakMap<object, Promise<Resource | undefined>>();

  constructor(private readonly audit: Pick<AuditTrail, 'record'>) {}

  register(kind: string, lookup: ResourceLookup): void {
    if (this.kinds.has(kind)) throw new Error(`resource kind '${kind}' is registered twice`);
    this.kinds.set(kind, lookup);
  }

  get kindNames(): string[] {
    return [...this.kinds.keys()];
  }

  async find(kind: string, id: string): Promise<Resource | undefined> {
    return this.kinds.get(kind)?.(id);
  }

  /**
   * The resource, if `p` may do `action` on it. Otherwise RESOURCE_NOT_FOUND when it does not exist or
   * `p` may not see it (the same answer, so existence does not leak), FORBIDDEN when `p` sees it but may
   * not do this. Every refusal of something that exists is audited.
   */
  async require(p: Principal, kind: string, id: string, action: Action): Promise<Resource> {
    const r = await this.find(kind, id);
    const decision = r ? decide(p, r, action) : 'hidden';
    if (decision === 'allow') return r!;
    if (r?.live) await this.refused(p, r, action, decision);
    if (decision === 'forbidden') {
      throw new FactoryError('FORBIDDEN', `Only the owner of ${kind} '${id}' or an admin may ${VERB[action]} it`, { kind, id, action });
    }
    throw new FactoryError('RESOURCE_NOT_FOUND', `No ${kind} '${id}'`, { kind, id });
  }

  /** FORBIDDEN (403, audited) unless the principal's role is at least `need`. */
  async requireRole(p: Principal, need: Role, where: { method: string; url: string; ip: string }): Promise<void> {
    if (roleAllows(p.role, need)) return;
    await this.audit.record({
      type: 'access_denied',
      action: 'role',
      target: `${where.method} ${where.url}`,
      actor: p.id,
      success: false,
      error: `role ${p.role} < ${need}`,
      details: { ...where, role: p.role, need },
      securityFlags: ['auth'],
    });
    throw new FactoryError('FORBIDDEN', `This needs the role ${need}; the token has ${p.role}`, { need, have: p.role });
  }

  /** Whether `p` may do `action`, without auditing (for filtering what is offered or listed). */
  async may(p: Principal, kind: string, id: string, action: Action): Promise<boolean> {
    const r = await this.find(kind, id);
    return r !== undefined && decide(p, r, action) === 'allow';
  }

  /** What lists show `p`; the store applies it in its queries. */
  listScope(p: Principal): ListScope {
    return listScope(p);
  }

  /** Which audit events `p` may read; the store applies it in its queries. */
  eventScope(p: Principal): EventScope {
    return eventScope(p);
  }

  /** A progress event on topic `kind:id` is visible to whoever caused it and whoever owns `kind:id`. */
  async eventVisible(p: Principal, e: { topic: string; owner: string; timestamp?: string }): Promise<boolean> {
    if (eventVisible(p, e, undefined)) return true;
    let about = this.about.get(e);
    if (about === undefined) {
      const [kind, id] = splitTopic(e.topic);
      about = kind && id ? this.find(kind, id) : Promise.resolve(undefined);
      this.about.set(e, about);
    }
    return eventVisible(p, e, await about);
  }

  private async refused(p: Principal, r: Resource, action: Action, decision: 'hidden' | 'forbidden'): Promise<void> {
    await this.audit.record({
      type: 'access_denied',
      action: 'ownership',
      target: `${r.kind}:${r.id}`,
      actor: p.id,
      success: false,
      error:
        decision === 'hidden'
          ? `${p.role} ${p.id} may not see ${r.kind} ${r.id} (answered 404)`
          : `${p.role} ${p.id} may not ${VERB[action]} ${r.kind} ${r.id}`,
      securityFlags: ['access'],
      details: { kind: r.kind, id: r.id, action, decision },
    });
  }
}

/** `tool:csv_aggregator` → ['tool', 'csv_aggregator']; a kind alone (`tools`, `*`) has no id. */
export function splitTopic(topic: string): [string | undefined, string | undefined] {
  const i = topic.indexOf(':');
  return i < 0 ? [undefined, undefined] : [topic.slice(0, i), topic.slice(i + 1)];
}
