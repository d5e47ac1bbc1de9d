/**
 * A coordinator on the real service modules (openCore: SQLite file in a temp dir, audit trail, event
 * bus, factory, policies), talking through the real LlmProvider to the scripted Ollama server.
 */
import { openCore } from '../../src/service.ts';
import { SYSTEM } from '../../src/access/index.ts';
import type { Coordinator, Principal, ProjectView } from '../../src/coordinator/index.ts';
import type { ProgressEvent } from '../../src/events/bus.ts';
import type { ServiceDeps } from '../../src/service-deps.ts';
import { startFakeOllama, type FakeOllama, type RecordedRequest } from '../helpers/fake-ollama.ts';
import { tempDir, testConfig } from '../helpers/env.ts';
import { script, type Script } from './scripted-model.ts';

export const ALICE: Principal = { id: 'tok_alice', role: 'submitter' };
export const BOB: Principal = { id: 'tok_bob', role: 'submitter' };
export const ADMIN: Principal = { id: 'tok_admin', role: 'admin' };

export interface Harness {
  core: ServiceDeps;
  coordinator: Coordinator;
  fake: FakeOllama;
  dataDir: string;
  /** every event published on project topics, in order */
  events: ProgressEvent[];
  /** the /api/chat requests the fake received */
  chats(): RecordedRequest[];
  /** creates a project and waits until its run has ended (completed, failed, waiting, paused …) */
  run(task: string, config?: Record<string, unknown>, who?: Principal): Promise<ProjectView>;
  /** a static agent (origin blueprint, created by system) */
  agent(name: string, type: string, skills?: string[], extra?: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** layers of the scripted model (the first that answers wins); ignored when `fake` is given */
  model: Script | Script[];
  /** dotted config keys, e.g. { 'coordinator.maxConcurrentProjects': '2' } */
  config?: Record<string, string>;
  dataDir?: string;
  costs?: Record<string, { prompt: number; completion: number }>;
  /** keep the data directory on close (a second harness reopens it) */
  keep?: boolean;
  fake?: FakeOllama;
}

export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  const fake = opts.fake ?? (await startFakeOllama({ replies: script(...(Array.isArray(opts.model) ? opts.model : [opts.model])) }));
  const tmp = opts.dataDir ? { dir: opts.dataDir, cleanup: () => undefined } : tempDir('af-coord-');
  const config = testConfig(tmp.dir, {
    'ollama.host': fake.url,
    'ollama.retries': '0',
    'ollama.backoffMs': '0',
    'ollama.requestTimeoutMs': '20000',
    ...opts.config,
  });
  const core = await openCore(config, { coordinator: opts.costs ? { costs: opts.costs } : {} });
  const coordinator = core.coordinator;
  const events: ProgressEvent[] = [];
  core.events.subscribe((e) => {
    if (e.topic.startsWith('project:')) events.push(e);
  });
  await coordinator.start();
  return {
    core,
    coordinator,
    fake,
    dataDir: tmp.dir,
    events,
    chats: () => fake.chats(),
    async run(task, cfg = {}, who = ALICE) {
      const p = await coordinator.create(who, { task, config: cfg });
      return coordinator.settled(who, p.id);
    },
    async agent(name, type, skills = [], extra = {}) {
      const rec = core.factory.agents.create(
        {
          name,
          type,
          description: `${name} agent`,
          systemPrompt: `You are ${name}.`,
          outputFormat: { format: 'text' },
          skills: skills.map((s) => ({ name: s, description: `${s} work` })),
          ...extra,
        },
        SYSTEM,
      );
      return (await rec).id;
    },
    async close() {
      await coordinator.close();
      await core.close();
      if (!opts.fake) await fake.close();
      if (!opts.keep) tmp.cleanup();
    },
  };
}

/** Every model request's role, in order (for assertions on what was asked). */
export function rolesAsked(h: Harness): string[] {
  return h.chats().map((r) => {
    const props = r.body?.format?.properties ? Object.keys(r.body.format.properties) : [];
    return props.includes('subTasks')
      ? 'plan'
      : props.includes('score')
        ? 'review'
        : props.includes('consistent')
          ? 'aggregate'
          : props.includes('systemPrompt')
            ? 'specialist'
            : 'worker';
  });
}
