// The dependency rules (.dependency-cruiser.cjs): nothing below the server imports it, routes never
// reach the store, and each outside library stays in the module that wraps it.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/env.ts';

describe('dependency rules', () => {
  it('hold for src/ (npm run lint:deps)', () => {
    const r = spawnSync(
      join(REPO, 'node_modules/.bin/depcruise'),
      ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
      { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const out = JSON.parse(r.stdout) as {
      summary: { error: number; violations: { rule: { name: string; severity: string }; from: string; to: string }[] };
    };
    const errors = out.summary.violations.filter((v) => v.rule.severity === 'error').map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(errors).toEqual([]);
    expect(out.summary.error).toBe(0);
    expect(r.status, r.stderr).toBe(0);
  });
});
