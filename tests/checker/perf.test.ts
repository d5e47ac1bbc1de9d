/**
 * Timing of 1,000-line files: the figures are printed, not asserted (shared, noisy machines; speed
 * belongs in `npm run bench`). What is asserted is that the realistic tools stay allowed at that size.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Language } from '../../src/checker/index.ts';
import { fixture, ROOT, run } from './helpers.ts';

const jsTool = (parseYaml(readFileSync(path.join(ROOT, 'blueprints/tools/json_stats.yaml'), 'utf8')) as { source: string }).source;

function thousandLines(text: string): string {
  const lines: string[] = [];
  const src = text.split('\n');
  while (lines.length < 1000) lines.push(...src);
  return `${lines.slice(0, 1000).join('\n')}\n`;
}

function measure(source: string, language: Language): { median: number; p95: number; allowed: boolean } {
  let allowed = false;
  const times: number[] = [];
  for (let i = 0; i < 25; i++) {
    const t0 = performance.now();
    allowed = run(source, language).allowed;
    times.push(performance.now() - t0);
  }
  const warm = times.slice(5).sort((a, b) => a - b);
  return { median: warm[Math.floor(warm.length / 2)]!, p95: warm[Math.floor(warm.length * 0.95)]!, allowed };
}

describe('check time for 1,000-line files', () => {
  it.each([
    ['python', fixture('csv_aggregator.py')],
    ['shell', fixture('report.sh')],
    ['javascript', jsTool],
  ] as const)('%s', (language, text) => {
    const m = measure(thousandLines(text), language);
    console.log(`${language} 1,000 lines: median ${m.median.toFixed(1)} ms, p95 ${m.p95.toFixed(1)} ms`);
    expect(m.allowed).toBe(true);
  });
});
