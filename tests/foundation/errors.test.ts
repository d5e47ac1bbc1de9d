import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOG, FactoryError } from '../../src/errors/catalog.ts';
import { REPO } from '../helpers/env.ts';

describe('error catalog', () => {
  const doc = readFileSync(join(REPO, 'docs/errors.md'), 'utf8');
  const documented = [...doc.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \| (yes|no) \|/gm)].map((m) => ({
    code: m[1]!,
    status: Number(m[2]),
    retryable: m[3] === 'yes',
  }));

  it('documents every code with its status and retryability', () => {
    for (const [code, spec] of Object.entries(ERROR_CATALOG)) {
      const d = documented.find((x) => x.code === code);
      expect(d, `${code} is missing from docs/errors.md`).toBeDefined();
      expect(d).toEqual({ code, status: spec.status, retryable: spec.retryable });
    }
  });

  it('documents no code that does not exist', () => {
    for (const d of documented) expect(Object.keys(ERROR_CATALOG), `docs/errors.md lists unknown ${d.code}`).toContain(d.code);
  });

  it('builds reply bodies with code, message, retryable, hint and details', () => {
    const e = new FactoryError('DOCKER_UNAVAILABLE', undefined, { host: 'unix:///x' });
    expect(e.toBody()).toEqual({
      error: {
        code: 'DOCKER_UNAVAILABLE',
        message: ERROR_CATALOG.DOCKER_UNAVAILABLE.message,
        retryable: true,
        hint: ERROR_CATALOG.DOCKER_UNAVAILABLE.hint,
        details: { host: 'unix:///x' },
      },
    });
    expect(e.status).toBe(503);
  });
});
