import type { FastifyInstance } from 'fastify';
import type { ServiceDeps } from '../deps.ts';

export async function healthRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  /** Liveness: the process is up and serving. Never touches dependencies. */
  app.get('/healthz', { config: { public: true }, logLevel: 'warn' }, async () => ({ status: 'ok' }));

  /** Readiness: each dependency reported on its own; ready needs the store and Docker, Ollama is optional. */
  app.get('/readyz', { config: { public: true } }, async (_req, reply) => {
    const [docker, ollama] = await Promise.all([deps.docker.status(), deps.llm.status()]);
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
    const ready = store.ok && docker.ok && !deps.lifecycle.isClosing;
    const status = !ready ? 'not_ready' : ollama.ok ? 'ready' : 'degraded';
    const hints: string[] = [];
    if (!docker.ok) hints.push('Docker: run `bash scripts/docker-up.sh` or set DOCKER_HOST to a running engine.');
    if (!ollama.ok) hints.push('Ollama: run `ollama serve` or set OLLAMA_HOST; only LLM generation needs it.');
    if (deps.lifecycle.isClosing) hints.push('The service is shutting down.');
    return reply.code(ready ? 200 : 503).send({ status, checks: { store, docker, ollama }, hints });
  });
}
