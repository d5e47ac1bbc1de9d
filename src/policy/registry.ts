/**
 * The live set of policies over one directory. An invalid file on disk never replaces a valid
 * version in force: the last valid version stays, and the problem is reported through `onChange` and
 * `problems()`. `watch()` picks up edits without a restart; `write()` validates first and then
 * replaces the file atomically (temp file + rename in the same directory).
 */
import { randomBytes } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { FactoryError } from '../errors/catalog.ts';
import { invalid, readPolicySources, type LoadedPolicy, type PolicySource, type RejectedPolicy } from './load.ts';
import { assertPolicyName, policyFilePath, policyNameOfFile } from './names.ts';
import { parsePolicyText, policyHash } from './parse.ts';
import { resolveAll } from './resolve.ts';
import type { Policy, PolicyFile, PolicyIssue } from './schema.ts';

export type PolicyChangeKind = 'loaded' | 'rejected' | 'removed';
export interface PolicyChangeEvent {
  kind: PolicyChangeKind;
  name: string;
  file: string;
  /** sha256 of the file text this event is about (the rejected text for 'rejected'); null for 'removed'. */
  hash: string | null;
  /** Why: 'start' (initial load), 'disk' (a watched edit), 'write' (write()), 'parent' (re-resolved because an ancestor changed). */
  source: 'start' | 'disk' | 'write' | 'parent';
  issues?: PolicyIssue[];
  /** For 'rejected': the hash of the version that stays in force, if any. */
  inForceHash?: string | null;
}
export interface PolicyRegistryOptions {
  onChange?: (event: PolicyChangeEvent) => void;
  /** Quiet time after the last file-system event before the directory is re-read (ms). */
  debounceMs?: number;
}
export interface PolicyInfo {
  name: string;
  description: string;
  extends: string | null;
  file: string;
  hash: string;
  /** Present when the file on disk is invalid and an older valid version is in force. */
  issues?: PolicyIssue[];
}
export interface PolicyWriteResult {
  policy: Policy;
  hash: string;
  previousHash: string | null;
  file: string;
}

export class PolicyRegistry {
  readonly dir: string;
  private readonly onChange: (e: PolicyChangeEvent) => void;
  private readonly debounceMs: number;
  private inForce = new Map<string, LoadedPolicy>();
  private rejectedNow = new Map<string, RejectedPolicy>();
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(dir: string, opts: PolicyRegistryOptions) {
    this.dir = path.resolve(dir);
    this.onChange = opts.onChange ?? (() => {});
    this.debounceMs = opts.debounceMs ?? 75;
  }

  /** Load every policy in `dir`. Bad files are reported (onChange 'rejected'), never thrown. */
  static async open(dir: string, opts: PolicyRegistryOptions = {}): Promise<PolicyRegistry> {
    const reg = new PolicyRegistry(dir, opts);
    await reg.serial(async () => reg.apply(await readPolicySources(reg.dir), 'start'));
    return reg;
  }

  /** The resolved policy in force. Throws POLICY_NAME_INVALID or POLICY_NOT_FOUND. */
  get(name: string): Policy {
    assertPolicyName(name);
    const hit = this.inForce.get(name);
    if (!hit) throw new FactoryError('POLICY_NOT_FOUND', `no policy named '${name}'`, { name });
    return hit.policy;
  }

  tryGet(name: string): Policy | undefined {
    return this.inForce.get(name)?.policy;
  }

  has(name: string): boolean {
    return this.inForce.has(name);
  }

  /** The text and hash (ETag) of the version in force. */
  source(name: string): PolicySource {
    assertPolicyName(name);
    const hit = this.inForce.get(name);
    if (!hit) throw new FactoryError('POLICY_NOT_FOUND', `no policy named '${name}'`, { name });
    return { name, file: hit.file, text: hit.text, hash: hit.hash };
  }

  list(): PolicyInfo[] {
    return [...this.inForce.values()]
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((p) => {
        const info: PolicyInfo = { name: p.name, description: p.policy.description, extends: p.policy.extends, file: p.file, hash: p.hash };
        const bad = this.rejectedNow.get(p.name);
        if (bad) info.issues = bad.issues;
        return info;
      });
  }

  /** Files whose current content on disk is rejected (whether or not an older version is in force). */
  problems(): RejectedPolicy[] {
    return [...this.rejectedNow.values()];
  }

  /** Start watching the directory (idempotent). */
  watch(): void {
    if (this.watcher || this.closed) return;
    this.watcher = watch(this.dir, { persistent: false }, (_event, fileName) => {
      if (fileName !== null && policyNameOfFile(String(fileName)) === null) return;
      this.schedule();
    });
    this.watcher.on('error', () => this.schedule());
  }

  /** Re-read the directory now (what the watcher does after an edit). */
  async reload(): Promise<void> {
    await this.serial(async () => this.apply(await readPolicySources(this.dir), 'disk'));
  }

  /**
   * Validate `text` as policy `name` and write it atomically. `expectedHash`: undefined = no check,
   * null = the policy must not exist yet, a string = the hash (ETag) the caller read.
   * Throws POLICY_NAME_INVALID, PRECONDITION_FAILED, CONFLICT or POLICY_INVALID (details.issues).
   */
  async write(name: string, text: string, opts: { expectedHash?: string | null } = {}): Promise<PolicyWriteResult> {
    assertPolicyName(name);
    return this.serial(async () => {
      const file = policyFilePath(this.dir, name);
      const previousHash = await readHash(file);
      if (opts.expectedHash === null && previousHash !== null)
        throw new FactoryError('CONFLICT', `policy '${name}' already exists`, { name, hash: previousHash });
      if (typeof opts.expectedHash === 'string' && opts.expectedHash !== previousHash) {
        throw new FactoryError('PRECONDITION_FAILED', undefined, { name, expected: opts.expectedHash, actual: previousHash });
      }
      const issues = this.validate(name, text);
      if (issues.length > 0) throw invalid(name, issues);
      await atomicWrite(file, text);
      const sources = await readPolicySources(this.dir);
      this.apply(sources, 'write');
      return { policy: this.get(name), hash: policyHash(text), previousHash, file };
    });
  }

  /**
   * Every problem `text` would have as policy `name` next to the policies in force (its own, then those
   * of policies extending it), without writing anything: what write() refuses, for editors to show early.
   */
  validate(name: string, text: string): PolicyIssue[] {
    assertPolicyName(name);
    const parsed = parsePolicyText(text, name);
    if (!parsed.ok) return parsed.issues;
    const files = this.parsedInForce();
    files.set(name, parsed.file);
    const resolved = resolveAll(files);
    const own = resolved.get(name)!;
    if (!own.ok) return own.issues;
    const broken: PolicyIssue[] = [];
    for (const [other, res] of resolved) {
      if (other !== name && !res.ok && this.inForce.has(other) && this.lineageOf(other).includes(name)) {
        broken.push(...res.issues.map((i) => ({ path: `(child ${other}).${i.path}`, message: i.message })));
      }
    }
    return broken;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.watcher?.close();
    this.watcher = null;
    await this.queue.catch(() => {});
  }

  private schedule(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.reload().catch(() => {});
    }, this.debounceMs);
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => {});
    return run;
  }

  private parsedInForce(): Map<string, PolicyFile> {
    return new Map([...this.inForce].map(([n, p]) => [n, p.parsed]));
  }

  private lineageOf(name: string): string[] {
    return this.inForce.get(name)?.policy.lineage ?? [];
  }

  /** Fold the current directory content into the state; emit one event per change. */
  private apply(sources: PolicySource[], source: 'start' | 'disk' | 'write'): void {
    const onDisk = new Map(sources.map((s) => [s.name, s]));
    const emit = (e: PolicyChangeEvent) => {
      try {
        this.onChange(e);
      } catch {
        // a failing listener must not break policy loading
      }
    };
    // 1. Removed files leave; their children will fail to resolve below and keep their old version.
    for (const [name, old] of [...this.inForce]) {
      if (!onDisk.has(name)) {
        this.inForce.delete(name);
        emit({ kind: 'removed', name, file: old.file, hash: null, source: source === 'start' ? 'disk' : source });
      }
    }
    for (const name of [...this.rejectedNow.keys()]) if (!onDisk.has(name)) this.rejectedNow.delete(name);
    // 2. Parse what is on disk; an unparseable file keeps its last valid parse for resolving children.
    const parsed = new Map<string, PolicyFile>();
    const parseIssues = new Map<string, PolicyIssue[]>();
    for (const src of sources) {
      const old = this.inForce.get(src.name);
      if (old && old.hash === src.hash) {
        parsed.set(src.name, old.parsed);
        continue;
      }
      const r = parsePolicyText(src.text, src.name);
      if (r.ok) parsed.set(src.name, r.file);
      else {
        parseIssues.set(src.name, r.issues);
        if (old) parsed.set(src.name, old.parsed);
      }
    }
    // 3. Resolve all; adopt what resolves, keep the last valid version of what does not.
    const resolved = resolveAll(parsed);
    for (const src of sources) {
      const old = this.inForce.get(src.name);
      const issues =
        parseIssues.get(src.name) ??
        (resolved.get(src.name)?.ok === false ? (resolved.get(src.name) as { issues: PolicyIssue[] }).issues : undefined);
      if (issues) {
        const prev = this.rejectedNow.get(src.name);
        this.rejectedNow.set(src.name, { name: src.name, file: src.file, hash: src.hash, issues });
        if (!prev || prev.hash !== src.hash || JSON.stringify(prev.issues) !== JSON.stringify(issues)) {
          const kind: PolicyChangeEvent['source'] = old && old.hash === src.hash ? 'parent' : source;
          emit({ kind: 'rejected', name: src.name, file: src.file, hash: src.hash, source: kind, issues, inForceHash: old?.hash ?? null });
        }
        continue;
      }
      this.rejectedNow.delete(src.name);
      const res = resolved.get(src.name);
      if (!res || !res.ok) continue;
      const next: LoadedPolicy = { ...src, parsed: parsed.get(src.name)!, policy: res.policy };
      this.inForce.set(src.name, next);
      if (!old || old.hash !== src.hash) emit({ kind: 'loaded', name: src.name, file: src.file, hash: src.hash, source });
      else if (JSON.stringify(old.policy) !== JSON.stringify(res.policy))
        emit({ kind: 'loaded', name: src.name, file: src.file, hash: src.hash, source: 'parent' });
    }
  }
}

async function readHash(file: string): Promise<string | null> {
  try {
    return policyHash(await readFile(file, 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** Write to a temp file in the same directory, fsync, then rename over the target. */
export async function atomicWrite(file: string, text: string): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const fh = await open(tmp, 'wx', 0o644);
  try {
    await fh.writeFile(text, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  }
}
