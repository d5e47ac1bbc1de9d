// The coordinator's metrics in a scrape of a real service while projects run against the scripted
// model: projects by status and approvals waiting (read from the store at each scrape), project
// steps as they finish; parsed with a Prometheus text-format parser; no project id in any label.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD, script, type Script } from '../coordinator/scripted-model.ts';
import { startFakeOllama, type FakeOllama, type RecordedRequest } from '../helpers/fake-ollama.ts';
import { startService, type RunningService } from '../helpers/service.ts';
import { families, labelValues, total, type Families } from './scrape.ts';

let svc: RunningService;
let fake: FakeOllama;
let model: (req: RecordedRequest) => ReturnType<ReturnType<typeof script>>;
const use = (...layers: Script[]) => (model = script(...layers, GOOD));

beforeAll(async () => {
  fake = await startFakeOllama({ replies: (req) => model(req) });
  svc = await startService({ 'ollama.host': fake.url, 'ollama.retries': '0', 'ollama.backoffMs': '0' });
}, 120_000);
afterAll(async () => {
  await svc?.close();
  await fake?.close();
});

const scrape = async (): Promise<Families> => {
  const r = await svc.call('/metrics');
  expect(r.status).toBe(200);
  return families(await r.text());
};
const project = async (id: string) => (await svc.api().GET('/api/v1/projects/{id}', { params: { path: { id } } })).data!.project;
async function until(id: string, statuses: string[]) {
  for (let i = 0; i < 1200; i++) {
    const p = await project(id);
    if (statuses.includes(p.status)) return p;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`project ${id} never reached ${statuses.join(' or ')}`);
}

describe('the coordinator in /metrics', () => {
  it('counts projects by status, approvals waiting and finished steps, during a run and after it', async () => {
    const before = await scrape();
    expect(total(before, 'factory_approvals_waiting')).toBe(0);
    const stepsBefore = total(before, 'factory_project_steps_total', { status: 'completed' });

    // one project waits at its plan gate while another executes (its worker is slow)
    use((a) => (a.role === 'worker' ? { content: `result of ${a.task}`, delayMs: 1500 } : undefined));
    const api = svc.api();
    const gated = (await api.POST('/api/v1/projects', { body: { task: 'wait for me', config: { approvals: { plan: true } } } })).data!
      .project;
    const busy = (await api.POST('/api/v1/projects', { body: { task: 'work on this' } })).data!.project;
    await until(gated.id, ['waiting_for_approval']);
    await until(busy.id, ['executing']);

    const during = await scrape();
    expect(total(during, 'factory_projects', { status: 'waiting_for_approval' })).toBe(1);
    expect(total(during, 'factory_projects', { status: 'executing' })).toBe(1);
    expect(total(during, 'factory_approvals_waiting')).toBe(1);
    expect(total(during, 'factory_project_steps_total', { status: 'completed' })).toBeGreaterThan(stepsBefore); // the plan at least

    const approved = await api.POST('/api/v1/projects/{id}/approve', { params: { path: { id: gated.id } }, body: { decision: 'approve' } });
    expect(approved.response.status).toBe(200);
    await until(gated.id, ['completed']);
    await until(busy.id, ['completed']);

    const after = await scrape();
    expect(total(after, 'factory_projects', { status: 'completed' })).toBe(2);
    expect(total(after, 'factory_projects', { status: 'executing' })).toBe(0);
    expect(total(after, 'factory_approvals_waiting')).toBe(0);
    // each project: plan, assignment, work, review, sub-task, aggregation, final review (at least)
    expect(total(after, 'factory_project_steps_total', { status: 'completed' }) - stepsBefore).toBeGreaterThanOrEqual(14);
    expect(total(after, 'factory_project_steps_total', { status: 'failed' })).toBe(0);
    const values = labelValues(after, 'factory_');
    expect(values.filter((v) => /prj_/.test(v))).toEqual([]);
    expect(new Set(labelValues(after, 'factory_projects'))).toEqual(new Set(['completed']));
  }, 120_000);
});
