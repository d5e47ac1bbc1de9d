import type { AuditTrail } from './audit/trail.ts';
import { FactoryError } from './errors/catalog.ts';
import type { Policy, PolicyChangeEvent, PolicyInfo, PolicyIssue, PolicyRegistry, RejectedPolicy } from './policy/index.ts';
import type { PolicyVersion, Store } from './store/index.ts';
import { unifiedDiff } from './util/diff.ts';
import { pageOfList, type PageOf, type PageRequest } from './util/page.ts';

/** A change to a policy: new text to write (the API), or a change already on disk (the file watcher). */
export interface PolicyUpdate {
  name: string;
  /** the new text; absent when the file watcher already loaded the change from disk */
  text?: string;
  /** the ETag the writer read: null = the policy must not exist yet, undefined = no check */
  expected?: string | null | undefined;
  /** token id, or 'disk' */
  author: string;
  /** what happened, for the audit trail: created, updated, restored version N, disk, parent */
  how: string;
  source: PolicyVersion['source'];
}

export interface PolicyUpdated {
  name: string;
  etag: string;
  previousEtag: string | null;
  version: number | null;
  policy: Policy;
}

/**
 * Policies as a service: every version the service runs under is kept, every change and every
 * refused edit is audited. `update` is the one way a change is taken in, by the API and by the file
 * watcher alike: write (validated, atomic) when there is new text, then version, then audit.
 */
export class PolicyHistory {
  registry: PolicyRegistry | null = null;

  constructor(
    private readonly store: Store,
    private readonly audit: AuditTrail,
  ) {}

  /** The registry's change events: a valid edit on disk is an update by 'disk'; refusals and removals are audited. */
  onChange = (e: PolicyChangeEvent): void => {
    if (e.kind === 'rejected') {
      const error = (e.issues ?? [])
        .map((i) => `${i.path}: ${i.message}`)
        .join('; ')
        .slice(0, 2000);
      void this.rejected(e.name, e.source === 'write' ? 'api' : 'disk', e.source, error, {
        file: e.file,
        issues: e.issues ?? [],
        rejectedHash: e.hash,
        inForceHash: e.inForceHash ?? null,
      }).catch(() => undefined); // the watcher does not wait; a store that fails is reported by readiness
      return;
    }
    if (e.kind === 'removed') {
      void this.audit
        .record({
          type: 'policy_changed',
          action: 'removed',
          target: e.name,
          actor: 'disk',
          securityFlags: ['policy'],
          details: { file: e.file },
        })
        .catch(() => undefined);
      return;
    }
    if (e.source === 'write' || !this.registry) return; // update() records its own writes, with the author
    void this.update({ name: e.name, author: 'disk', how: e.source, source: 'disk' }).catch(() => undefined);
  };

  /** Takes in a change: writes the text if there is one (refusals audited and thrown), records the version, audits it. */
  async update(u: PolicyUpdate): Promise<PolicyUpdated> {
    const registry = this.need();
    let previousEtag: string | null = null;
    if (u.text !== undefined) {
      try {
        previousEtag = (await registry.write(u.name, u.text, { expectedHash: u.expected })).previousHash;
      } catch (e) {
        const fe = e instanceof FactoryError ? e : undefined;
        const details = { code: fe?.code ?? null, details: (fe?.details as Record<string, unknown> | undefined) ?? null };
        await this.rejected(u.name, u.author, u.source, `${fe?.code ?? 'INTERNAL'}: ${fe?.message ?? String(e)}`, details, u.text);
        throw e;
      }
    }
    const version = await this.recordVersion(u.name, u.author, u.how, u.source);
    const src = registry.source(u.name);
    return { name: u.name, etag: src.hash, previousEtag, version, policy: registry.get(u.name) };
  }

  /** What an update with this text would refuse, without writing or auditing anything (a dry run for editors). */
  validate(name: string, text: string): { valid: boolean; issues: PolicyIssue[] } {
    const issues = this.need().validate(name, text);
    return { valid: issues.length === 0, issues };
  }

  /** Makes an earlier version the one in force again: an update like any other, a new version in the history. */
  async restore(
    name: string,
    version: number,
    expected: string | undefined,
    author: string,
  ): Promise<PolicyUpdated & { restoredFrom: number }> {
    const old = await this.version(name, version);
    const done = await this.update({ name, text: old.text, expected, author, how: `restored version ${old.version}`, source: 'restore' });
    return { ...done, restoredFrom: old.version };
  }

  /**
   * Stores the text in force as a new version if it differs from the latest one, and audits it: the
   * version and its audit row are committed together (one transaction).
   */
  async recordVersion(name: string, author: string, how: string, source: PolicyVersion['source'] = 'disk'): Promise<number | null> {
    if (!this.registry?.has(name)) return null;
    const { text, hash: etag } = this.registry.source(name);
    const { version, audited } = await this.store.transaction(async (tx) => {
      const { version, added } = await tx.policies.record({ name, text, etag, author, source });
      if (!added) return { version, audited: undefined };
      const details = { version: version.version, etag, source };
      const event = this.audit.prepare({
        type: 'policy_changed',
        action: how,
        target: name,
        actor: author,
        securityFlags: ['policy'],
        details,
      });
      return { version, audited: await tx.audit.append(event) };
    });
    if (audited) this.audit.announce(audited);
    return version.version;
  }

  /** At start: record every policy in force (a no-op for versions already in the history). */
  async recordAll(): Promise<void> {
    for (const p of this.registry?.list() ?? []) await this.recordVersion(p.name, 'disk', 'start');
  }

  /** The policies in force (by name), each with its ETag and latest version, and the files refused now. */
  async list(page: PageRequest): Promise<PageOf<PolicyInfo & { etag: string; version: number | null }> & { problems: RejectedPolicy[] }> {
    const registry = this.need();
    const policies = registry.list();
    const latest = await Promise.all(policies.map((p) => this.store.policies.latest(p.name)));
    const all = policies.map((p, i) => ({ ...p, etag: p.hash, version: latest[i]?.version ?? null }));
    return { ...pageOfList(all, page, (p) => [p.name]), problems: registry.problems() };
  }

  /** One policy in force: its text, ETag, version, the resolved policy, and a refused edit on disk if there is one. */
  async read(name: string): Promise<{
    name: string;
    etag: string;
    version: number | null;
    text: string;
    policy: Policy;
    pendingProblem?: RejectedPolicy;
  }> {
    const registry = this.need();
    const src = registry.source(name);
    const problem = registry.problems().find((p) => p.name === name);
    const latest = await this.store.policies.latest(name);
    return {
      name,
      etag: src.hash,
      version: latest?.version ?? null,
      text: src.text,
      policy: registry.get(name),
      ...(problem ? { pendingProblem: problem } : {}),
    };
  }

  /** Every version of a policy, oldest first, each with a unified diff from the one before. */
  async history(name: string, page: PageRequest): Promise<PageOf<Omit<PolicyVersion, 'text' | 'name'> & { diff: string }>> {
    const versions = await this.store.policies.history(name);
    if (versions.length === 0 && !this.need().has(name)) throw new FactoryError('POLICY_NOT_FOUND', `no policy named '${name}'`, { name });
    const all = versions.map((v, i) => ({
      version: v.version,
      etag: v.etag,
      author: v.author,
      source: v.source,
      createdAt: v.createdAt,
      diff: unifiedDiff(i === 0 ? '' : versions[i - 1]!.text, v.text, {
        oldLabel: i === 0 ? '/dev/null' : `${name}@${v.version - 1}`,
        newLabel: `${name}@${v.version}`,
      }),
    }));
    return pageOfList(all, page, (v) => [v.version]);
  }

  async version(name: string, version: number): Promise<PolicyVersion> {
    const v = await this.store.policies.get(name, version);
    if (!v) throw new FactoryError('RESOURCE_NOT_FOUND', `policy '${name}' has no version ${version}`, { name, version });
    return v;
  }

  private async rejected(
    name: string,
    actor: string,
    action: string,
    error: string,
    details: Record<string, unknown>,
    input = '',
  ): Promise<void> {
    await this.audit.record({
      type: 'policy_rejected',
      action,
      target: name,
      actor,
      success: false,
      input,
      error,
      securityFlags: ['policy'],
      details,
    });
  }

  private need(): PolicyRegistry {
    if (!this.registry) throw new FactoryError('INTERNAL', 'the policy registry is not open');
    return this.registry;
  }
}
