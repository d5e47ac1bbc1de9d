import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../helpers/service.ts';

let svc: RunningService;
beforeAll(async () => {
  svc = await startService();
});
afterAll(async () => {
  await svc?.close();
});

describe('OpenAPI document and interactive docs', () => {
  it('documents every /api route that is registered, with schemas from zod', async () => {
    const doc = (await (await svc.call('/api/v1/openapi.json', { token: null })).json()) as { openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> }; 'x-role'?: string }>> };
    expect(doc.openapi).toBe('3.1.0');
    const index = (await (await svc.call('/api/v1', { token: null })).json()) as { routes: string[] };
    const apiRoutes = index.routes.filter((r) => r.split(' ')[1]!.startsWith('/api') && !r.startsWith('HEAD'));
    for (const r of apiRoutes) {
      const [method, url] = r.split(' ') as [string, string];
      const p = url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      expect(doc.paths[p]?.[method.toLowerCase()], `${r} is not documented`).toBeDefined();
    }
    const submit = doc.paths['/api/v1/tools']!.post!;
    expect(submit['x-role']).toBe('submitter');
    expect(Object.keys(submit.requestBody!.content['application/json']!.schema.properties!)).toEqual(expect.arrayContaining(['name', 'language', 'inputSpec', 'examples', 'source']));
    expect(doc.paths['/api/v1/policies/{name}']!.put!['x-role']).toBe('admin');
  });

  it('serves an interactive page', async () => {
    const res = await svc.call('/docs', { token: null });
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain('/api/v1/openapi.json');
  });
});
