// The dashboard's project pages in Debian's Chromium against a real `factory serve` process whose
// model is the scripted Ollama server: a project watched live to its end (list, stages, DAG,
// conversation), an approval gate answered (reject with a reason, an invalid edited plan, a fixed one),
// a project cancelled, a submitter who sees only its own, a viewer with no controls, keyboard and phone.
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type Schemas } from '../../src/client/index.ts';
import { GOOD, script, type Script } from '../coordinator/scripted-model.ts';
import { startFakeOllama, type FakeOllama, type RecordedRequest } from '../helpers/fake-ollama.ts';
import { REPO, tempDir } from '../helpers/env.ts';
import {
  adminTokenOf,
  DASHBOARD_BUILD,
  freePort,
  haveChromium,
  launch,
  serve,
  shot,
  signIn,
  type Browser,
  type ServiceProcess,
} from './browser.ts';

const data = tempDir('af-dash-prj-');
const policies = tempDir('af-dash-prj-policies-');
let svc: ServiceProcess;
let fake: FakeOllama;
let model: (req: RecordedRequest) => ReturnType<ReturnType<typeof script>>;
const use = (...layers: Script[]) => (model = script(...layers, GOOD));
const who: Record<'admin' | 'viewer' | 'alice' | 'bob', { secret: string; id: string }> = {} as never;
const browsers: Browser[] = [];
const api = (token = who.admin.secret) => createApiClient(svc.url, token);
const LONG = 120_000;

const sub = (id: string, inputFrom: string[] = []) => ({
  id,
  description: `work on ${id}`,
  type: 'analysis' as const,
  requiredSkills: [] as string[],
  inputFrom,
  priority: 3,
  acceptanceCriteria: [`${id} is complete`],
  tools: [] as string[],
});

async function create(token: string, task: string, config: Record<string, unknown> = {}): Promise<Schemas['Project']> {
  const r = await api(token).POST('/api/v1/projects', { body: { task, config } });
  expect(r.response.status, JSON.stringify(r.error)).toBe(201);
  return r.data!.project;
}
const status = async (id: string) => (await api().GET('/api/v1/projects/{id}', { params: { path: { id } } })).data!.project.status;

beforeAll(async () => {
  expect(haveChromium(), 'Debian’s chromium is missing: bash scripts/setup.sh installs it').toBe(true);
  expect(existsSync(DASHBOARD_BUILD), 'the dashboard is not built: npm run build:web').toBe(true);
  cpSync(join(REPO, 'policies'), policies.dir, { recursive: true });
  use();
  fake = await startFakeOllama({ replies: (req) => model(req) });
  const config = join(data.dir, 'config.json');
  writeFileSync(config, JSON.stringify({ ollama: { host: fake.url, retries: 0, backoffMs: 0 } }));
  svc = await serve(data.dir, policies.dir, await freePort(), { FACTORY_CONFIG: config, OLLAMA_HOST: fake.url });
  who.admin = { secret: adminTokenOf(data.dir), id: '' };
  for (const [name, role] of [
    ['viewer', 'viewer'],
    ['alice', 'submitter'],
    ['bob', 'submitter'],
  ] as const) {
    const { data: t } = await api().POST('/api/v1/tokens', { body: { role, name } });
    who[name] = { secret: t!.secret, id: t!.token.id };
  }
}, 180_000);

afterAll(async () => {
  for (const b of browsers) await b.close().catch(() => undefined);
  await svc?.stop();
  await fake?.close();
  data.cleanup();
  policies.cleanup();
});

async function signedIn(token: string, viewport?: { width: number; height: number }): Promise<{ b: Browser; page: Page }> {
  const b = await launch(() => svc.url, viewport);
  browsers.push(b);
  const page = await b.page();
  await signIn(page, svc.url, token);
  return { b, page };
}
const stageNow = (page: Page, text: string) => page.locator('.stages li[aria-current="step"]', { hasText: text });

describe('a submitter (alice)', () => {
  let b: Browser;
  let page: Page;
  beforeAll(async () => {
    ({ b, page } = await signedIn(who.alice.secret));
  });
  afterAll(() => {
    expect(b.elsewhere, 'requests to anywhere but the service').toEqual([]);
    expect(b.cspViolations, 'content security policy violations').toEqual([]);
  });

  it('watches a project progress live to completion: list, stages, DAG, participants, conversation', async () => {
    use((a) => {
      if (a.role === 'plan')
        return { analysis: 'three parts, the last merges', subTasks: [sub('north'), sub('south'), sub('merge', ['north', 'south'])] };
      if (a.role === 'worker') return { content: `result of ${a.task}, see @quality-reviewer`, delayMs: 1500 };
      return undefined;
    });
    await page.goto(`${svc.url}/#/projects`);
    await page.getByRole('heading', { name: 'Projects' }).waitFor();
    await page.evaluate(() => ((window as unknown as { still: boolean }).still = true));
    const p = await create(who.alice.secret, 'summarise the quarter by region');
    // the list learns of it from the stream
    await page.getByRole('link', { name: p.name }).click();
    await page.getByRole('heading', { name: `Project ${p.name}` }).waitFor();
    await page.locator('[data-participant="data-analyst"] .presence', { hasText: 'working' }).waitFor({ timeout: LONG });
    await stageNow(page, 'Executing').waitFor();
    await shot(page, 'project-live');
    await stageNow(page, 'completed').waitFor({ timeout: LONG });
    expect(await page.evaluate(() => (window as unknown as { still?: boolean }).still), 'the page was never reloaded').toBe(true);

    // the DAG: two stages, every sub-task accepted by its agent after one iteration with its score
    expect(await page.locator('.dag-stage').count()).toBe(2);
    for (const id of ['north', 'south', 'merge']) {
      const card = page.locator(`[data-task="${id}"]`);
      await card.locator('.status', { hasText: 'accepted' }).waitFor();
      expect(await card.locator('.task-facts').innerText()).toMatch(/data-analyst[\s\S]*1\s+of at most 3[\s\S]*0\.95/);
    }
    await page.locator('[data-participant="data-analyst"] .presence', { hasText: 'ready' }).waitFor();
    // the conversation: the strategist's plan, the delegator's @mentions, answers, reviews, the aggregator
    const bubbles = page.locator('.messages .bubble');
    await bubbles.filter({ hasText: 'three parts, the last merges' }).first().waitFor();
    expect(await page.locator('.bubble[data-from="delegator"] mark.mention', { hasText: '@data-analyst' }).count()).toBe(3);
    expect(await page.locator('.bubble[data-from="data-analyst"] mark.mention', { hasText: '@quality-reviewer' }).count()).toBe(3);
    expect(await page.locator('.bubble[data-from="quality-reviewer"]', { hasText: 'Accepted' }).count()).toBe(3);
    await bubbles.filter({ hasText: 'all parts merged' }).waitFor();
    // one name, one colour; different roles, different avatars
    const colour = (from: string) =>
      page
        .locator(`.bubble[data-from="${from}"] .avatar`)
        .first()
        .evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(await colour('data-analyst')).toBe(
      await page.locator('[data-participant="data-analyst"] .avatar').evaluate((e) => getComputedStyle(e).backgroundColor),
    );
    expect(await colour('strategist')).not.toBe(await colour('delegator'));
    await shot(page, 'project-done');

    await page.goto(`${svc.url}/#/projects`);
    const row = page.locator(`tr[data-project="${p.id}"]`);
    await row.locator('.status', { hasText: 'completed' }).waitFor();
    await row.getByText('3/3').waitFor();
    expect(await row.locator('td.quality').innerText()).toBe('0.95');
    await shot(page, 'projects');
  }, 240_000);

  it('answers an approval gate: a rejection needs a reason, an invalid edited plan is refused at its problem, a fixed one runs', async () => {
    use();
    const p = await create(who.alice.secret, 'plan it, then ask me', { approvals: { plan: true }, maxReplans: 2 });
    await page.goto(`${svc.url}/#/projects/${p.id}`);
    const gate = page.getByRole('region', { name: /Waiting for approval/ });
    await gate.waitFor({ timeout: LONG });
    await gate.getByRole('list', { name: 'Sub-tasks of the plan' }).getByText('do the task').waitFor(); // the plan to approve
    await gate.getByRole('button', { name: 'Reject' }).click();
    await gate.getByRole('alert').filter({ hasText: 'Say why' }).waitFor();
    await gate.getByLabel('Reason for a rejection').fill('split the work by region');
    await gate.getByRole('button', { name: 'Reject' }).click();
    await gate.getByText(/Round 2/).waitFor({ timeout: LONG });
    await page.locator('.bubble', { hasText: 'Rejected the plan gate: split the work by region' }).waitFor();
    await shot(page, 'project-gate');

    await gate.getByText('Edit the plan, then approve it').click();
    const editor = gate.getByLabel(/Plan \(JSON/);
    // it starts as the plan proposed
    expect(JSON.parse(await editor.inputValue())).toMatchObject({ analysis: 'one step', subTasks: [{ id: 't1' }] });
    await editor.fill(JSON.stringify({ analysis: 'mine', subTasks: [sub('x', ['y']), sub('y', ['x'])] }));
    await gate.getByRole('button', { name: 'Approve the edited plan' }).click();
    const refused = gate.getByRole('alert').filter({ hasText: 'PLAN_INVALID' });
    await refused.waitFor();
    expect(await refused.innerText()).toMatch(/cycle/);
    expect(await status(p.id)).toBe('waiting_for_approval');
    await editor.fill(JSON.stringify({ analysis: 'mine', subTasks: [sub('east'), sub('west', ['east'])] }));
    await gate.getByRole('button', { name: 'Approve the edited plan' }).click();
    await stageNow(page, 'completed').waitFor({ timeout: LONG });
    expect(await page.locator('[data-task]').evaluateAll((els) => els.map((e) => e.getAttribute('data-task')))).toEqual(['east', 'west']);
    await page.locator('.bubble', { hasText: 'Approved the plan gate with an edited plan' }).waitFor();
    const view = (await api(who.alice.secret).GET('/api/v1/projects/{id}', { params: { path: { id: p.id } } })).data!.project;
    expect(view.approvals.map((a) => [a.decision, a.by])).toEqual([
      ['reject', who.alice.id],
      ['approve', who.alice.id],
    ]);
  }, 240_000);

  it('cancels a project while its agent works', async () => {
    use((a) => (a.role === 'worker' ? { content: 'late', delayMs: 60_000 } : undefined));
    const p = await create(who.alice.secret, 'take forever');
    await page.goto(`${svc.url}/#/projects/${p.id}`);
    await page.locator('[data-participant="data-analyst"] .presence', { hasText: 'working' }).waitFor({ timeout: LONG });
    await page.getByRole('button', { name: 'Cancel project…' }).click();
    await page.getByLabel('Why (optional)').fill('not needed any more');
    await page.getByRole('button', { name: 'Yes, cancel the project' }).click();
    await stageNow(page, 'cancelled').waitFor({ timeout: LONG });
    expect(await status(p.id)).toBe('cancelled');
    expect(await page.getByRole('button', { name: 'Cancel project…' }).count()).toBe(0);
    await shot(page, 'project-cancelled');
  }, 240_000);

  it('sees only its own projects; another’s is not found', async () => {
    use();
    const bobs = await create(who.bob.secret, 'bob’s secret plan');
    const mine = await create(who.alice.secret, 'alice’s own');
    await page.goto(`${svc.url}/#/projects`);
    await page.getByRole('link', { name: mine.name }).waitFor();
    const owners = await page.locator('tr[data-project] td:nth-child(7)').allInnerTexts();
    expect(new Set(owners)).toEqual(new Set([who.alice.id]));
    expect(await page.locator(`tr[data-project="${bobs.id}"]`).count()).toBe(0);
    await page.goto(`${svc.url}/#/projects/${bobs.id}`);
    await page.getByRole('alert').filter({ hasText: 'RESOURCE_NOT_FOUND' }).waitFor();
    expect(await page.getByText('bob’s secret plan').count()).toBe(0);
  }, 120_000);
});

describe('a viewer, and the keyboard at phone width', () => {
  it('a viewer sees everyone’s projects and an open gate, and no control to decide or cancel', async () => {
    use();
    const p = await create(who.alice.secret, 'viewer looks at this', { approvals: { plan: true } });
    const { page } = await signedIn(who.viewer.secret);
    await page.goto(`${svc.url}/#/projects`);
    await page.getByRole('link', { name: p.name }).waitFor();
    expect(await page.getByText('Start a project').count()).toBe(0);
    await page.getByRole('link', { name: p.name }).click();
    const gate = page.getByRole('region', { name: /Waiting for approval/ });
    await gate.waitFor({ timeout: LONG });
    await gate.getByText('The project’s owner or an admin decides.').waitFor();
    expect(await page.locator('main button, main textarea').count()).toBe(0);
  }, 120_000);

  it('the owner approves a gate with the keyboard alone on a phone-sized screen', async () => {
    use();
    const p = await create(who.alice.secret, 'approve me from the phone', { approvals: { plan: true } });
    const { page } = await signedIn(who.alice.secret, { width: 390, height: 844 });
    await page.goto(`${svc.url}/#/projects/${p.id}`);
    await page.getByRole('region', { name: /Waiting for approval/ }).waitFor({ timeout: LONG });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling').toBe(true);
    await shot(page, 'project-phone');
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.textContent?.trim() === 'Approve');
    }
    expect(reached, 'Approve is reachable with Tab').toBe(true);
    await page.keyboard.press('Enter');
    await stageNow(page, 'completed').waitFor({ timeout: LONG });
    await shot(page, 'project-phone-done');
  }, 240_000);
});
