/**
 * The test tiers (vitest projects in vitest.config.ts), by what a file uses:
 * - unit: neither a Docker engine nor a service process (tree-sitter, SQLite files, the scripted Ollama
 *   server, local child processes that are not the service); every file not listed below.
 * - engine: a real Docker engine, directly or through the service started in the test process.
 * - e2e: the real service or CLI as a process of its own (`bin/factory.js`), with the engine.
 * tests/tiers.test.ts keeps the lists honest: a unit file that reaches the engine or spawns the service fails it.
 */
export const ENGINE_TESTS = [
  'tests/api/access.test.ts',
  'tests/api/blueprints.test.ts',
  'tests/api/client.test.ts',
  'tests/api/executions.test.ts',
  'tests/api/factory.test.ts',
  'tests/api/openapi.test.ts',
  'tests/api/pipelines.test.ts',
  'tests/api/projects.test.ts',
  'tests/api/stream.test.ts',
  'tests/coordinator/live.test.ts',
  'tests/foundation/http.test.ts',
  'tests/llm/factory-llm.test.ts',
  'tests/llm/live.test.ts',
  'tests/metrics/projects.test.ts',
  'tests/metrics/scrape.test.ts',
  'tests/pipelines/loader.test.ts',
  'tests/policy-api/policies.test.ts',
  'tests/sandbox/containment.test.ts',
  'tests/sandbox/ipc.test.ts',
  'tests/sandbox/pool.test.ts',
  'tests/sandbox/session.test.ts',
  'tests/web/api.test.ts',
];

export const E2E_TESTS = [
  'tests/api/demo.test.ts',
  'tests/api/projects-crash.test.ts',
  'tests/coordinator/cli.test.ts',
  'tests/foundation/cli.test.ts',
  'tests/foundation/npm-start.test.ts',
  'tests/sandbox/cli-run.test.ts',
  'tests/sandbox/frozen-engine.test.ts',
  'tests/sandbox/owners.test.ts',
  'tests/web/dashboard.test.ts',
  'tests/web/projects.test.ts',
];

export const ALL_TESTS = 'tests/**/*.test.ts';
