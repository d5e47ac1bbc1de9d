import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { DockerEngine } from './src/sandbox/docker/engine.ts';
import { ALL_TESTS, E2E_TESTS, ENGINE_TESTS } from './tests/tiers.ts';

/**
 * Three projects (tests/tiers.ts says which file is where): `npm run test:unit`, `test:engine`, `test:e2e`;
 * `npm test` runs all three. Without a Docker engine the engine and e2e tiers are skipped with one
 * message, unless FACTORY_TEST_REQUIRE_ENGINE is set (.ci/run sets it: there, a missing engine is a failure).
 */
async function probeEngine(): Promise<string | undefined> {
  const engine = new DockerEngine(process.env.DOCKER_HOST, { pingTimeoutMs: 5000 });
  try {
    const s = await engine.status();
    return s.ok ? undefined : `the Docker engine at ${s.host} does not answer (${s.error})`;
  } finally {
    engine.close();
  }
}

/** vitest evaluates this file once per project: ask the engine, and say that tiers are skipped, once per run. */
const once = globalThis as { agentFactoryEngineProblem?: Promise<string | undefined> };
function engineProblem(): Promise<string | undefined> {
  once.agentFactoryEngineProblem ??= probeEngine().then((problem) => {
    if (problem && process.env.FACTORY_TEST_REQUIRE_ENGINE) throw new Error(`${problem}; FACTORY_TEST_REQUIRE_ENGINE is set`);
    if (problem) {
      console.warn(
        `\n[tests] engine and e2e tiers SKIPPED: ${problem}.\n` +
          '        Start one with `npm run docker:up` (or `bash scripts/setup.sh`), or point DOCKER_HOST at one; ' +
          'only the unit tier runs now.\n',
      );
    }
    return problem;
  });
  return once.agentFactoryEngineProblem;
}

/** isolated-vm needs --no-node-snapshot in every worker */
const shared = {
  testTimeout: 60_000,
  hookTimeout: 120_000,
  pool: 'forks',
  execArgv: ['--no-node-snapshot'],
} satisfies TestProjectInlineConfiguration['test'];

export default defineConfig(async () => {
  const problem = await engineProblem();
  const tier = (name: string, include: string[], exclude: string[] = []): TestProjectInlineConfiguration => ({
    extends: true,
    test: { ...shared, name, include: problem && name !== 'unit' ? [] : include, exclude },
  });
  return {
    test: {
      reporters: ['default'],
      passWithNoTests: problem !== undefined,
      projects: [tier('unit', [ALL_TESTS], [...ENGINE_TESTS, ...E2E_TESTS]), tier('engine', ENGINE_TESTS), tier('e2e', E2E_TESTS)],
    },
  };
});
