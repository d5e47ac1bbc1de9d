/**
 * The blueprints shipped in blueprints/: all valid, the seven static agents of seed 004 §2.4.1, every
 * tool with source clean under its policy, and every example consistent with the sample data (run on
 * this host where the interpreter is available: bash, python3 (+ pandas for csv_aggregator; set
 * FACTORY_TEST_PYTHON to an interpreter that has it), and the isolate runtime for JavaScript).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/checker/index.ts';
import {
  checkExpectation,
  inputArgs,
  inputStdin,
  loadBlueprintDir,
  toolPolicyIssues,
  type BlueprintDirLoad,
  type ToolBlueprint,
} from '../../src/blueprints/index.ts';
import { loadPolicyDir, type Policy } from '../../src/policy/index.ts';
import { IsolateRuntime } from '../../src/sandbox/isolate/runtime.ts';
import { REPO } from '../helpers/env.ts';

let shipped: BlueprintDirLoad;
let policies: Map<string, Policy>;
beforeAll(async () => {
  shipped = await loadBlueprintDir(join(REPO, 'blueprints'));
  policies = new Map([...(await loadPolicyDir(join(REPO, 'policies'))).policies].map(([k, v]) => [k, v.policy]));
});

const tool = (name: string): ToolBlueprint => {
  const t = shipped.tools.get(name);
  if (!t) throw new Error(`no shipped tool ${name}`);
  return t.blueprint;
};

describe('shipped blueprints', () => {
  it('all validate (nothing rejected)', () => {
    expect(shipped.rejected).toEqual([]);
    expect([...shipped.tools.keys()].sort()).toEqual(['csv_aggregator', 'json_stats', 'log_error_analyzer', 'word_frequency']);
  });

  it('are the seven static agents of seed 004 §2.4.1 with their tools', () => {
    const seed: Record<string, [string, string[]]> = {
      'web-researcher': ['research', ['web_search', 'fetch_webpage']],
      'code-writer': ['development', ['file_read', 'file_write', 'execute']],
      'data-analyst': ['analysis', ['python_execute', 'visualize']],
      'document-writer': ['content', ['file_write', 'format']],
      'test-creator': ['review', ['file_read', 'file_write']],
      'security-auditor': ['security', ['scan', 'analyze']],
      'quality-reviewer': ['review', ['file_read', 'analyze']],
    };
    expect([...shipped.agents.keys()].sort()).toEqual(Object.keys(seed).sort());
    for (const [name, [type, tools]] of Object.entries(seed)) {
      const bp = shipped.agents.get(name)!.blueprint;
      expect(bp.type, name).toBe(type);
      expect(bp.tools, name).toEqual(expect.arrayContaining(tools));
      expect(bp.skills.length, name).toBeGreaterThanOrEqual(3);
      expect(bp.constraints.length, name).toBeGreaterThanOrEqual(3);
      expect(bp.systemPrompt.length, name).toBeGreaterThan(400);
    }
  });

  it('name policies that exist', () => {
    for (const { blueprint } of [...shipped.agents.values(), ...shipped.tools.values()]) {
      expect(policies.has(blueprint.policy), `${blueprint.name}: ${blueprint.policy}`).toBe(true);
    }
  });

  it('meet their policy (dependencies, example paths)', () => {
    for (const { blueprint } of shipped.tools.values()) {
      expect(toolPolicyIssues(blueprint, policies.get(blueprint.policy)!), blueprint.name).toEqual([]);
    }
  });

  it('every tool with source passes the static checker under its policy', () => {
    const withSource = [...shipped.tools.values()].filter((t) => t.blueprint.source !== undefined);
    expect(withSource.map((t) => t.blueprint.language).sort()).toEqual(['javascript', 'python', 'shell']);
    for (const { blueprint } of withSource) {
      const result = check(blueprint.source!, blueprint.language, policies.get(blueprint.policy)!);
      expect(result.findings, blueprint.name).toEqual([]);
      expect(result.allowed, blueprint.name).toBe(true);
    }
  });

  it('csv_aggregator carries the seed 004 §2.3.2 code verbatim', () => {
    const src = tool('csv_aggregator').source!;
    expect(createHash('sha256').update(src).digest('hex')).toBe('dea10b1e8b316099bc4bf91296933ebc1991dce183fd5d31d10bdadc24315c81');
    expect(src).toContain('Generated Tool: csv_aggregator');
    expect(src).toContain('print(json.dumps({"error": "Usage: csv_aggregator <directory> <column>"}))');
  });

  it('tools with sample data have it on disk, log_error_analyzer is left to generation', () => {
    for (const [name, t] of shipped.tools) {
      if (t.blueprint.sampleData !== undefined) expect(t.dataDir, name).toBe(join(REPO, 'blueprints', 'data', t.blueprint.sampleData));
    }
    expect(tool('log_error_analyzer').source).toBeUndefined();
    expect(tool('log_error_analyzer').examples.length).toBeGreaterThanOrEqual(2);
  });
});

/** Example inputs address sample data at /data: on the host that is the tool's data folder. */
function hostInput(input: Record<string, unknown>, dataDir: string): Record<string, unknown> {
  const map = (v: unknown) => (typeof v === 'string' && (v === '/data' || v.startsWith('/data/')) ? dataDir + v.slice('/data'.length) : v);
  return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, map(v)]));
}

function has(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
}

const work = mkdtempSync(join(tmpdir(), 'af-shipped-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Run every example of a tool with a host interpreter and check its expectations. */
function runExamples(bp: ToolBlueprint, interpreter: string, source: string): void {
  const script = join(work, `${bp.name}.script`);
  writeFileSync(script, source);
  const dataDir = join(REPO, 'blueprints', 'data', bp.sampleData ?? '');
  for (const ex of bp.examples) {
    const input = hostInput(ex.input, dataDir);
    const r = spawnSync(interpreter, [script, ...inputArgs(bp, input)], {
      input: inputStdin(bp, input),
      encoding: 'utf8',
      timeout: 30_000,
    });
    const outcome = { status: r.status === 0 ? 'ok' : 'failed', stdout: r.stdout ?? '' };
    expect(checkExpectation(ex.expect, outcome), `${bp.name}/${ex.name}: ${r.stderr}`).toEqual([]);
  }
}

const PY = process.env.FACTORY_TEST_PYTHON ?? 'python3';
const hasPython = has(PY, ['-c', 'import json']);
const hasPandas = hasPython && has(PY, ['-c', 'import pandas']);
const hasBash = has('bash', ['-c', 'true']);

describe('shipped examples agree with the sample data', () => {
  it.skipIf(!hasBash)('word_frequency (bash on this host)', () => {
    runExamples(tool('word_frequency'), 'bash', tool('word_frequency').source!);
  });

  it.skipIf(!hasPandas)(`csv_aggregator (${PY} with pandas; skipped when pandas is missing)`, () => {
    runExamples(tool('csv_aggregator'), PY, tool('csv_aggregator').source!);
  });

  it.skipIf(!hasPython)('log_error_analyzer (a reference implementation, python3 on this host)', () => {
    const reference = readFileSync(join(import.meta.dirname, 'fixtures', 'log_error_analyzer.py'), 'utf8');
    expect(check(reference, 'python', policies.get('default')!).findings).toEqual([]);
    runExamples(tool('log_error_analyzer'), PY, reference);
  });

  it('json_stats (the isolate runtime)', async () => {
    const rt = new IsolateRuntime(0);
    try {
      const bp = tool('json_stats');
      const limits = {
        timeoutMs: 2000,
        memoryMb: 32,
        cpus: 1,
        maxProcesses: 8,
        maxOpenFiles: 64,
        maxFileSizeMb: 1,
        maxOutputBytes: 65536,
        tmpfsMb: 1,
      };
      for (const ex of bp.examples) {
        const r = await rt.run({
          language: 'javascript',
          source: bp.source!,
          stdin: inputStdin(bp, ex.input),
          args: inputArgs(bp, ex.input),
          limits,
          outputJson: true,
        });
        expect(checkExpectation(ex.expect, r), `${ex.name}: ${r.stderr}`).toEqual([]);
      }
    } finally {
      await rt.close();
    }
  });
});
