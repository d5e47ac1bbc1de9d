/**
 * Where `factory project …` does its work: the REST API of a running service (typed client and the
 * WebSocket stream; `--url`/`FACTORY_URL` with `--token`/`FACTORY_TOKEN`), or, without a URL, this
 * process on the data directory (the coordinator runs the project here until it stops). Loaded only
 * when a project command runs.
 */
import WebSocket from 'ws';
import { createApiClient, type ApiClient, type Schemas } from '../../client/index.ts';
import { FactoryError, type ErrorCode } from '../../errors/catalog.ts';
import type { ServiceDeps } from '../../service-deps.ts';

export type Project = Schemas['Project'];
export type ProjectSummary = Schemas['ProjectSummary'];
export type Report = Schemas['ProjectReport'];
export interface ProjectEvent {
  seq: number;
  status: string;
  message: string;
  task: string | null;
  progress: number;
  metadata: Record<string, unknown>;
  timestamp: string;
}
export type Decision = { decision: 'approve' | 'reject'; gate?: 'plan' | 'aggregation'; reason?: string; plan?: unknown };

/** The statuses at which a project's run stops (for now or for good). */
export const STOPS = ['completed', 'failed', 'cancelled', 'paused', 'waiting_for_approval'];

export interface Backend {
  /** where: the service URL, or the data directory */
  where: string;
  /** whether the project runs in this process (then an interrupted command leaves it to resume) */
  local: boolean;
  create(body: { task: string; name?: string; config?: unknown }): Promise<Project>;
  get(id: string): Promise<Project>;
  list(q: { status?: string[]; limit: number }): Promise<ProjectSummary[]>;
  report(id: string): Promise<Report>;
  approve(id: string, d: Decision): Promise<Project>;
  cancel(id: string, reason?: string): Promise<Project>;
  resume(id: string): Promise<Project>;
  /** calls `act` once progress is being followed, prints nothing itself; resolves with the project when its run stops */
  follow(id: string | undefined, act: () => Promise<Project>, onEvent: (e: ProjectEvent) => void): Promise<Project>;
  close(): Promise<void>;
}

/** A reply error of the API as the catalog error it is (the CLI reports it like any other). */
function failure(r: { response: Response; error?: unknown }): FactoryError {
  const e = (r.error as { error?: { code: string; message: string; details?: unknown } } | undefined)?.error;
  if (!e) return new FactoryError('INTERNAL', `the service answered ${r.response.status} without an error body`);
  return new FactoryError(e.code as ErrorCode, e.message, e.details);
}
const ok = <T>(r: { data?: T; response: Response; error?: unknown }): T => {
  if (r.data === undefined) throw failure(r);
  return r.data;
};

export function restBackend(url: string, token: string): Backend {
  const api: ApiClient = createApiClient(url, token);
  const path = (id: string) => ({ params: { path: { id } } });
  const get = async (id: string) => ok(await api.GET('/api/v1/projects/{id}', path(id))).project;
  return {
    where: url,
    local: false,
    create: async (body) => ok(await api.POST('/api/v1/projects', { body: body as never })).project,
    get,
    list: async (q) =>
      ok(await api.GET('/api/v1/projects', { params: { query: { limit: q.limit, ...(q.status ? { status: q.status as never } : {}) } } }))
        .projects,
    report: async (id) => ok(await api.GET('/api/v1/projects/{id}/report', path(id))).report,
    approve: async (id, d) => ok(await api.POST('/api/v1/projects/{id}/approve', { ...path(id), body: d })).project,
    cancel: async (id, reason) =>
      ok(await api.POST('/api/v1/projects/{id}/cancel', { ...path(id), body: reason ? { reason } : {} })).project,
    resume: async (id) => ok(await api.POST('/api/v1/projects/{id}/resume', path(id))).project,
    follow: (id, act, onEvent) => followOverStream(url, token, id, act, onEvent, get),
    close: async () => undefined,
  };
}

/**
 * Subscribes to the live events of a project (`project:<id>`, or `projects` when the id comes from `act`),
 * runs `act`, prints events, and resolves when the project's run stops: a stop event, or a
 * GET every 2 s finding it stopped and no longer running (in case the stream dropped an event).
 */
async function followOverStream(
  url: string,
  token: string,
  known: string | undefined,
  act: () => Promise<Project>,
  onEvent: (e: ProjectEvent) => void,
  get: (id: string) => Promise<Project>,
): Promise<Project> {
  if (known) await get(known); // a project that does not exist (or is not the caller's) fails here, with the API's error
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/api/v1/stream`, { headers: { authorization: `Bearer ${token}` } });
  let id = known;
  const early: { topic: string; e: ProjectEvent }[] = [];
  let stopped: (() => void) | undefined;
  const stop = new Promise<void>((r) => (stopped = r));
  const subscribed = new Promise<void>((resolve, reject) => {
    ws.once('error', reject);
    ws.on('close', () => reject(new FactoryError('SHUTTING_DOWN', 'the service closed the progress stream')));
    ws.on('message', (d: Buffer) => {
      const m = JSON.parse(d.toString()) as { type: string; topic?: string; id?: number; event?: Omit<ProjectEvent, 'seq'> };
      // live events only: what happened before this command (an earlier stop, say) is not followed again
      if (m.type === 'hello') ws.send(JSON.stringify({ type: 'subscribe', topics: [known ? `project:${known}` : 'projects'] }));
      else if (m.type === 'subscribed') resolve();
      else if (m.type === 'error') reject(new FactoryError('RESOURCE_NOT_FOUND', `cannot follow project ${known}`));
      else if (m.type === 'event' && m.event) {
        const e = { ...m.event, seq: m.id ?? 0 };
        if (id === undefined) early.push({ topic: m.topic ?? '', e });
        else if (m.topic === `project:${id}`) deliver(e);
      }
    });
  });
  const deliver = (e: ProjectEvent) => {
    onEvent(e);
    if (STOPS.includes(e.status)) stopped?.();
  };
  try {
    await subscribed;
    const started = await act();
    if (id === undefined) {
      id = started.id;
      for (const x of early.splice(0)) if (x.topic === `project:${id}`) deliver(x.e);
    }
    const poll = setInterval(() => {
      void get(id!).then(
        (p) => (!p.running && STOPS.includes(p.status) ? stopped?.() : undefined),
        () => undefined,
      );
    }, 2000);
    try {
      const closed = new Promise((_, reject) =>
        ws.once('close', () => reject(new FactoryError('SHUTTING_DOWN', 'the service closed the progress stream'))),
      );
      await Promise.race([stop, closed]);
    } finally {
      clearInterval(poll);
    }
    return await get(id);
  } finally {
    ws.removeAllListeners('close');
    ws.close();
  }
}

/** The principal of this process on the data directory: the local operator (its projects are private to it). */
export const CLI = { id: 'cli', role: 'admin' } as const;

export async function localBackend(config: Parameters<typeof import('../../service.ts').openCore>[0]): Promise<Backend> {
  const { openCore } = await import('../../service.ts');
  const core: ServiceDeps = await openCore(config);
  await core.factory.ensureStaticAgents(core.blueprints); // the service's static agents, as a server would have them
  const c = core.coordinator;
  const as = <T>(p: Promise<T>) => p as unknown as Promise<Project>;
  return {
    where: config.dataDir,
    local: true,
    create: (body) => as(c.create(CLI, body)),
    get: (id) => as(c.get(CLI, id)),
    list: async (q) => (await c.list(CLI, { limit: q.limit, ...(q.status ? { status: q.status } : {}) })).items as ProjectSummary[],
    report: async (id) => (await c.report(CLI, id)) as Report,
    approve: (id, d) => as(c.approve(CLI, id, d)),
    cancel: (id, reason) => as(c.cancel(CLI, id, reason)),
    resume: (id) => as(c.resume(CLI, id)),
    async follow(_id, act, onEvent) {
      let id = _id;
      const early: (ProjectEvent & { project: string | null })[] = [];
      const off = core.events.subscribe((e) => {
        if (!e.topic.startsWith('project:')) return;
        const ev = { ...e, seq: e.seq, task: e.task ?? null };
        if (id === undefined) early.push(ev);
        else if (e.project === id) onEvent(ev);
      });
      try {
        const started = await act();
        id = started.id;
        for (const e of early.splice(0)) if (e.project === id) onEvent(e);
        return (await c.settled(CLI, id)) as unknown as Project;
      } finally {
        off();
      }
    },
    close: () => core.close(),
  };
}
