import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FactoryError } from '../../src/errors/catalog.ts';
import { loadBlueprintDir, resolveSampleData } from '../../src/blueprints/index.ts';
import { tempDir } from '../helpers/env.ts';

const AGENT = `name: helper
type: specialist
description: Helps
systemPrompt: You help.
outputFormat:
  format: text
`;

const TOOL = (name: string, extra = '') => `name: ${name}
description: Counts lines
language: shell
purpose: Count the lines of a file
inputSpec:
  - name: file
    type: path
outputSpec:
  format: text
source: |
  wc -l "$1"
${extra}`;

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function layout(files: Record<string, string>): string {
  const t = tempDir('af-bp-');
  cleanup = t.cleanup;
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(t.dir, rel, '..'), { recursive: true });
    writeFileSync(join(t.dir, rel), text);
  }
  return t.dir;
}

describe('loadBlueprintDir', () => {
  it('loads agents and tools from YAML and JSON and ignores other files', async () => {
    const dir = layout({
      'agents/helper.yaml': AGENT,
      'agents/README.md': '# not a blueprint',
      'agents/.hidden.yaml': 'garbage: [',
      'tools/count.json': JSON.stringify({
        name: 'count_json',
        description: 'd',
        language: 'python',
        purpose: 'p',
        outputSpec: { format: 'text' },
        source: 'print(1)',
      }),
      'tools/lines.yml': TOOL('line_count'),
    });
    const r = await loadBlueprintDir(dir);
    expect(r.rejected).toEqual([]);
    expect([...r.agents.keys()]).toEqual(['helper']);
    expect([...r.tools.keys()].sort()).toEqual(['count_json', 'line_count']);
    expect(r.agents.get('helper')!.file).toBe(join(dir, 'agents', 'helper.yaml'));
    expect(r.tools.get('line_count')!.blueprint.policy).toBe('default');
  });

  it('skips a bad file and reports its file, path and line, never failing the rest', async () => {
    const dir = layout({
      'agents/good.yaml': AGENT,
      'agents/bad.yaml': AGENT.replace('type: specialist', 'type: wizard'),
      'tools/broken.yaml': 'name: [unclosed',
      'tools/typed.yaml': TOOL('typed').replace('type: path', 'type: file'),
      'tools/ok.yaml': TOOL('ok_tool'),
    });
    const r = await loadBlueprintDir(dir);
    expect([...r.agents.keys()]).toEqual(['helper']);
    expect([...r.tools.keys()]).toEqual(['ok_tool']);
    const byFile = Object.fromEntries(r.rejected.map((x) => [x.file.slice(dir.length + 1), x]));
    expect(Object.keys(byFile).sort()).toEqual(['agents/bad.yaml', 'tools/broken.yaml', 'tools/typed.yaml']);
    expect(byFile['agents/bad.yaml']!.kind).toBe('agent');
    expect(byFile['agents/bad.yaml']!.issues).toMatchObject([{ path: 'type', line: 2 }]);
    expect(byFile['tools/typed.yaml']!.issues).toMatchObject([{ path: 'inputSpec.0.type', line: 7 }]);
    expect(byFile['tools/broken.yaml']!.issues[0]!.message).toMatch(/^YAML: /);
  });

  it('reports duplicate names with the file that defined them first', async () => {
    const dir = layout({
      'agents/a.yaml': AGENT,
      'agents/b.yaml': AGENT,
      'tools/one.yaml': TOOL('same_name'),
      'tools/two.yaml': TOOL('same_name'),
    });
    const r = await loadBlueprintDir(dir);
    expect(r.agents.get('helper')!.file).toBe(join(dir, 'agents', 'a.yaml'));
    expect(r.tools.get('same_name')!.file).toBe(join(dir, 'tools', 'one.yaml'));
    expect(r.rejected).toEqual([
      {
        file: join(dir, 'agents', 'b.yaml'),
        kind: 'agent',
        issues: [{ path: 'name', line: 1, message: `duplicate agent name 'helper' (already defined in ${join(dir, 'agents', 'a.yaml')})` }],
      },
      {
        file: join(dir, 'tools', 'two.yaml'),
        kind: 'tool',
        issues: [
          { path: 'name', line: 1, message: `duplicate tool name 'same_name' (already defined in ${join(dir, 'tools', 'one.yaml')})` },
        ],
      },
    ]);
  });

  it('resolves sampleData below data/ and rejects a missing folder or one that leads outside', async () => {
    const dir = layout({
      'data/csv/a.csv': 'x\n1\n',
      'outside/secret.txt': 'secret',
      'tools/with_data.yaml': TOOL('with_data', 'sampleData: csv\n'),
      'tools/no_data.yaml': TOOL('no_data', 'sampleData: nothing-here\n'),
      'tools/escape.yaml': TOOL('escape', 'sampleData: link\n'),
    });
    symlinkSync(join(dir, 'outside'), join(dir, 'data', 'link'));
    const r = await loadBlueprintDir(dir);
    expect(r.tools.get('with_data')!.dataDir).toBe(join(dir, 'data', 'csv'));
    expect(r.rejected.map((x) => [x.file.slice(dir.length + 1), x.issues[0]!.path, x.issues[0]!.line])).toEqual([
      ['tools/escape.yaml', 'sampleData', 12],
      ['tools/no_data.yaml', 'sampleData', 12],
    ]);
    expect(r.rejected[0]!.issues[0]!.message).toMatch(/leads outside/);
    await expect(resolveSampleData(dir, 'csv')).resolves.toBe(join(dir, 'data', 'csv'));
    await expect(resolveSampleData(dir, '../outside')).rejects.toBeInstanceOf(FactoryError);
    await expect(resolveSampleData(dir, 'link')).rejects.toMatchObject({ code: 'BLUEPRINT_INVALID' });
  });

  it('treats missing agents/ and tools/ folders as empty', async () => {
    const dir = layout({ 'README.md': 'empty' });
    const r = await loadBlueprintDir(dir);
    expect(r.agents.size + r.tools.size + r.rejected.length).toBe(0);
  });
});
