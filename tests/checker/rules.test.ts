import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/checker/index.ts';
import { ROOT } from './helpers.ts';

describe('rule catalog', () => {
  const readme = readFileSync(path.join(ROOT, 'src/checker/README.md'), 'utf8');
  const documented = new Set([...readme.matchAll(/^\| `([a-z0-9.-]+)` \|/gm)].map((m) => m[1]));

  it('every rule id is documented in src/checker/README.md, and nothing else', () => {
    expect([...documented].sort()).toEqual(Object.keys(RULES).sort());
  });

  it('rule ids are namespaced and every rule has a suggestion', () => {
    for (const [id, spec] of Object.entries(RULES)) {
      expect(id).toMatch(/^(py|sh|js)\.[a-z-]+(\.[a-z-]+)?$/);
      expect(spec.suggestion.length).toBeGreaterThan(10);
    }
  });
});
