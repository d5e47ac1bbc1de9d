import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'af-floating-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function lint(source: string): Promise<{ code: number; out: string }> {
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, target: 'es2022', module: 'nodenext' }, include: ['*.ts'] }),
  );
  writeFileSync(join(dir, 'a.ts'), source);
  try {
    const r = await run(process.execPath, ['--import', 'tsx', 'scripts/floating-check.ts', dir]);
    return { code: 0, out: r.stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string };
    return { code: err.code, out: err.stdout };
  }
}

const PRELUDE = 'const store = { async write(_x: number): Promise<void> {} };\n';

describe('npm run lint:floating', () => {
  it('finds a promise used as a statement, by file and line, and exits 1', async () => {
    const r = await lint(`${PRELUDE}export async function f() {\n  store.write(1);\n}\n`);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/a\.ts:3: store\.write\(1\)/);
  });

  it('passes awaited, returned, voided and handled promises', async () => {
    const src = `${PRELUDE}export async function f() {\n  await store.write(1);\n  void store.write(2);\n  store.write(3).catch(() => undefined);\n  return store.write(4);\n}\n`;
    const r = await lint(src);
    expect(r).toEqual({ code: 0, out: '' });
  });
});
