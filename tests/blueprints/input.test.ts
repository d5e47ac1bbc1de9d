import { describe, expect, it } from 'vitest';
import {
  applyDefaults,
  checkToolInput,
  inputArgs,
  inputContract,
  inputStdin,
  PARAM_TYPES,
  ToolBlueprint,
} from '../../src/blueprints/index.ts';
import { toolSpecOf } from '../../src/factory/index.ts';

const bp = ToolBlueprint.parse({
  name: 'convention',
  description: 'd',
  language: 'python',
  purpose: 'p',
  source: 'print(1)',
  outputSpec: { format: 'json' },
  inputSpec: [
    { name: 'dir', type: 'path' },
    { name: 'column', type: 'string', required: false },
    { name: 'days', type: 'int', required: false, default: 7 },
    { name: 'ratio', type: 'float', required: false },
    { name: 'verbose', type: 'bool', required: false, default: false },
    { name: 'tags', type: 'list', required: false },
    { name: 'options', type: 'dict', required: false },
  ],
});

describe('inputArgs (the argv half of the input convention)', () => {
  it('passes every value in inputSpec order as a string', () => {
    const args = inputArgs(bp, {
      options: { a: 1 },
      tags: ['x', 'y'],
      verbose: true,
      ratio: 0.25,
      days: 30,
      column: 'amount',
      dir: '/data',
    });
    expect(args).toEqual(['/data', 'amount', '30', '0.25', 'true', '["x","y"]', '{"a":1}']);
  });

  it('fills defaults, keeps positions with empty strings, and drops trailing absent values', () => {
    expect(inputArgs(bp, { dir: '/data' })).toEqual(['/data', '', '7', '', 'false']);
    expect(inputArgs(bp, { dir: '/data', ratio: null })).toEqual(['/data', '', '7', '', 'false']);
    expect(inputArgs(bp, { dir: '/data', column: '' })).toEqual(['/data', '', '7', '', 'false']);
    expect(inputArgs({ inputSpec: [] }, {})).toEqual([]);
    expect(inputArgs({ inputSpec: [{ name: 'a', type: 'string', required: false }] }, {})).toEqual([]);
  });

  it('runs the seed csv_aggregator with exactly its two arguments', () => {
    const csv = {
      inputSpec: [
        { name: 'directory', type: 'string' as const, required: true },
        { name: 'column', type: 'string' as const, required: true },
      ],
    };
    expect(inputArgs(csv, { column: 'amount', directory: '/data' })).toEqual(['/data', 'amount']);
  });
});

describe('inputStdin (the stdin half)', () => {
  it('is one line of JSON with the defaults applied, in inputSpec order', () => {
    expect(inputStdin(bp, { column: 'c', dir: '/data' })).toBe('{"dir":"/data","column":"c","days":7,"verbose":false}\n');
    expect(applyDefaults(bp, { dir: '/d', days: 1 })).toEqual({ dir: '/d', days: 1, verbose: false });
  });
});

describe('checkToolInput', () => {
  it('accepts a valid input and reports every problem by key', () => {
    expect(checkToolInput(bp.inputSpec, { dir: '/data', days: 3, tags: [] })).toEqual([]);
    expect(checkToolInput(bp.inputSpec, [])).toEqual([{ path: [], message: 'the input must be a JSON object' }]);
    const issues = checkToolInput(bp.inputSpec, { days: '3', ratio: Infinity, verbose: 'yes', tags: {}, options: [], extra: 1 });
    expect(issues.map((i) => i.path[0])).toEqual(['extra', 'dir', 'days', 'ratio', 'verbose', 'tags', 'options']);
    expect(checkToolInput(bp.inputSpec, { dir: 'a\0b' })[0]!.message).toMatch(/NUL/);
  });
});

describe('inputContract: one inputSpec, the schema the model sees and the validator', () => {
  const contract = inputContract(bp.inputSpec);

  it('the model sees every parameter with its JSON type; the tool call gets exactly this schema', () => {
    expect(contract.jsonSchema).toEqual({
      type: 'object',
      properties: {
        dir: { type: 'string' },
        column: { type: 'string' },
        days: { type: 'integer' },
        ratio: { type: 'number' },
        verbose: { type: 'boolean' },
        tags: { type: 'array' },
        options: { type: 'object' },
      },
      required: ['dir'],
    });
    expect(toolSpecOf(bp).parameters).toEqual(contract.jsonSchema);
  });

  it('what the schema marks required is what the validator misses, and nothing else', () => {
    expect(contract.check({}).map((i) => i.path[0])).toEqual(contract.jsonSchema.required);
  });

  it('for every parameter type, a value of the JSON type the model is shown passes, and one of another type does not', () => {
    const sample: Record<string, unknown> = { string: 'x', integer: 3, number: 1.5, boolean: true, array: [1], object: { a: 1 } };
    for (const type of PARAM_TYPES) {
      const c = inputContract([{ name: 'v', type, required: true }]);
      const shown = c.jsonSchema.properties.v!.type;
      for (const [jsonType, value] of Object.entries(sample)) {
        // an integer is also a number (JSON schema says so too)
        const fits = jsonType === shown || (shown === 'number' && jsonType === 'integer');
        expect(c.check({ v: value }), `${type} shown as ${shown}, given ${jsonType}`).toHaveLength(fits ? 0 : 1);
      }
    }
  });
});
