/**
 * Realistic tools stay allowed when they are 1,000 lines long (nothing in the checker gives up on size).
 * How long that takes is measured by `npm run bench -- checker`, not here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { fixture, ROOT, run } from './helpers.ts';

const jsTool = (parseYaml(readFileSync(path.join(ROOT, 'blueprints/tools/json_stats.yaml'), 'utf8')) as { source: string }).source;

function thousandLines(text: string): string {
  const lines: string[] = [];
  const src = text.split('\n');
  while (lines.length < 1000) lines.push(...src);
  return `${lines.slice(0, 1000).join('\n')}\n`;
}

describe('1,000-line files', () => {
  it.each([
    ['python', fixture('csv_aggregator.py')],
    ['shell', fixture('report.sh')],
    ['javascript', jsTool],
  ] as const)('%s: a realistic tool repeated to 1,000 lines is allowed', (language, text) => {
    const r = run(thousandLines(text), language);
    expect(r.findings.filter((f) => f.severity === 'critical' || f.severity === 'major')).toEqual([]);
    expect(r.allowed).toBe(true);
  });
});
