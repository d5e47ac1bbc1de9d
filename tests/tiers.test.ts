// The tiers of tests/tiers.ts stay honest: a file in the unit tier neither reaches the Docker engine nor
// spawns the service, so `npm run test:unit` runs without an engine; every listed file exists.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/env.ts';
import { E2E_TESTS, ENGINE_TESTS } from './tiers.ts';

/** Imports that mean a real engine (in this process or a spawned service) */
const NEEDS_ENGINE = [
  /from '[./]*helpers\/(service|cli)\.ts'/,
  /from '[./]*src\/service\.ts'/,
  /from '[./]*src\/sandbox\/docker\/(engine|runtime|pool|session|sessions|container|cleanup|images)\.ts'/,
];

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? testFiles(join(dir, e.name)) : e.name.endsWith('.test.ts') ? [relative(REPO, join(dir, e.name))] : [],
  );
}

describe('test tiers', () => {
  it('every file listed for the engine and e2e tiers exists, in one tier only', () => {
    const listed = [...ENGINE_TESTS, ...E2E_TESTS];
    expect(listed.filter((f) => !existsSync(join(REPO, f)))).toEqual([]);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('no unit-tier file imports the engine, the service or the CLI process helpers', () => {
    const tiered = new Set([...ENGINE_TESTS, ...E2E_TESTS]);
    const unit = testFiles(join(REPO, 'tests')).filter((f) => !tiered.has(f));
    expect(unit.length).toBeGreaterThan(30);
    const wrong = unit.filter((f) => NEEDS_ENGINE.some((re) => re.test(readFileSync(join(REPO, f), 'utf8'))));
    expect(wrong, 'list these in tests/tiers.ts (ENGINE_TESTS or E2E_TESTS)').toEqual([]);
  });
});
