import { describe, expect, it } from 'vitest';
import { factory } from '../helpers/cli.ts';

describe('factory demo', () => {
  it('runs offline: submits csv_aggregator, runs it on the sample data, streams progress, shows a verified audit trail', () => {
    const r = factory(['demo'], { OLLAMA_HOST: 'http://127.0.0.1:9' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/100% #\d+ tool:csv_aggregator registered/);
    expect(r.stdout).toContain('"sum": 815.75');
    expect(r.stdout).toMatch(/\(skipped\) generating log_error_analyzer needs a model/);
    expect(r.stdout).toMatch(/tool_generated\s+registered \(source\)\s+csv_aggregator/);
    expect(r.stdout).toMatch(/chain: verifies/);
  });
});
