/**
 * Label values with a bound: every value a label may take is known in advance, and anything else is
 * counted as "other". Ids, raw URLs and names that callers choose never become label values.
 */
export const OTHER = 'other';

/** A closed set of label values, matched after `normalize`; the rest is "other". */
export class BoundedLabel {
  private readonly known: Set<string>;

  constructor(
    values: Iterable<string>,
    private readonly normalize: (v: string) => string = (v) => v,
  ) {
    this.known = new Set([...values].map(normalize));
  }

  of(value: string | null | undefined): string {
    if (!value) return OTHER;
    const v = this.normalize(value);
    return this.known.has(v) ? v : OTHER;
  }

  get values(): string[] {
    return [...this.known];
  }
}

/** A model name as Ollama treats it: `llama3.1` is `llama3.1:latest`; case does not matter. */
export function modelName(name: string): string {
  const n = name.trim().toLowerCase();
  const slash = n.lastIndexOf('/');
  return n.indexOf(':', slash + 1) < 0 ? `${n}:latest` : n;
}

/**
 * A model role as a label: known roles as they are; `agent:data-analyst` counts as its prefix `agent`
 * unless the full role is known (roles name blueprints, which users create).
 */
export class RoleLabel {
  private readonly roles: BoundedLabel;

  constructor(roles: Iterable<string>) {
    this.roles = new BoundedLabel(roles);
  }

  of(role: string | null | undefined): string {
    const full = this.roles.of(role);
    if (full !== OTHER || !role) return full;
    const i = role.indexOf(':');
    return i > 0 ? this.roles.of(role.slice(0, i)) : OTHER;
  }
}

/** HTTP methods a route may have; anything else is "other". */
export const HTTP_METHODS = new BoundedLabel(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** A status code as a label: the code itself (a bounded set of three digits), else "other". */
export function statusLabel(code: number): string {
  return Number.isInteger(code) && code >= 100 && code <= 599 ? String(code) : OTHER;
}
