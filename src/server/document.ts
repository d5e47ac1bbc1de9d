import type { ServiceDeps } from '../service-deps.ts';
import { buildApp } from './app.ts';

/** Stands in for every service: registering routes touches none, so the document needs no running core. */
function stub(path: string): unknown {
  return new Proxy(() => undefined, {
    get: (_t, key) => (key === 'then' ? undefined : stub(`${path}.${String(key)}`)),
    apply: () => {
      throw new Error(`${path}() was called while only building the OpenAPI document`);
    },
  });
}

/** The OpenAPI document of this API, built from the routes' schemas without opening the service. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const deps = new Proxy({} as ServiceDeps, {
    // no metrics: /metrics is not part of the API document
    get: (_t, key) =>
      key === 'config' ? { server: { logLevel: 'silent', bodyLimitBytes: 1024 } } : key === 'metrics' ? undefined : stub(String(key)),
  });
  const app = await buildApp(deps, { logger: false });
  await app.ready();
  const doc = app.swagger() as unknown as Record<string, unknown>;
  await app.close();
  return doc;
}
