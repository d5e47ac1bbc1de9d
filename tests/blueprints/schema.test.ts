import { describe, expect, it } from 'vitest';
import { FactoryError } from '../../src/errors/catalog.ts';
import {
  AgentBlueprint,
  parseAgentBlueprint,
  parseToolBlueprint,
  ToolBlueprint,
  validateBlueprint,
  validateBlueprintText,
  type BlueprintIssue,
} from '../../src/blueprints/index.ts';

const tool = (over: Record<string, unknown> = {}) => ({
  name: 'csv_sum',
  description: 'Sums a column',
  language: 'python',
  purpose: 'Sum a column of a CSV file',
  inputSpec: [
    { name: 'file', type: 'path', required: true },
    { name: 'column', type: 'string', required: true },
    { name: 'limit', type: 'int', required: false, default: 10 },
  ],
  outputSpec: { format: 'json', schema: { sum: 'float', count: 'int' } },
  examples: [{ name: 'basic', input: { file: '/data/a.csv', column: 'amount' }, expect: { jsonSubset: { count: 3 } } }],
  ...over,
});

const agent = (over: Record<string, unknown> = {}) => ({
  name: 'sql-tuner',
  type: 'specialist',
  description: 'Tunes SQL',
  systemPrompt: 'You are sql-tuner.',
  outputFormat: { format: 'markdown' },
  ...over,
});

function issuesOf(kind: 'agent' | 'tool', value: unknown): BlueprintIssue[] {
  const r = validateBlueprint(kind, value);
  return r.ok ? [] : r.issues;
}
const paths = (issues: BlueprintIssue[]) => issues.map((i) => i.path);

describe('ToolBlueprint', () => {
  it('accepts a valid blueprint and applies the defaults', () => {
    const bp = ToolBlueprint.parse(tool());
    expect(bp.policy).toBe('default');
    expect(bp.constraints).toEqual([]);
    expect(bp.dependencies).toEqual([]);
    expect(bp.inputSpec[0]!.required).toBe(true);
    expect(bp.examples[0]!.expect.status).toBe('ok');
  });

  it('names every schema violation by its dotted path', () => {
    const bad = tool({
      language: 'ruby',
      inputSpec: [{ name: 'file', type: 'file' }],
      outputSpec: { format: 'xml' },
      examples: [],
    });
    const p = paths(issuesOf('tool', bad));
    expect(p).toEqual(expect.arrayContaining(['language', 'inputSpec.0.type', 'outputSpec.format']));
  });

  it('reports unknown keys as errors, with a camelCase hint for snake_case keys', () => {
    const issues = issuesOf('tool', { ...tool(), input_spec: [], colour: 'red', outputSpec: { format: 'json', extra: 1 } });
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'input_spec', message: "unknown key 'input_spec' (did you mean 'inputSpec'?)" },
        { path: 'colour', message: "unknown key 'colour'" },
        { path: 'outputSpec.extra', message: "unknown key 'extra'" },
      ]),
    );
  });

  it('checks example inputs against the inputSpec', () => {
    const issues = issuesOf(
      'tool',
      tool({
        examples: [
          { name: 'unknown-key', input: { file: '/data/a.csv', column: 'x', colum: 'typo' } },
          { name: 'missing-required', input: { file: '/data/a.csv' } },
          { name: 'wrong-type', input: { file: '/data/a.csv', column: 'x', limit: 2.5 } },
          { name: 'default-covers', input: { file: '/data/a.csv', column: 'x' } },
        ],
      }),
    );
    expect(issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      "examples.0.input.colum: 'colum' is not declared in inputSpec (declared: file, column, limit)",
      "examples.1.input.column: required parameter 'column' is missing",
      'examples.2.input.limit: must be an integer (inputSpec type int)',
    ]);
  });

  it('checks defaults against their type and refuses duplicate parameters and examples', () => {
    const p = paths(
      issuesOf(
        'tool',
        tool({
          inputSpec: [
            { name: 'a', type: 'int', required: false, default: 'seven' },
            { name: 'a', type: 'string' },
          ],
          examples: [
            { name: 'x', input: { a: 'v' } },
            { name: 'x', input: { a: 'v' } },
          ],
        }),
      ),
    );
    expect(p).toEqual(expect.arrayContaining(['inputSpec.0.default', 'inputSpec.1.name', 'examples.1.name']));
  });

  it('enforces the name rules', () => {
    for (const name of ['Csv', '1tool', 'a', 'has space', 'x'.repeat(65), '../etc', 'tool.py']) {
      expect(paths(issuesOf('tool', tool({ name })))).toContain('name');
    }
    for (const name of ['ab', 'csv_aggregator', 'web-researcher', `a${'b'.repeat(63)}`]) {
      expect(paths(issuesOf('tool', tool({ name })))).not.toContain('name');
    }
    expect(paths(issuesOf('agent', agent({ name: 'Web Researcher' })))).toContain('name');
  });

  it('needs examples when there is no source, and a non-empty source when there is one', () => {
    expect(issuesOf('tool', tool({ examples: [] }))).toEqual([
      { path: 'examples', message: 'a tool without source is generated and needs at least one example to probe it' },
    ]);
    expect(issuesOf('tool', tool({ examples: [], source: 'print(1)\n' }))).toEqual([]);
    expect(paths(issuesOf('tool', tool({ source: '  \n' })))).toEqual(['source']);
  });

  it('bounds the size of a source', () => {
    expect(paths(issuesOf('tool', tool({ source: '#'.repeat(256 * 1024) })))).toEqual([]);
    expect(paths(issuesOf('tool', tool({ source: '#'.repeat(256 * 1024 + 1) })))).toEqual(['source']);
    expect(paths(issuesOf('tool', tool({ source: 'é'.repeat(128 * 1024 + 1) })))).toEqual(['source']);
    expect(paths(issuesOf('tool', tool({ purpose: 'p'.repeat(16 * 1024 + 1) })))).toEqual(['purpose']);
  });

  it('validates sampleData as a relative folder and refuses it for javascript', () => {
    for (const sampleData of ['../secret', '/etc', 'a/../../b', '.hidden', 'a//b', 'a/']) {
      expect(paths(issuesOf('tool', tool({ sampleData })))).toEqual(['sampleData']);
    }
    expect(issuesOf('tool', tool({ sampleData: 'csv/2025' }))).toEqual([]);
    const js = issuesOf('tool', tool({ language: 'javascript', sampleData: 'csv', source: 'console.log(1)' }));
    expect(js).toEqual([
      { path: 'sampleData', message: 'javascript tools run in an isolate without a file system: sampleData is not available' },
    ]);
  });

  it('accepts UPPER_CASE env names and refuses reserved ones', () => {
    expect(issuesOf('tool', tool({ env: { REPORT_TITLE: 'Errors', TZ: 'UTC' } }))).toEqual([]);
    const issues = issuesOf('tool', tool({ env: { lower: 'x', LD_PRELOAD: '/tmp/x.so', PYTHONPATH: '/data', PATH: '/tmp' } }));
    expect(paths(issues).sort()).toEqual(['env.LD_PRELOAD', 'env.PATH', 'env.PYTHONPATH', 'env.lower']);
    expect(issues.find((i) => i.path === 'env.lower')!.message).toMatch(/^key 'lower' must be an UPPER_CASE name/);
  });

  it('ties json expectations to JSON output and keys to the output schema', () => {
    const issues = issuesOf(
      'tool',
      tool({
        examples: [
          { name: 'keys', input: { file: '/data/a', column: 'c' }, expect: { keys: ['sum', 'total'] } },
          { name: 'both', input: { file: '/data/a', column: 'c' }, expect: { json: {}, jsonSubset: {} } },
        ],
      }),
    );
    expect(issues.map((i) => i.path)).toEqual(['examples.0.expect.keys.1', 'examples.1.expect.jsonSubset']);
    const text = issuesOf(
      'tool',
      tool({
        outputSpec: { format: 'text' },
        examples: [{ name: 'j', input: { file: '/d', column: 'c' }, expect: { json: 1, stdoutContains: ['x'] } }],
      }),
    );
    expect(paths(text)).toEqual(['examples.0.expect.json']);
  });

  it('validates policy names', () => {
    expect(paths(issuesOf('tool', tool({ policy: '../default' })))).toEqual(['policy']);
    expect(issuesOf('tool', tool({ policy: 'data-science' }))).toEqual([]);
  });
});

describe('AgentBlueprint', () => {
  it('accepts the seed fields plus type, model, policy, ttl and turns', () => {
    const bp = AgentBlueprint.parse(
      agent({
        domainKnowledge: [{ category: 'sql', content: 'Indexes speed up lookups', source: 'docs', reliability: 0.9 }],
        skills: [{ name: 'indexing', description: 'Chooses indexes', level: 'expert' }],
        tools: ['csv_aggregator'],
        constraints: ['Never drop tables'],
        model: 'qwen2.5-coder:7b',
        ttlSeconds: 3600,
        maxTurns: 5,
      }),
    );
    expect(bp.policy).toBe('default');
    expect(bp.domainKnowledge[0]!.reliability).toBe(0.9);
  });

  it('names violations by path', () => {
    const p = paths(
      issuesOf(
        'agent',
        agent({
          type: 'wizard',
          domainKnowledge: [{ category: 'x', content: 'y', source: 'z', reliability: 1.5 }],
          skills: [{ name: 's', description: 'd', level: 'guru' }],
          tools: ['Bad Tool'],
          outputFormat: { format: 'pdf' },
          maxTurns: 0,
        }),
      ),
    );
    expect(p).toEqual(
      expect.arrayContaining(['type', 'domainKnowledge.0.reliability', 'skills.0.level', 'tools.0', 'outputFormat.format', 'maxTurns']),
    );
  });

  it('refuses duplicate tools and skills, empty prompts and oversized prompts', () => {
    const p = paths(
      issuesOf(
        'agent',
        agent({
          tools: ['a1', 'a1'],
          skills: [
            { name: 'SQL', description: 'd' },
            { name: 'sql', description: 'd' },
          ],
          description: '   ',
        }),
      ),
    );
    expect(p).toEqual(expect.arrayContaining(['tools.1', 'skills.1.name', 'description']));
    expect(paths(issuesOf('agent', agent({ systemPrompt: 'x'.repeat(32 * 1024 + 1) })))).toEqual(['systemPrompt']);
  });
});

describe('parseAgentBlueprint / parseToolBlueprint', () => {
  it('throw BLUEPRINT_INVALID with every issue', () => {
    let err: unknown;
    try {
      parseToolBlueprint(tool({ language: 'ruby', inputSpec: [{ name: 'file', type: 'file' }] }));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FactoryError);
    const fe = err as FactoryError;
    expect(fe.code).toBe('BLUEPRINT_INVALID');
    expect(fe.status).toBe(422);
    const details = fe.details as { kind: string; name: string; issues: BlueprintIssue[] };
    expect(details.kind).toBe('tool');
    expect(details.name).toBe('csv_sum');
    expect(paths(details.issues)).toEqual(expect.arrayContaining(['language', 'inputSpec.0.type']));
    expect(fe.message).toContain('inputSpec.0.type');
  });

  it('parse YAML and JSON text, with source lines', () => {
    const yaml = [
      'name: sql-tuner',
      'type: specialist',
      'description: Tunes SQL',
      'systemPrompt: You tune SQL.',
      'outputFormat:',
      '  format: pdf',
      'tools: [ok_tool, Bad]',
    ].join('\n');
    const r = validateBlueprintText('agent', yaml);
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.path, i.line])).toEqual([
      ['outputFormat.format', 6],
      ['tools.1', 7],
    ]);
    expect(parseAgentBlueprint(JSON.stringify(agent())).name).toBe('sql-tuner');
    expect(() => parseAgentBlueprint('name: [unclosed')).toThrow(FactoryError);
    expect(() => parseAgentBlueprint('')).toThrow(/empty/);
  });

  it('locate unknown keys at their key and report YAML syntax errors', () => {
    const r = validateBlueprintText(
      'agent',
      'name: sql-tuner\ntype: specialist\ndescription: d\nsystemPrompt: s\noutputFormat: { format: text }\nsystem_prompt: x\n',
    );
    expect(r.issues).toEqual([{ path: 'system_prompt', message: "unknown key 'system_prompt' (did you mean 'systemPrompt'?)", line: 6 }]);
    const dup = validateBlueprintText('agent', 'name: a1\nname: a2\n');
    expect(dup.ok).toBe(false);
    expect(dup.issues[0]!.message).toMatch(/^YAML: /);
  });
});
