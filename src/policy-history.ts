import type { AuditTrail } from './audit/trail.ts';
import type { PolicyChangeEvent, PolicyRegistry } from './policy/index.ts';
import type { Store } from './store/index.ts';

/**
 * Connects the policy registry to the store and the audit trail: every version the service runs
 * under is kept in the history, every change and every rejected edit is audited. Changes made through
 * the API are recorded by the API (which knows who made them); this handles start, disk and parents.
 */
export class PolicyHistory {
  registry: PolicyRegistry | null = null;

  constructor(
    private readonly store: Store,
    private readonly audit: AuditTrail,
  ) {}

  onChange = (e: PolicyChangeEvent): void => {
    if (e.kind === 'rejected') {
      this.audit.record({
        type: 'policy_rejected', action: e.source, target: e.name, actor: e.source === 'write' ? 'api' : 'disk', success: false,
        error: (e.issues ?? []).map((i) => `${i.path}: ${i.message}`).join('; ').slice(0, 2000),
        securityFlags: ['policy'],
        details: { file: e.file, issues: e.issues ?? [], rejectedHash: e.hash, inForceHash: e.inForceHash ?? null },
      });
      return;
    }
    if (e.kind === 'removed') {
      this.audit.record({ type: 'policy_changed', action: 'removed', target: e.name, actor: 'disk', securityFlags: ['policy'], details: { file: e.file } });
      return;
    }
    if (e.source === 'write' || !this.registry) return; // the API records its own writes, with the author
    this.recordVersion(e.name, e.source === 'parent' ? 'disk' : 'disk', e.source);
  };

  /** Stores the text in force as a new version if it differs from the latest one; audits when it does. */
  recordVersion(name: string, author: string, how: string, source: 'disk' | 'api' | 'restore' = 'disk'): number | null {
    if (!this.registry) return null;
    let text: string;
    let etag: string;
    try {
      const s = this.registry.source(name);
      text = s.text;
      etag = s.hash;
    } catch {
      return null;
    }
    const { version, added } = this.store.policies.record({ name, text, etag, author, source });
    if (added) {
      this.audit.record({
        type: 'policy_changed', action: how, target: name, actor: author, securityFlags: ['policy'],
        details: { version: version.version, etag, source },
      });
    }
    return version.version;
  }

  /** At start: record every policy in force (a no-op for versions already in the history). */
  recordAll(): void {
    if (!this.registry) return;
    for (const p of this.registry.list()) this.recordVersion(p.name, 'disk', 'start');
  }
}
