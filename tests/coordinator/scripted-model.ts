/**
 * Scripts the fake Ollama server (tests/helpers/fake-ollama.ts, through its public API) by role:
 * each model request is recognised by the `format` schema it carries (plan, review, aggregate,
 * specialist, tool design) or by its absence (a worker turn), and by the sub-task and review stage
 * named in its prompt, so parallel branches get the right answer in whatever order they ask.
 */
import type { RecordedRequest, Reply } from '../helpers/fake-ollama.ts';

export type Role = 'plan' | 'review' | 'aggregate' | 'specialist' | 'toolDesign' | 'worker' | 'generator' | 'other';

export interface Ask {
  role: Role;
  /** the sub-task id (worker and review), 'project' for the final review */
  task: string | null;
  /** the review stage name */
  stage: string | null;
  /** how many times this role/task/stage was asked before (0-based) */
  n: number;
  body: any;
  /** all message text */
  text: string;
  /** the last message's text */
  last: string;
}

export type Answer = Reply | Record<string, unknown> | string;
export type Script = (ask: Ask) => Answer | undefined;

function roleOf(body: any): Role {
  const props = body?.format?.properties ? Object.keys(body.format.properties) : null;
  if (!props) {
    const system = String(body?.messages?.[0]?.content ?? '');
    if (system.includes('small, correct, safe command-line tools')) return 'generator';
    return Array.isArray(body?.messages) ? 'worker' : 'other';
  }
  if (props.includes('subTasks')) return 'plan';
  if (props.includes('score')) return 'review';
  if (props.includes('consistent')) return 'aggregate';
  if (props.includes('systemPrompt')) return 'specialist';
  if (props.includes('examples')) return 'toolDesign';
  return 'other';
}

export function describe(body: any, counts: Map<string, number>): Ask {
  const messages: { role: string; content: string }[] = Array.isArray(body?.messages) ? body.messages : [];
  const text = messages.map((m) => m.content ?? '').join('\n');
  const role = roleOf(body);
  const first = messages.find((m) => m.role === 'user')?.content ?? '';
  let task: string | null = null;
  let stage: string | null = null;
  if (role === 'worker') task = /Sub-task `([^`]+)`/.exec(first)?.[1] ?? null;
  if (role === 'generator') task = /# Write the tool `([^`]+)`/.exec(first)?.[1] ?? null;
  if (role === 'review') {
    task = /# Task `([^`]+)`/.exec(first)?.[1] ?? null;
    stage = /You are the `([^`]+)` stage/.exec(text)?.[1] ?? null;
  }
  const k = `${role}|${task}|${stage}`;
  const n = counts.get(k) ?? 0;
  counts.set(k, n + 1);
  return { role, task, stage, n, body, text, last: messages.at(-1)?.content ?? '' };
}

/** The keys of the scripted server's Reply: an answer with any of them is a Reply, anything else a structured value. */
const REPLY_KEYS = [
  'content',
  'toolCalls',
  'thinking',
  'promptEvalCount',
  'evalCount',
  'doneReason',
  'chunks',
  'status',
  'error',
  'delayMs',
  'chunkDelayMs',
  'drop',
  'streamError',
  'noDone',
] satisfies (keyof Reply)[];
const isReply = (a: object): a is Reply => REPLY_KEYS.some((k) => k in a);

export function toReply(a: Answer): Reply {
  if (typeof a === 'string') return { content: a };
  return isReply(a) ? a : { content: JSON.stringify(a) };
}

/** A model that does everything well and says little. */
export const GOOD: Script = (ask) => {
  switch (ask.role) {
    case 'plan':
      return {
        analysis: 'one step',
        subTasks: [
          {
            id: 't1',
            description: 'do the task',
            type: 'analysis',
            requiredSkills: [],
            inputFrom: [],
            priority: 3,
            acceptanceCriteria: ['done'],
            tools: [],
          },
        ],
      };
    case 'worker':
      return `result of ${ask.task}`;
    case 'review':
      return { score: 0.95, accepted: true, issues: [], summary: 'good' };
    case 'aggregate':
      return { consistent: true, conflicts: [], result: 'the merged result', summary: 'all parts merged' };
    case 'specialist':
      return { name: 'helper', description: 'Helps.', systemPrompt: 'You help.', skills: [], constraints: [] };
    default:
      return undefined;
  }
};

/** The smallest valid answer to every schema: one sub-task, empty lists, one-word texts, score 0. */
export const TERSE: Script = (ask) => {
  switch (ask.role) {
    case 'plan':
      return {
        analysis: 'x',
        subTasks: [{ id: 'a', description: 'x', type: 'research', requiredSkills: [], inputFrom: [], priority: 1, acceptanceCriteria: [] }],
      };
    case 'worker':
      return 'x';
    case 'review':
      return { score: 0, accepted: false, issues: [], summary: '' };
    case 'aggregate':
      return { consistent: true, conflicts: [], result: 'x', summary: '' };
    case 'specialist':
      return { name: 'x', description: 'x', systemPrompt: 'x', skills: [], constraints: [] };
    case 'toolDesign':
      return {
        description: 'x',
        language: 'python',
        purpose: 'x',
        inputSpec: [],
        outputFormat: 'text',
        examples: [{ name: 'x', input: {}, stdoutContains: [] }],
      };
    default:
      return undefined;
  }
};

/** Combines scripts: the first that answers wins. */
export function script(...layers: Script[]): (req: RecordedRequest) => Reply {
  const counts = new Map<string, number>();
  return (req) => {
    const ask = describe(req.body, counts);
    for (const layer of layers) {
      const a = layer(ask);
      if (a !== undefined) return toReply(a);
    }
    return { status: 500, error: `scripted-model: nothing scripted for ${ask.role} ${ask.task ?? ''} ${ask.stage ?? ''}` };
  };
}
