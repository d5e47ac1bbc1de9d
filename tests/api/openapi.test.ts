import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedFiles, OPENAPI_FILE, SCHEMA_FILE } from '../../scripts/generate-client.ts';
import { REPO } from '../helpers/env.ts';
import { startService, type RunningService } from '../helpers/service.ts';

type Op = {
  operationId?: string;
  summary?: string;
  description?: string;
  security?: unknown[];
  parameters?: { name?: string; in?: string; $ref?: string }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { description: string; content?: Record<string, unknown>; headers?: Record<string, unknown> }>;
  'x-role'?: string;
};
type Doc = { openapi: string; paths: Record<string, Record<string, Op>>; components: { schemas: Record<string, unknown> } };

let svc: RunningService;
let doc: Doc;
beforeAll(async () => {
  svc = await startService();
  doc = (await (await svc.call('/api/v1/openapi.json', { token: null })).json()) as Doc;
});
afterAll(async () => {
  await svc?.close();
});

const ops = () => Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));

describe('the OpenAPI document', () => {
  it('documents every route with operationId, summary, description, request and response schemas (errors too) and security', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const index = (await (await svc.call('/api/v1', { token: null })).json()) as { routes: string[] };
    for (const r of index.routes) {
      const [method, url] = r.split(' ') as [string, string];
      expect(doc.paths[url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')]?.[method.toLowerCase()], `${r} is not documented`).toBeDefined();
    }
    const ids = new Set<string>();
    for (const { path, method, op } of ops()) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(op.operationId, where).toMatch(/^[a-z][A-Za-z]+$/);
      expect(ids.has(op.operationId!), `${where}: operationId ${op.operationId} twice`).toBe(false);
      ids.add(op.operationId!);
      expect(op.summary, where).toBeTruthy();
      expect(op.description, where).toBeTruthy();
      expect(Array.isArray(op.security), `${where} has no security`).toBe(true);
      const statuses = Object.keys(op.responses);
      expect(
        statuses.some((s) => /^[12]/.test(s)),
        `${where}: no success response`,
      ).toBe(true);
      expect(statuses.filter((s) => s.startsWith('4')).length, `${where}: no error responses`).toBeGreaterThan(0);
      for (const s of statuses.filter((x) => /^[45]/.test(x) && !(path === '/readyz' && x === '503'))) {
        expect(op.responses[s]!.content?.['application/json'], `${where} ${s}`).toEqual({ schema: { $ref: '#/components/schemas/Error' } });
      }
      for (const s of statuses.filter((x) => /^2/.test(x) && x !== '204'))
        expect(op.responses[s]!.content, `${where} ${s} has no schema`).toBeDefined();
      if (op.requestBody) expect(Object.values(op.requestBody.content)[0]!.schema, where).toBeDefined();
    }
    expect(doc.paths['/healthz']!.get!.security).toEqual([]);
    expect(doc.paths['/api/v1/tools']!.post!.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/api/v1/tools']!.post!['x-role']).toBe('submitter');
    expect(doc.paths['/api/v1/policies/{name}']!.put!['x-role']).toBe('admin');
  });

  it('names the YAML media types and the conditional headers a route accepts, and the headers it answers with', () => {
    const put = doc.paths['/api/v1/policies/{name}']!.put!;
    expect(Object.keys(put.requestBody!.content)).toEqual(expect.arrayContaining(['application/yaml', 'application/json']));
    expect(put.requestBody!.content['application/yaml']!.schema.type).toBe('string');
    expect(put.parameters!.filter((p) => p.in === 'header').map((p) => p.name)).toEqual(
      expect.arrayContaining(['if-match', 'if-none-match']),
    );
    expect(Object.keys(put.responses['200']!.headers!)).toEqual(expect.arrayContaining(['ETag', 'X-Request-Id']));
    expect(Object.keys(put.responses['401']!.headers!)).toContain('WWW-Authenticate');
    const submit = doc.paths['/api/v1/tools']!.post!;
    expect(Object.keys(submit.requestBody!.content)).toEqual(expect.arrayContaining(['application/json', 'application/yaml']));
    expect(Object.keys((doc.components.schemas.ToolBlueprintInput as { properties: object }).properties)).toEqual(
      expect.arrayContaining(['name', 'language', 'inputSpec', 'examples', 'source']),
    );
    expect(Object.keys(submit.responses['201']!.headers!)).toContain('Location');
    expect(Object.keys(doc.paths['/api/v1/policies/{name}']!.get!.responses['200']!.content!)).toEqual([
      'application/json',
      'application/yaml',
    ]);
  });

  it('is the committed docs/openapi.json, and src/client/schema.ts is generated from it (npm run generate:client)', async () => {
    const files = await generatedFiles();
    expect(JSON.parse(files.openapi)).toEqual(doc);
    expect(readFileSync(OPENAPI_FILE, 'utf8'), 'docs/openapi.json is out of date: run npm run generate:client').toBe(files.openapi);
    expect(readFileSync(SCHEMA_FILE, 'utf8'), 'src/client/schema.ts is out of date: run npm run generate:client').toBe(files.schema);
  });

  it('passes redocly lint with the recommended rules (no errors)', () => {
    const r = spawnSync(join(REPO, 'node_modules/.bin/redocly'), ['lint', OPENAPI_FILE, '--extends', 'recommended', '--format', 'json'], {
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    const report = JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))) as {
      totals: { errors: number; warnings: number };
      problems: { ruleId: string; severity: string; message: string }[];
    };
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(report.totals.errors).toBe(0);
    expect(r.status, r.stderr).toBe(0);
  });
});

describe('the interactive docs page', () => {
  it('loads in headless Chromium from this service alone (no CDN) and shows an operation', async () => {
    expect(existsSync('/usr/bin/chromium'), 'Debian’s chromium is missing: bash scripts/setup.sh installs it').toBe(true);
    const profile = mkdtempSync(join(tmpdir(), 'af-chromium-'));
    const browser = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const elsewhere: string[] = [];
    try {
      const page = await browser.newPage();
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(svc.url) || url.startsWith('data:')) return route.continue();
        elsewhere.push(url);
        return route.abort();
      });
      await page.goto(`${svc.url}/docs`);
      const op = page.locator('#operations-tools-submitTool');
      await op.waitFor({ timeout: 30_000 });
      expect(await op.locator('.opblock-summary-description').innerText()).toBe('Submit a tool blueprint');
      expect(await op.locator('.opblock-summary-method').innerText()).toBe('POST');
      await op.locator('.opblock-summary').first().click();
      await page.locator('#operations-tools-submitTool .responses-table').waitFor({ timeout: 10_000 });
      expect(await page.locator('#operations-tools-submitTool .responses-table').innerText()).toContain('201');
      expect(elsewhere).toEqual([]);
    } finally {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
