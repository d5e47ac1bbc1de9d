// The metrics' labels take bounded values only: unknown models, roles, rules and statuses are "other".
import { describe, expect, it } from 'vitest';
import { Metrics } from '../../src/metrics/index.ts';
import { families, labelValues, samples, total } from './scrape.ts';

const metrics = () =>
  new Metrics({
    models: ['llama3.1:8b', 'qwen3'],
    roles: ['designer', 'generator', 'generator:repair', 'agent'],
    rules: ['py.import.forbidden', 'sh.command.forbidden'],
    auditTypes: ['tool_executed', 'security_block'],
    processMetrics: false,
  });

describe('label values', () => {
  it('names configured models (as Ollama does: a missing tag is latest) and counts the rest as other', async () => {
    const m = metrics();
    const call = { role: 'agent:data-analyst', ok: true, promptTokens: 10, completionTokens: 5, durationMs: 1500 };
    m.llmCall({ ...call, model: 'llama3.1:8b' });
    m.llmCall({ ...call, model: 'QWEN3:latest' });
    m.llmCall({ ...call, model: 'someones-model:7b' });
    m.llmCall({ ...call, model: 'llama3.1:8b', role: 'generator:repair', ok: false, promptTokens: null, completionTokens: null });
    const fs = families(await m.text());
    expect(total(fs, 'factory_llm_calls_total', { model: 'llama3.1:8b', role: 'agent', outcome: 'ok' })).toBe(1);
    expect(total(fs, 'factory_llm_calls_total', { model: 'qwen3:latest' })).toBe(1);
    expect(total(fs, 'factory_llm_calls_total', { model: 'other' })).toBe(1);
    expect(total(fs, 'factory_llm_calls_total', { role: 'generator:repair', outcome: 'error' })).toBe(1);
    expect(total(fs, 'factory_llm_tokens_total', { kind: 'prompt' })).toBe(30);
    expect(total(fs, 'factory_llm_tokens_total', { kind: 'completion' })).toBe(15);
    expect(total(fs, 'factory_llm_call_duration_seconds')).toBe(4);
    expect(labelValues(fs, 'factory_llm')).not.toContain('someones-model:7b');
    expect(labelValues(fs, 'factory_llm')).not.toContain('agent:data-analyst');
  });

  it('counts a role it does not know under its known prefix, else other', async () => {
    const m = metrics();
    const call = { model: 'qwen3', ok: true, promptTokens: 1, completionTokens: 1, durationMs: 1 };
    for (const role of ['designer', 'agent:x', 'strategist', 'strategist:y', '']) m.llmCall({ ...call, role });
    const fs = families(await m.text());
    expect(samples(fs, 'factory_llm_calls_total').map((s) => [s.labels?.role, s.value])).toEqual([
      ['designer', '1'],
      ['agent', '1'],
      ['other', '3'],
    ]);
  });

  it('counts checker blocks by rule from the rule table only, each rule once per check', async () => {
    const m = metrics();
    m.checkDecision({ language: 'python', allowed: false, blockingRules: ['py.import.forbidden', 'py.import.forbidden', 'made.up'] });
    m.checkDecision({ language: 'shell', allowed: true, blockingRules: [] });
    const fs = families(await m.text());
    expect(total(fs, 'factory_checker_decisions_total', { language: 'python', decision: 'blocked' })).toBe(1);
    expect(total(fs, 'factory_checker_decisions_total', { language: 'shell', decision: 'allowed' })).toBe(1);
    expect(total(fs, 'factory_checker_blocks_total', { rule: 'py.import.forbidden' })).toBe(1);
    expect(total(fs, 'factory_checker_blocks_total', { rule: 'other' })).toBe(1);
  });

  it('labels HTTP requests by route pattern, method and status; no route is "unmatched"', async () => {
    const m = metrics();
    m.httpRequest('GET', '/api/v1/tools/:name', 200, 0.01);
    m.httpRequest('BREW', undefined, 404, 0.001);
    const fs = families(await m.text());
    expect(total(fs, 'factory_http_request_duration_seconds', { method: 'GET', route: '/api/v1/tools/:name', status_code: '200' })).toBe(1);
    expect(total(fs, 'factory_http_request_duration_seconds', { method: 'other', route: 'unmatched', status_code: '404' })).toBe(1);
  });

  it('bounds pool profiles, audit types and the coordinator’s project statuses', async () => {
    const m = new Metrics({ models: [], roles: [], rules: [], auditTypes: ['tool_executed'], processMetrics: false, maxPoolProfiles: 2 });
    m.poolSource(() => ['a', 'b', 'c', 'd'].map((key) => ({ key, ready: 1, filling: 0, waiting: 1 })));
    m.auditAppended({ type: 'tool_executed' });
    m.auditAppended({ type: 'something_new' });
    m.setProjects({ executing: 2, 'made-up': 1, failed: 1 });
    m.projectStep('completed');
    m.projectStep('exploded');
    m.setApprovalsWaiting(3);
    const fs = families(await m.text());
    expect(samples(fs, 'factory_sandbox_pool_containers', { state: 'ready' }).map((s) => [s.labels?.profile, s.value])).toEqual([
      ['a', '1'],
      ['b', '1'],
      ['other', '2'],
    ]);
    expect(total(fs, 'factory_sandbox_pool_waiting_runs')).toBe(4);
    expect(total(fs, 'factory_audit_events_total', { type: 'other' })).toBe(1);
    expect(total(fs, 'factory_projects', { status: 'other' })).toBe(1);
    expect(total(fs, 'factory_projects', { status: 'executing' })).toBe(2);
    expect(total(fs, 'factory_project_steps_total', { status: 'other' })).toBe(1);
    expect(total(fs, 'factory_approvals_waiting')).toBe(3);
  });
});
