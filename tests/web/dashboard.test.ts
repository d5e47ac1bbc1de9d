// The dashboard in a real browser (Debian's Chromium through playwright-core) against a real service
// process on a temporary data directory: sign in, lists, a tool execution appearing live, a policy edit
// with a mistake shown at its line, a stale-ETag conflict, a reconnect after the server dropped the
// socket with no event missed or repeated, and what viewers and submitters may see and do.
// Screenshots of the main pages go to test-artifacts/dashboard/ (gitignored).
/// <reference lib="dom" />
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../src/client/index.ts';
import { REPO, tempDir } from '../helpers/env.ts';
import {
  adminTokenOf,
  ARTIFACTS,
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

const JSON_STATS = readFileSync(join(REPO, 'blueprints/tools/json_stats.yaml'), 'utf8');
const data = tempDir('af-dash-data-');
const policies = tempDir('af-dash-policies-');
let port: number;
let svc: ServiceProcess;
let admin: string;
const tokens: Record<'viewer' | 'alice' | 'bob', { secret: string; id: string }> = {} as never;
const api = (token = admin): ApiClient => createApiClient(svc.url, token);
const browsers: Browser[] = [];

async function submitTool(token: string, name: string, shared: boolean) {
  const r = await fetch(`${svc.url}/api/v1/tools${shared ? '?shared=true' : ''}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/yaml' },
    body: JSON_STATS.replace('name: json_stats', `name: ${name}`),
  });
  expect(r.status, await r.clone().text()).toBe(201);
}
async function execute(name: string, token = admin, base?: string): Promise<string> {
  const client = base ? createApiClient(base, token) : api(token);
  const r = await client.POST('/api/v1/tools/{name}/execute', { params: { path: { name } }, body: { input: { values: [1, 2, 3, 4] } } });
  expect(r.response.status).toBe(200);
  return r.data!.runId;
}

beforeAll(async () => {
  expect(haveChromium(), 'Debian’s chromium is missing: bash scripts/setup.sh installs it').toBe(true);
  expect(existsSync(DASHBOARD_BUILD), 'the dashboard is not built: npm run build:web (bash scripts/setup.sh does it)').toBe(true);
  cpSync(join(REPO, 'policies'), policies.dir, { recursive: true });
  port = await freePort();
  svc = await serve(data.dir, policies.dir, port);
  admin = adminTokenOf(data.dir);
  for (const [name, role] of [
    ['viewer', 'viewer'],
    ['alice', 'submitter'],
    ['bob', 'submitter'],
  ] as const) {
    const { data: t } = await api().POST('/api/v1/tokens', { body: { role, name } });
    tokens[name] = { secret: t!.secret, id: t!.token.id };
  }
  await submitTool(admin, 'json_stats', true);
  await submitTool(tokens.alice.secret, 'alice_stats', false);
  await submitTool(tokens.bob.secret, 'bob_stats', false);
  console.log(`dashboard screenshots: ${ARTIFACTS}`);
}, 180_000);

afterAll(async () => {
  for (const b of browsers) await b.close().catch(() => undefined);
  await svc?.stop();
  data.cleanup();
  policies.cleanup();
});

async function browser(viewport?: { width: number; height: number }): Promise<{ b: Browser; page: Page }> {
  const b = await launch(() => svc.url, viewport);
  browsers.push(b);
  return { b, page: await b.page() };
}

describe('an admin', () => {
  let b: Browser;
  let page: Page;
  beforeAll(async () => {
    ({ b, page } = await browser());
    await signIn(page, svc.url, admin);
  });
  afterAll(() => {
    expect(b.elsewhere, 'requests to anywhere but the service').toEqual([]);
    expect(b.cspViolations, 'content security policy violations').toEqual([]);
  });

  it('signs in with a token kept in session storage only, and sees tools, agents and runs', async () => {
    expect(page.url()).not.toContain(admin.slice(4));
    expect(await page.evaluate(() => sessionStorage.length)).toBe(1);
    expect(await page.evaluate(() => localStorage.length + document.cookie.length)).toBe(0);
    await shot(page, 'overview');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tools' }).click();
    for (const t of ['json_stats', 'alice_stats', 'bob_stats']) await page.getByRole('link', { name: t, exact: true }).waitFor();
    await shot(page, 'tools');
    await page.getByRole('link', { name: 'Agents' }).click();
    await page.getByRole('link', { name: 'data-analyst', exact: true }).waitFor();
    await shot(page, 'agents');
    await page.getByRole('link', { name: 'Runs', exact: true }).first().click();
    await page.getByRole('region', { name: 'Runs' }).waitFor();
    expect(await page.locator('tr[data-run]').count()).toBeGreaterThanOrEqual(0);
  });

  it('sees a tool execution appear live, then its run with status, limits and output', async () => {
    await page.goto(`${svc.url}/#/tools/json_stats`);
    await page.getByRole('heading', { name: 'Check report: allowed' }).waitFor();
    const id = await execute('json_stats');
    const row = page.locator(`tr[data-run="${id}"]`);
    await row.waitFor({ timeout: 15_000 });
    await row.getByText('succeeded').waitFor();
    await shot(page, 'tool');
    await row.getByRole('link', { name: id }).click();
    await page.getByRole('heading', { name: 'Limits' }).waitFor();
    await page.getByText('"count":4').waitFor();
    await shot(page, 'run');
  });

  it('edits a policy: a mistake is shown at its line as it is typed, fixed, saved', async () => {
    const text = 'name: dash\ndescription: the dashboard test policy\nextends: default\nlimits:\n  maxMemoryMb: 256\n';
    const created = await fetch(`${svc.url}/api/v1/policies/dash`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/yaml', 'if-none-match': '*' },
      body: text,
    });
    expect(created.status).toBe(201);
    await page.goto(`${svc.url}/#/policies/dash`);
    const editor = page.getByLabel('Policy YAML');
    await editor.waitFor();
    await page.getByText('No problems.').waitFor();
    await editor.fill(text.replace('maxMemoryMb: 256', 'maxMemoryMb: lots'));
    await page.locator('.gutter li[data-line="5"].bad').waitFor();
    const problem = page.locator('#policy-problems li[data-line="5"]');
    await problem.waitFor();
    expect(await problem.innerText()).toMatch(/Line 5.*limits\.maxMemoryMb/s);
    expect(await editor.getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'policy-mistake');
    await problem.getByRole('button').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('policy-text');
    await editor.fill(text.replace('maxMemoryMb: 256', 'maxMemoryMb: 384'));
    await page.getByText('No problems.').waitFor();
    expect(await page.locator('.gutter li.bad').count()).toBe(0);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').getByText('Saved as version 2.').waitFor();
    const now = await api().GET('/api/v1/policies/{name}', { params: { path: { name: 'dash' }, query: { format: 'json' } } });
    expect((now.data as { text: string }).text).toContain('maxMemoryMb: 384');
    await page.getByText('Version 2 by').waitFor();
    await shot(page, 'policy');
  });

  it('explains a stale-ETag conflict and loads the other version', async () => {
    await page.goto(`${svc.url}/#/policies/dash`);
    const editor = page.getByLabel('Policy YAML');
    await page.getByText('No problems.').waitFor();
    const mine = (await editor.inputValue()).replace('maxMemoryMb: 384', 'maxMemoryMb: 300');
    await editor.fill(mine);
    // someone else saves first
    const current = await api().GET('/api/v1/policies/{name}', { params: { path: { name: 'dash' }, query: { format: 'json' } } });
    const theirs = (current.data as { text: string; etag: string }).text.replace('maxMemoryMb: 384', 'maxMemoryMb: 128');
    const put = await fetch(`${svc.url}/api/v1/policies/dash`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${admin}`,
        'content-type': 'application/yaml',
        'if-match': (current.data as { etag: string }).etag,
      },
      body: theirs,
    });
    expect(put.status).toBe(200);
    await page.getByText('No problems.').waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'someone else changed this policy' });
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain('version 3');
    const lines = async (sel: string) => (await conflict.locator(sel).allInnerTexts()).map((l) => l.trimEnd());
    expect(await lines('.diff .del')).toEqual(['-  maxMemoryMb: 128']);
    expect(await lines('.diff .add')).toEqual(['+  maxMemoryMb: 300']);
    await shot(page, 'policy-conflict');
    await conflict.getByRole('button', { name: 'Load their version (drop my edits)' }).click();
    await page.waitForFunction(() =>
      (document.getElementById('policy-text') as HTMLTextAreaElement | null)?.value.includes('maxMemoryMb: 128'),
    );
    const after = await api().GET('/api/v1/policies/{name}', { params: { path: { name: 'dash' }, query: { format: 'json' } } });
    expect((after.data as { text: string }).text).toBe(theirs);
  });

  it('shows the audit trail with its chain verified, and usage', async () => {
    await page.goto(`${svc.url}/#/audit`);
    await page.getByText(/Hash chain:\s*verified/).waitFor();
    await page.getByLabel('Type').selectOption('policy_changed');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('cell', { name: 'dash', exact: true }).first().waitFor();
    expect(new Set(await page.locator('tbody tr td:nth-child(3)').allInnerTexts())).toEqual(new Set(['policy_changed']));
    await shot(page, 'audit');
    await page.goto(`${svc.url}/#/usage`);
    await page.getByRole('heading', { name: 'Model usage' }).waitFor();
    await page.getByText('No model calls in this period.').waitFor();
    await shot(page, 'usage');
  });

  it('resumes after the server drops the socket: no event missed, none repeated', async () => {
    await page.goto(`${svc.url}/#/activity`);
    const before = await execute('json_stats');
    await page
      .locator(`td a`, { hasText: `run:${before}` })
      .first()
      .waitFor({ timeout: 15_000 });
    // the service stops (closing every socket); meanwhile another process on the same data runs the tool
    await svc.stop();
    await page.locator('.link-state .status', { hasText: 'reconnecting' }).waitFor({ timeout: 15_000 });
    const other = await serve(data.dir, policies.dir, await freePort());
    const missed = [await execute('json_stats', admin, other.url), await execute('json_stats', admin, other.url)];
    await other.stop();
    svc = await serve(data.dir, policies.dir, port);
    await page.locator('.link-state .status', { hasText: 'live' }).waitFor({ timeout: 30_000 });
    for (const id of missed)
      await page
        .locator('td a', { hasText: `run:${id}` })
        .first()
        .waitFor({ timeout: 15_000 });
    const after = await execute('json_stats');
    await page
      .locator('td a', { hasText: `run:${after}` })
      .first()
      .waitFor({ timeout: 15_000 });
    const ids = (
      await page.locator('tr[data-event-id]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-event-id'))))
    ).reverse();
    expect(new Set(ids).size, 'no event shown twice').toBe(ids.length);
    expect(ids, 'no event missing').toEqual(Array.from({ length: ids.length }, (_, i) => ids[0]! + i));
    await page.getByText(/reconnected \d+ times/).waitFor();
    await shot(page, 'activity');
  });

  it('works with the keyboard and on a phone-sized screen', async () => {
    await page.goto(`${svc.url}/#/tools`);
    await page.reload(); // a fresh load: signed in again from session storage
    await page.getByRole('link', { name: 'json_stats', exact: true }).waitFor();
    // from the top of the page, the first stop is the skip link, and it moves the focus to the content
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await shot(page, 'tools-phone');
    await page.goto(`${svc.url}/#/policies/default`);
    await page.getByLabel('Policy YAML').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await shot(page, 'policy-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

describe('a viewer', () => {
  it('sees everything and no edit controls', async () => {
    const { page } = await browser();
    await signIn(page, svc.url, tokens.viewer.secret);
    await page.goto(`${svc.url}/#/tools/alice_stats`);
    await page.getByRole('heading', { name: /Check report/ }).waitFor();
    await page.goto(`${svc.url}/#/tools/json_stats`);
    await page.getByRole('heading', { name: /Check report/ }).waitFor();
    await page.getByRole('heading', { name: 'Executions' }).waitFor();
    await shot(page, 'tool-viewer');
    await page.goto(`${svc.url}/#/policies/dash`);
    await page.getByRole('heading', { name: 'History' }).waitFor();
    await page.goto(`${svc.url}/#/agents`);
    await page.getByRole('link', { name: 'data-analyst', exact: true }).click();
    await page.getByRole('heading', { name: 'System prompt' }).waitFor();
    for (const where of ['#/tools/json_stats', '#/policies/dash', '#/agents', '#/runs']) {
      await page.goto(`${svc.url}/${where}`);
      await page.locator('main h1').waitFor();
      await page.waitForLoadState('networkidle');
      const buttons = await page
        .locator('main button, main textarea, main form[method="post"]')
        .evaluateAll((els) => els.map((e) => e.textContent ?? e.tagName).filter((t) => !/^(More|Verify again)/.test(t)));
      expect(buttons, `edit controls on ${where}`).toEqual([]);
    }
  });
});

describe('a submitter', () => {
  it('sees its own, shared and the service’s resources only, and changes only its own', async () => {
    const mine = await execute('alice_stats', tokens.alice.secret);
    const theirs = await execute('bob_stats', tokens.bob.secret);
    const { page } = await browser();
    await signIn(page, svc.url, tokens.alice.secret);
    await page.goto(`${svc.url}/#/tools`);
    await page.getByRole('link', { name: 'alice_stats', exact: true }).waitFor();
    await page.getByRole('link', { name: 'json_stats', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'bob_stats' }).count()).toBe(0);
    await shot(page, 'tools-submitter');
    await page.goto(`${svc.url}/#/runs`);
    await page.locator(`tr[data-run="${mine}"]`).waitFor();
    expect(await page.locator(`tr[data-run="${theirs}"]`).count()).toBe(0);
    await page.goto(`${svc.url}/#/tools/bob_stats`);
    await page.getByRole('alert').filter({ hasText: 'RESOURCE_NOT_FOUND' }).waitFor();
    await page.goto(`${svc.url}/#/tools/alice_stats`);
    await page.getByRole('heading', { name: /Check report/ }).waitFor();
    await page.getByRole('button', { name: 'Execute' }).waitFor();
    await page.getByRole('button', { name: 'Share' }).waitFor();
    await page.goto(`${svc.url}/#/tools/json_stats`);
    await page.getByRole('heading', { name: 'Tool json_stats' }).waitFor();
    await page.getByRole('heading', { name: /Check report/ }).waitFor();
    await page.getByRole('button', { name: 'Execute' }).waitFor();
    expect(await page.getByRole('button', { name: /Share|Destroy|Make private/ }).count()).toBe(0);
    await page.goto(`${svc.url}/#/policies/dash`);
    await page.getByRole('heading', { name: 'History' }).waitFor();
    expect(await page.getByLabel('Policy YAML').count()).toBe(0);
    await page.goto(`${svc.url}/#/activity`);
    await page.getByRole('heading', { name: 'Live activity' }).waitFor();
    const seen = await execute('bob_stats', tokens.bob.secret);
    const own = await execute('alice_stats', tokens.alice.secret);
    await page
      .locator('td a', { hasText: `run:${own}` })
      .first()
      .waitFor({ timeout: 15_000 });
    expect(await page.locator('td a', { hasText: seen }).count()).toBe(0);
  });
});
