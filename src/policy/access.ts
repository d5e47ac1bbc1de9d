/**
 * What a resolved policy allows for one path or one URL. Scripts run with /workspace as working
 * directory, so relative paths resolve there; `~` is the home directory, which is never allowed.
 */
import path from 'node:path';
import type { Policy } from './schema.ts';

export const WORKDIR = '/workspace';
/** Where `~` points for the purpose of the check (outside every allowed path). */
export const HOME_MARKER = '/home/~';

export type PathAccess = 'read-write' | 'read-only' | 'none';

/** Device files a script may always use (reading stdin, writing stdout/stderr, discarding). */
const DEVICE_ACCESS: Record<string, PathAccess> = {
  '/dev/null': 'read-write',
  '/dev/stdin': 'read-only',
  '/dev/stdout': 'read-write',
  '/dev/stderr': 'read-write',
  '/dev/fd/0': 'read-only',
  '/dev/fd/1': 'read-write',
  '/dev/fd/2': 'read-write',
};

/** Absolute, normalized form of a path as the script would see it (relative to /workspace, `~` → home). */
export function resolveScriptPath(p: string, cwd: string = WORKDIR): string {
  let s = p;
  if (s === '~' || s.startsWith('~/') || /^~[A-Za-z0-9_.-]*(\/|$)/.test(s))
    s = HOME_MARKER + s.slice(s.indexOf('/') === -1 ? s.length : s.indexOf('/'));
  const abs = s.startsWith('/') ? s : path.posix.join(cwd, s);
  const norm = path.posix.normalize(abs);
  return norm.length > 1 && norm.endsWith('/') ? norm.slice(0, -1) : norm;
}

function under(p: string, root: string): boolean {
  return root === '/' || p === root || p.startsWith(root + '/');
}

/** The access the policy grants to an absolute normalized path. */
export function pathAccess(policy: Policy, absPath: string): PathAccess {
  const dev = DEVICE_ACCESS[absPath];
  if (dev) return dev;
  if (policy.paths.readWrite.some((r) => under(absPath, r))) return 'read-write';
  if (policy.paths.readOnly.some((r) => under(absPath, r))) return 'read-only';
  return 'none';
}

/** True when `prefix` is a directory-ish prefix all of whose completions are allowed for `mode`. */
export function prefixAllowed(policy: Policy, prefix: string, mode: 'read' | 'write'): boolean {
  // Only the part up to the last '/' is known to be a directory; the rest may still grow.
  const dir = prefix.slice(0, prefix.lastIndexOf('/') + 1);
  if (dir === '') return true;
  const abs = resolveScriptPath(dir);
  // A prefix that still ends in '..' or '.' can climb anywhere.
  if (/(^|\/)\.\.?$/.test(prefix.slice(0, prefix.lastIndexOf('/')))) return false;
  const access = pathAccess(policy, abs);
  if (mode === 'write' ? access === 'read-write' : access !== 'none') return true;
  return false;
}

export function accessAllows(access: PathAccess, mode: 'read' | 'write'): boolean {
  return mode === 'read' ? access !== 'none' : access === 'read-write';
}

/** Cloud metadata services: never reachable, whatever the policy says. */
const METADATA_HOSTS = new Set([
  '169.254.169.254',
  'fd00:ec2::254',
  '[fd00:ec2::254]',
  'metadata.google.internal',
  'metadata',
  '100.100.100.200',
  '169.254.170.2',
]);

export function isMetadataHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return METADATA_HOSTS.has(h) || /^169\.254\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** The host of a URL or bare host string (Node's URL parser also normalizes 0xA9FEA9FE and friends). */
export function hostOf(urlOrHost: string): string | null {
  const s = urlOrHost.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `http://${s}`;
  try {
    const u = new URL(withScheme);
    return u.hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}

/** Is an outbound request to this URL allowed by the policy? (allowOutbound and the allow-list) */
export function urlAllowed(policy: Policy, url: string): boolean {
  if (!policy.network.allowOutbound) return false;
  const host = hostOf(url);
  if (host === null || isMetadataHost(host)) return false;
  const href = toHref(url);
  return policy.network.allowedHosts.some((entry) => {
    if (/^https?:\/\//i.test(entry)) {
      const prefix = toHref(entry);
      return href !== null && prefix !== null && href.startsWith(prefix);
    }
    const e = entry.toLowerCase().replace(/:\d+$/, '');
    if (e.startsWith('*.')) return host.endsWith(e.slice(1));
    return host === e;
  });
}

function toHref(s: string): string | null {
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `http://${s}`).href;
  } catch {
    return null;
  }
}
