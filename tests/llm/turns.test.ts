import { describe, expect, it } from 'vitest';
import { classifyReply, callInText } from '../../src/factory/agent-turns.ts';
import { extractCode } from '../../src/factory/index.ts';
import { compact, promptBudget, promptTokens } from '../../src/llm/context.ts';
import type { ChatMessage } from '../../src/llm/index.ts';

const declared = ['sum_numbers', 'csv_aggregator'];
const say = (content: string, extra: Partial<ChatMessage> = {}): ChatMessage => ({ role: 'assistant', content, ...extra });

describe('agent replies', () => {
  it.each([
    ['', 'empty'],
    ['   \n', 'empty'],
    ['<think>only reasoning</think>', 'empty'],
    ['{"name": "sum_numbers", "arguments": {"numbers": [1]}}', 'as-text'],
    ['Sure.\n```json\n{"name":"csv_aggregator","parameters":{}}\n```', 'as-text'],
    ['[{"function": {"name": "sum_numbers", "arguments": "{}"}}]', 'as-text'],
    ['<tool_call>\n{"name": "sum_numbers"}\n</tool_call>', 'as-text'],
    ['[TOOL_CALLS] sum_numbers', 'as-text'],
    ['{"sum_numbers": {"numbers": [1, 2]}}', 'as-text'],
    ['{"name": "calculator", "arguments": {}}', 'undeclared'],
  ])('%j is a problem: %s', (content, reason) => {
    expect(classifyReply(say(content), declared, false)).toMatchObject({ kind: 'problem', reason });
  });

  it('answers, JSON answers and calls are told apart', () => {
    expect(classifyReply(say('The total is 42.'), declared, false)).toEqual({ kind: 'answer', text: 'The total is 42.' });
    expect(classifyReply(say('{"total": 42, "name": "sales"}'), declared, false)).toMatchObject({ kind: 'answer' });
    expect(classifyReply(say('The total is 42.'), declared, true)).toMatchObject({ kind: 'problem', reason: 'no-call' });
    expect(classifyReply(say('', { toolCalls: [{ name: 'sum_numbers', arguments: {} }] }), declared, true)).toEqual({ kind: 'calls' });
    expect(classifyReply(say('', { toolCalls: [{ name: 'rm', arguments: {} }] }), declared, false)).toMatchObject({
      kind: 'problem',
      reason: 'undeclared',
    });
    expect(callInText('see {not json} and {"a": {"b": 1}}', declared)).toBeUndefined();
  });

  it('code is never taken from reasoning written into the answer', () => {
    const reply = '<think>Maybe:\n```python\nimport os\nos.system("x")\n```\n</think>\n```python\nprint(1)\n```';
    expect(extractCode(reply)).toBe('print(1)\n');
  });
});

describe('context', () => {
  it('keeps room for the reply: numPredict, at most half the context', () => {
    expect(promptBudget(8192, 4096)).toBe(4096);
    expect(promptBudget(8192, 1024)).toBe(7168);
    expect(promptBudget(4096, 8192)).toBe(2048);
  });

  it('compacts old tool results first, then whole old turns; keeps system, task and the latest turn', () => {
    const turn = (i: number, size: number): ChatMessage[] => [
      say('', { toolCalls: [{ id: `c${i}`, name: 'sum_numbers', arguments: {} }] }),
      { role: 'tool', toolName: 'sum_numbers', toolCallId: `c${i}`, content: `r${i} ${'x'.repeat(size)}` },
    ];
    const base: ChatMessage[] = [
      { role: 'system', content: 'sys' },
      { role: 'user', content: 'task' },
    ];
    const msgs = [...base, ...turn(1, 4000), ...turn(2, 4000), ...turn(3, 4000)];
    const light = compact(msgs, [], promptTokens(msgs) - 500)!;
    expect(light.messages).toHaveLength(msgs.length);
    expect(light.messages[3]!.content).toMatch(/^\[an earlier tool result of 4003 characters was left out/);
    expect(light.messages[7]!.content).toBe(msgs[7]!.content);
    const tight = compact([...msgs, ...Array.from({ length: 6 }, (_, i) => turn(10 + i, 100)).flat()], [], 250)!;
    expect(tight.messages.slice(0, 2)).toEqual(base);
    expect(tight.messages.at(-1)!.content).toMatch(/^r15 /);
    expect(tight.tokens).toBeLessThanOrEqual(250);
    expect(compact(msgs, [], 50)).toBeUndefined();
  });
});
