import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import '../../src/service.ts'; // loads every module the service runs, and so every format they define
import '../../src/coordinator/index.ts'; // the coordinator's formats (its routes are not wired into the service yet)
import { defineFormat, grammarErrors, grammarProblems, registeredFormats } from '../../src/llm/index.ts';
import { withinGrammar } from '../../src/llm/formats.ts';
import { REPO } from '../helpers/env.ts';

/**
 * Every JSON schema the service sends to Ollama as `format` is defined with defineFormat (structured()
 * takes nothing else) and must pass Ollama's grammar rules. A module that defines a format is covered
 * here once the service loads it; one the service does not load fails the count below.
 */

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const definitions = sources(join(REPO, 'src'))
  .filter((f) => !f.endsWith('src/llm/formats.ts'))
  .flatMap((f) =>
    [...readFileSync(f, 'utf8').matchAll(/defineFormat\(\s*'([^']+)'/g)].map((m) => ({ file: f.slice(REPO.length + 1), name: m[1]! })),
  );

describe('formats sent to Ollama', () => {
  it('every defineFormat in src/ is loaded with the service and registered', () => {
    const registered = registeredFormats()
      .filter((f) => f.definedIn.startsWith('src/'))
      .map((f) => f.name)
      .sort();
    expect(registered).toEqual(definitions.map((d) => d.name).sort());
    expect(registered).toContain('specialist-design');
  });

  it.each(registeredFormats().map((f) => [f.name, f] as const))('%s passes Ollama’s grammar rules', (_name, format) => {
    expect(grammarErrors(format.json), `${format.name} (${format.definedIn})`).toEqual([]);
  });

  it('the rules catch what Ollama refuses, and only bounds over 2000 are moved to zod', () => {
    const schema = z.object({
      a: z.string().max(4096),
      b: z.array(z.string()).min(2500),
      c: z.string().max(2000),
      d: z.string().regex(/\d+/),
    });
    const json = withinGrammar(z.toJSONSchema(schema));
    const problems = grammarProblems(json);
    expect(problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual(["Pattern must start with '^' and end with '$'"]);
    expect(grammarErrors({ type: 'string', pattern: '^\\d{1,3}$' })[0]!.message).toMatch(/unknown escape/);
    expect((json as any).properties.c.maxLength).toBe(2000);
    expect((json as any).properties.a.maxLength).toBeUndefined();
    const data = { type: 'object', properties: { maxLength: { type: 'string', maxLength: 9000 } }, default: { maxLength: 9000 } };
    expect(withinGrammar(data)).toEqual({ type: 'object', properties: { maxLength: { type: 'string' } }, default: { maxLength: 9000 } });
    expect(grammarErrors({ type: 'object', properties: { x: { $ref: '#/$defs/missing' } } })[0]!.message).toMatch(/Error resolving ref/);
    expect(grammarErrors({ $defs: { n: { type: 'object', properties: { next: { $ref: '#/$defs/n' } } } }, $ref: '#/$defs/n' })).toEqual([]);
    expect(grammarProblems({ type: 'number', minimum: 0 })).toMatchObject([{ severity: 'ignored' }]);
  });

  it('a format Ollama would refuse is not sent: LLM_SCHEMA_REFUSED names the paths', async () => {
    const { OllamaProvider } = await import('../../src/llm/index.ts');
    const bad = defineFormat('test-unanchored', z.object({ code: z.string().regex(/[A-Z]{3}/) }));
    const llm = new OllamaProvider('http://127.0.0.1:9');
    const e = await llm.structured(bad, { role: 'x', messages: [{ role: 'user', content: 'x' }] }).catch((err: unknown) => err);
    expect(e).toMatchObject({ code: 'LLM_SCHEMA_REFUSED', details: { problems: [{ path: 'properties.code.pattern' }] } });
  });
});
