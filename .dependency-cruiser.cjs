/**
 * The dependency rules (issue 10): dependencies point one way, the server only translates, and each
 * outside library lives in the one module that wraps it. `npm run lint:deps`; a test runs it too.
 */
module.exports = {
  forbidden: [
    {
      name: 'nothing-below-the-server-imports-it',
      comment: 'Only the composition root (src/service.ts) and the CLI that starts the server may import src/server.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/server/', '^src/service\\.ts$', '^src/cli/'] },
      to: { path: '^src/server/' },
    },
    {
      name: 'routes-do-not-touch-the-store',
      comment: 'Routes translate HTTP to services; they never reach the store directly.',
      severity: 'error',
      from: { path: '^src/server/' },
      to: { path: '^src/store/' },
    },
    {
      name: 'fastify-only-in-the-server',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/server/', '^src/service\\.ts$'] },
      to: { path: 'node_modules/(fastify|@fastify/|fastify-type-provider-zod)' },
    },
    {
      name: 'dockerode-only-in-sandbox-docker',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/sandbox/docker/' },
      to: { path: 'node_modules/(dockerode|docker-modem)/' },
    },
    {
      name: 'ollama-only-in-llm',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/llm/' },
      to: { path: 'node_modules/ollama/' },
    },
    {
      name: 'better-sqlite3-only-in-store',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/store/' },
      to: { path: 'node_modules/better-sqlite3/' },
    },
    {
      name: 'prom-client-only-in-metrics',
      comment: 'Modules expose hooks; the composition root connects them to src/metrics, which alone knows prom-client.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/metrics/' },
      to: { path: 'node_modules/prom-client/' },
    },
    {
      name: 'no-circular-runtime-imports',
      comment: 'A warning for now: the checker has cycles among its rule modules.',
      severity: 'warn',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^src/client/schema\\.ts$' },
  },
};
