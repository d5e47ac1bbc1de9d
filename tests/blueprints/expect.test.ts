import { describe, expect, it } from 'vitest';
import { checkExpectation, Expectation, jsonDiff } from '../../src/blueprints/index.ts';

const ok = (stdout: string) => ({ status: 'ok', stdout });
const E = (e: unknown) => Expectation.parse(e);

describe('checkExpectation', () => {
  it('passes an exact JSON match and defaults to status ok', () => {
    expect(checkExpectation(E({ json: { a: 1, b: [1, 2] } }), ok('{"b":[1,2],"a":1}\n'))).toEqual([]);
    expect(checkExpectation(E({}), { status: 'failed', stdout: '' })).toMatchObject([
      { check: 'status', expected: 'ok', actual: 'failed' },
    ]);
    expect(checkExpectation(E({ status: 'failed' }), { status: 'failed', stdout: '' })).toEqual([]);
    expect(checkExpectation(E({ status: 'failed' }), { status: 'timeout', stdout: '' })).toHaveLength(1);
  });

  it('names the path, the expected and the actual value of a difference', () => {
    const f = checkExpectation(E({ json: { sum: 10, files: ['a'], extra: null } }), ok('{"sum": 11, "files": ["a", "b"], "more": 1}'));
    expect(f).toEqual([
      { check: 'json', path: 'sum', message: 'expected 10, got 11', expected: 10, actual: 11 },
      { check: 'json', path: 'files', message: 'expected 1 elements, got 2', expected: ['a'], actual: ['a', 'b'] },
      { check: 'json', path: 'extra', message: "missing key 'extra'", expected: null, actual: undefined },
      { check: 'json', path: 'more', message: "unexpected key 'more'", expected: undefined, actual: 1 },
    ]);
  });

  it('matches subsets: extra keys allowed, list elements in any order', () => {
    const out = ok(
      JSON.stringify({
        total: 3,
        by: { a: 1, b: 2 },
        files: ['x.csv', 'y.csv', 'z.csv'],
        top: [
          { m: 'b', n: 2, extra: true },
          { m: 'a', n: 1 },
        ],
      }),
    );
    expect(
      checkExpectation(
        E({
          jsonSubset: {
            total: 3,
            by: { b: 2 },
            files: ['z.csv', 'x.csv'],
            top: [
              { m: 'a', n: 1 },
              { m: 'b', n: 2 },
            ],
          },
        }),
        out,
      ),
    ).toEqual([]);
    const f = checkExpectation(E({ jsonSubset: { by: { c: 1 }, files: ['x.csv', 'x.csv'] } }), out);
    expect(f.map((x) => x.path)).toEqual(['by.c', 'files.1']);
  });

  it('compares numbers with a small relative tolerance, never across types', () => {
    expect(jsonDiff(0.1 + 0.2, 0.3, false)).toEqual([]);
    expect(jsonDiff(101.96875, 101.96875000001, false)).toEqual([]);
    expect(jsonDiff(101.96875, 101.9688, false)).toHaveLength(1);
    expect(jsonDiff(1, '1', false)).toHaveLength(1);
    expect(jsonDiff(null, {}, true)).toHaveLength(1);
  });

  it('checks keys and stdout text, and reports output that is not JSON', () => {
    expect(checkExpectation(E({ keys: ['a', 'b'], stdoutContains: ['"a"'] }), ok('{"a":1}'))).toMatchObject([{ check: 'keys', path: 'b' }]);
    expect(checkExpectation(E({ stdoutContains: ['hello'] }), ok('hi'))).toMatchObject([{ check: 'stdoutContains' }]);
    expect(checkExpectation(E({ jsonSubset: {} }), ok('not json'))).toMatchObject([{ check: 'jsonSubset', path: '(root)' }]);
    expect(checkExpectation(E({ json: { a: 1 } }), { status: 'ok', stdout: 'ignored', json: { a: 1 } })).toEqual([]);
  });
});
