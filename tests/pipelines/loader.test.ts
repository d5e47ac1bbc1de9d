// A malformed pipeline file is reported with its line and column and never half-loaded: the whole
// file is rejected (its valid roles too), the other files load, a project of it is refused with the
// issues, and the service reports it in /readyz and GET /api/v1/pipelines.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PipelineRegistry } from '../../src/coordinator/index.ts';
import { REPO, tempDir } from '../helpers/env.ts';
import { startService, type RunningService } from '../helpers/service.ts';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** A pipeline directory with the repository's files and `files` (relative paths) written over them. */
function dirWith(files: Record<string, string>): string {
  const t = tempDir('af-pipe-load-');
  cleanups.push(t.cleanup);
  const dir = join(t.dir, 'pipelines');
  cpSync(join(REPO, 'pipelines'), dir, { recursive: true });
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), text);
  }
  return dir;
}

const SEQ = (body: string) => `name: two-step
description: two roles in turn
pattern: sequential
steps: [writer, editor]
roles:
  writer:
    name: w-writer
    type: content
    description: Writes the first draft
    systemPrompt: You write a first draft.
    outputFormat: { format: text }
${body}`;
const EDITOR = `  editor:
    name: w-editor
    type: review
    description: Edits the draft
    systemPrompt: You edit.
    outputFormat: { format: text }
`;

const cases: { what: string; files: Record<string, string>; file: string; path: RegExp; line: number; column: number }[] = [
  {
    what: 'YAML that does not parse (a tab in the indentation)',
    files: { 'two-step.yaml': SEQ(EDITOR).replace('    description: Edits the draft', '\tdescription: Edits the draft') },
    file: 'two-step.yaml',
    path: /\(root\)/,
    line: 15,
    column: 1,
  },
  {
    what: 'a key the schema does not know, deep in a role',
    files: { 'two-step.yaml': SEQ(EDITOR.replace('    systemPrompt: You edit.', '    systemPrompt: You edit.\n    temprature: 0.2')) },
    file: 'two-step.yaml',
    path: /roles\.editor\.temprature/,
    line: 17,
    column: 5,
  },
  {
    what: 'a step that names no role',
    files: { 'two-step.yaml': SEQ('') },
    file: 'two-step.yaml',
    path: /steps\.1/,
    line: 4,
    column: 17,
  },
  {
    what: 'a role file that does not validate',
    files: {
      'two-step.yaml': SEQ('  editor: { use: bad-editor }\n'),
      'roles/bad-editor.yaml': 'name: w-editor\ntype: review\ndescription: Edits\nsystemPrompt: You edit.\noutputFormat: { format: txt }\n',
    },
    file: 'roles/bad-editor.yaml',
    path: /outputFormat\.format/,
    line: 5,
    column: 25,
  },
];

describe('a malformed pipeline file', () => {
  for (const c of cases) {
    it(`${c.what}: line and column, the whole file rejected, the others loaded`, () => {
      const reg = new PipelineRegistry(dirWith(c.files));
      expect(reg.get('two-step')).toBeUndefined();
      expect(reg.list().map((p) => p.name)).toEqual(expect.arrayContaining(['company', 'sequential', 'group-chat']));
      const bad = reg.rejectionOf('two-step')!;
      expect(bad.file).toBe('two-step.yaml');
      const issue = bad.issues.find((i) => i.file === c.file && c.path.test(i.path));
      expect(issue, JSON.stringify(bad.issues)).toMatchObject({ line: c.line, column: c.column });
    });
  }

  it('the same file made valid loads whole; made invalid again by a reload, it is gone (not the old version kept)', () => {
    const dir = dirWith({ 'two-step.yaml': SEQ(EDITOR) });
    const reg = new PipelineRegistry(dir);
    expect([...reg.get('two-step')!.roles.keys()]).toEqual(['writer', 'editor']);
    writeFileSync(join(dir, 'two-step.yaml'), SEQ(''));
    const r = reg.reload();
    expect(r.loaded).not.toContain('two-step');
    expect(reg.get('two-step')).toBeUndefined();
    expect(r.rejected.map((x) => x.file)).toEqual(['two-step.yaml']);
  });

  it('is reported by /readyz and GET /api/v1/pipelines with line and column; a project of it is 422 PIPELINE_INVALID', async () => {
    const dir = dirWith({ 'two-step.yaml': SEQ('') });
    const svc: RunningService = await startService({ pipelineDir: dir });
    cleanups.push(() => svc.close());
    const list = await svc.api().GET('/api/v1/pipelines');
    const rejected = list.data!.rejected;
    expect(rejected).toEqual([{ file: 'two-step.yaml', issues: [expect.objectContaining({ path: 'steps.1', line: 4, column: 17 })] }]);
    expect(list.data!.pipelines.map((p) => p.name)).not.toContain('two-step');
    const ready = (await (await svc.call('/readyz', { token: null })).json()) as { checks: { pipelines: unknown }; hints: string[] };
    expect(ready.checks.pipelines).toMatchObject({ ok: false, rejected });
    expect(ready.hints.find((h) => h.startsWith('Pipeline two-step.yaml'))).toMatch(/two-step\.yaml:4:17 steps\.1: /);
    const created = await svc.api().POST('/api/v1/projects', { body: { task: 'x', pipeline: 'two-step' } });
    expect(created.response.status).toBe(422);
    expect(created.error!.error).toMatchObject({ code: 'PIPELINE_INVALID', details: { file: 'two-step.yaml' } });
    const one = await svc.api().GET('/api/v1/pipelines/{name}', { params: { path: { name: 'two-step' } } });
    expect(one.response.status).toBe(422);
  }, 60_000);
});
