import { z } from 'zod';
import type { BlueprintDirLoad } from './blueprints/index.ts';
import { CoordinatorStatusSchema, type Coordinator, type CoordinatorStatus } from './coordinator/index.ts';
import type { Lifecycle } from './lifecycle.ts';
import type { LlmProvider } from './llm/index.ts';
import type { PolicyRegistry } from './policy/index.ts';
import type { EngineStatus } from './sandbox/docker/engine.ts';
import type { Sandboxes } from './sandbox/index.ts';
import type { Store } from './store/index.ts';

const Issue = z.object({ path: z.string(), message: z.string(), line: z.number().optional(), column: z.number().optional() });

/** The readiness report (GET /readyz): each dependency on its own, with `ok`, and what to do about it. */
export const Readiness = z.object({
  status: z
    .enum(['ready', 'degraded', 'not_ready'])
    .describe('ready: everything; degraded: all but Ollama (only generation needs it); not_ready: no'),
  checks: z.object({
    store: z.object({
      ok: z.boolean(),
      path: z.string(),
      schemaVersion: z.number().optional(),
      journalMode: z.string().optional(),
      error: z.string().optional(),
    }),
    docker: z.object({
      ok: z.boolean(),
      host: z.string(),
      version: z.string().optional(),
      apiVersion: z.string().optional(),
      error: z.string().optional(),
    }),
    sandbox: z.object({
      ok: z.boolean(),
      images: z.array(
        z.object({
          name: z.string(),
          tag: z.string(),
          ok: z.boolean(),
          expected: z.string(),
          found: z.string().optional(),
          hint: z.string().optional(),
        }),
      ),
      pool: z.array(
        z.object({
          key: z.string(),
          target: z.number(),
          ready: z.number(),
          filling: z.number(),
          waiting: z.number(),
          failures: z.number(),
          lastError: z.string().optional(),
        }),
      ),
    }),
    ollama: z.object({
      ok: z.boolean(),
      host: z.string(),
      models: z.array(z.string()).optional(),
      missingModels: z.array(z.string()).optional(),
      error: z.string().optional(),
    }),
    policies: z.object({
      ok: z.boolean(),
      names: z.array(z.string()),
      problems: z.array(z.object({ name: z.string(), file: z.string(), hash: z.string(), issues: z.array(Issue) })),
    }),
    coordinator: CoordinatorStatusSchema.describe('projects: runs in this process, and how many projects wait or are paused'),
    blueprints: z.object({
      ok: z.boolean(),
      agents: z.number(),
      tools: z.number(),
      rejected: z.array(z.object({ file: z.string(), kind: z.string(), issues: z.array(Issue) })),
    }),
  }),
  hints: z.array(z.string()).describe('what to do about each problem, one line each'),
});
export type Readiness = z.infer<typeof Readiness>;

export interface ReadinessDeps {
  store: Store;
  docker: { status(): Promise<EngineStatus> };
  llm: Pick<LlmProvider, 'status'>;
  sandboxes: Pick<Sandboxes, 'imageStatus' | 'docker'>;
  policies: Pick<PolicyRegistry, 'list' | 'problems'>;
  blueprints: BlueprintDirLoad;
  lifecycle: Pick<Lifecycle, 'isClosing'>;
  coordinator: Pick<Coordinator, 'status'>;
}

/** Whether the service can do its work: ready needs the store, Docker and the sandbox images; Ollama is optional. */
export async function readiness(d: ReadinessDeps): Promise<{ ready: boolean; report: Readiness }> {
  const [docker, ollama] = await Promise.all([d.docker.status(), d.llm.status()]);
  const coordinator = await coordinatorCheck(d.coordinator);
  const images = docker.ok ? await d.sandboxes.imageStatus().catch(() => []) : [];
  const sandbox = { ok: docker.ok && images.length > 0 && images.every((i) => i.ok), images, pool: d.sandboxes.docker.poolStats() };
  const store = await storeCheck(d.store);
  const policies = { ok: d.policies.list().length > 0, names: d.policies.list().map((p) => p.name), problems: d.policies.problems() };
  const bp = d.blueprints;
  const blueprints = { ok: bp.rejected.length === 0, agents: bp.agents.size, tools: bp.tools.size, rejected: bp.rejected };
  const ready = store.ok && docker.ok && sandbox.ok && !d.lifecycle.isClosing;
  const hints: string[] = [];
  if (!docker.ok) hints.push('Docker: run `bash scripts/docker-up.sh` or set DOCKER_HOST to a running engine.');
  for (const i of images) if (!i.ok) hints.push(`Sandbox image ${i.tag}: ${i.hint ?? 'not usable'}`);
  for (const p of policies.problems) hints.push(`Policy file ${p.file} is invalid; the last valid version stays in force.`);
  for (const b of bp.rejected)
    hints.push(`Blueprint ${b.file} is invalid and was skipped: ${b.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  if (!ollama.ok) hints.push('Ollama: run `ollama serve` or set OLLAMA_HOST; only LLM generation needs it.');
  if (d.lifecycle.isClosing) hints.push('The service is shutting down.');
  const status = !ready ? 'not_ready' : ollama.ok ? 'ready' : 'degraded';
  return { ready, report: { status, checks: { store, docker, sandbox, ollama, policies, coordinator, blueprints }, hints } };
}

const NO_PROJECTS = { running: 0, queued: 0, pending: 0, active: 0, waiting: 0, paused: 0, completed: 0, failed: 0, cancelled: 0 };

async function coordinatorCheck(c: Pick<Coordinator, 'status'>): Promise<CoordinatorStatus> {
  return c.status().catch(() => ({ ok: false, started: false, ...NO_PROJECTS }));
}

async function storeCheck(store: Store): Promise<Readiness['checks']['store']> {
  try {
    if (store.isOpen && (await store.ping())) {
      const info = await store.info();
      return { ok: true, path: store.path, schemaVersion: info.schemaVersion, journalMode: info.journalMode };
    }
    return { ok: false, path: store.path, error: 'store is closed' };
  } catch (e) {
    return { ok: false, path: store.path, error: (e as Error).message };
  }
}
