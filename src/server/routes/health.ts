import type { FastifyInstance } from 'fastify';
import type { ServiceDeps } from '../deps.ts';

export async function healthRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  /** Liveness: the process is up and serving. Never touches dependencies. */
  app.get('/healthz', { config: { public: true }, logLevel: 'warn' }, async () => ({ status: 'ok' }));

  /** Readiness: each dependency reported on its own; ready needs the store and Docker, Ollama is optional. */
  app.get('/readyz', { config: { public: true } }, async (_req, reply) => {
    const [docker, ollama] = await Promise.all([deps.docker.status(), deps.llm.status()]);
    const images = docker.ok ? await deps.sandboxes.imageStatus().catch(() => []) : [];
    const sandbox = {
      ok: docker.ok && images.length > 0 && images.every((i) => i.ok),
      images,
      pool: deps.sandboxes.docker.poolStats(),
    };
    let storeOk = false;
    let storeError: string | undefined;
    try {
      storeOk = deps.store.isOpen && deps.store.ping();
    } catch (e) {
      storeError = (e as Error).message;
    }
    const store = storeOk
      ? { ok: true, path: deps.store.path, schemaVersion: deps.store.schemaVersion(), journalMode: deps.store.journalMode() }
      : { ok: false, path: deps.store.path, error: storeError ?? 'store is closed' };
    const policies = { ok: deps.policies.list().length > 0, names: deps.policies.list().map((p) => p.name), problems: deps.policies.problems() };
    const ready = store.ok && docker.ok && sandbox.ok && !deps.lifecycle.isClosing;
    const status = !ready ? 'not_ready' : ollama.ok ? 'ready' : 'degraded';
    const hints: string[] = [];
    if (!docker.ok) hints.push('Docker: run `bash scripts/docker-up.sh` or set DOCKER_HOST to a running engine.');
    for (const i of images) if (!i.ok) hints.push(`Sandbox image ${i.tag}: ${i.hint ?? 'not usable'}`);
    for (const p of policies.problems) hints.push(`Policy file ${p.file} is invalid; the last valid version stays in force.`);
    for (const b of deps.blueprints.rejected) hints.push(`Blueprint ${b.file} is invalid and was skipped: ${b.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    if (!ollama.ok) hints.push('Ollama: run `ollama serve` or set OLLAMA_HOST; only LLM generation needs it.');
    if (deps.lifecycle.isClosing) hints.push('The service is shutting down.');
    return reply.code(ready ? 200 : 503).send({ status, checks: { store, docker, sandbox, ollama, policies, blueprints: { ok: deps.blueprints.rejected.length === 0, agents: deps.blueprints.agents.size, tools: deps.blueprints.tools.size, rejected: deps.blueprints.rejected } }, hints });
  });
}
