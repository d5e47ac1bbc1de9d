import { describe, expect, it } from 'vitest';
import { explain, fixture, py, sh } from './helpers.ts';

describe('realistic benign tools pass the default policy', () => {
  it('log_analyzer.py (argparse, dataclasses, pandas, matplotlib, pathlib writes under /workspace)', () => {
    const r = py(fixture('log_analyzer.py'));
    expect(r.allowed, explain(r)).toBe(true);
  });

  it('totals.sh (functions, trap with a function, awk/sort/jq pipelines, mktemp)', () => {
    const r = sh(fixture('totals.sh'));
    expect(r.allowed, explain(r)).toBe(true);
  });

  it('report.sh (log report with command substitutions and a here-doc-free block redirect)', () => {
    const r = sh(fixture('report.sh'));
    expect(r.allowed, explain(r)).toBe(true);
  });
});
