/**
 * Scripts the fake Ollama server for pipelines: each model request is recognised by the role header
 * every pipeline prompt starts with (`# Role \`critic\` of the pipeline \`company\``), by the format it
 * carries (a selector's `speaker`, a router's system prompt) and by the ledger it asks for; the
 * role's JSON input is parsed out of the prompt, so answers can depend on it.
 */
import type { RecordedRequest, Reply } from '../helpers/fake-ollama.ts';
import { toReply, type Answer } from '../coordinator/scripted-model.ts';

export type Kind = 'role' | 'selector' | 'ledger' | 'progress' | 'final' | 'router' | 'other';

export interface PAsk {
  kind: Kind;
  /** the role key (for ledgers and the final answer: the orchestrator) */
  role: string | null;
  pipeline: string | null;
  /** how many times this kind+role was asked before (0-based) */
  n: number;
  /** the role's input (parsed from the prompt), if any */
  input: any;
  /** all message text */
  text: string;
  /** the first user message */
  user: string;
  /** the last message (a re-ask or a tool result) */
  last: any;
  /** names of the tools offered */
  tools: string[];
  body: any;
}

export type PScript = (a: PAsk) => Answer | undefined;

const HEADER = /^# Role `([^`]+)` of the pipeline `([^`]+)`(?::\s*([^\n]+))?/m;

export function describePipelineAsk(body: any, counts: Map<string, number>): PAsk {
  const messages: any[] = Array.isArray(body?.messages) ? body.messages : [];
  const text = messages.map((m) => m.content ?? '').join('\n');
  const user = messages.find((m) => m.role === 'user')?.content ?? '';
  const system = messages.find((m) => m.role === 'system')?.content ?? '';
  const h = HEADER.exec(user);
  let kind: Kind = 'other';
  if (system.startsWith('You route a message')) kind = 'router';
  else if (body?.format?.properties?.speaker) kind = 'selector';
  else if (h?.[3]?.startsWith('task ledger')) kind = 'ledger';
  else if (h?.[3]?.startsWith('progress ledger')) kind = 'progress';
  else if (h?.[3]?.startsWith('final answer')) kind = 'final';
  else if (h) kind = 'role';
  const m = /## Your input\n```json\n([\s\S]*?)\n```/.exec(user);
  let input: any = null;
  try {
    input = m ? JSON.parse(m[1]!) : null;
  } catch {
    input = null;
  }
  const role = h?.[1] ?? null;
  const k = `${kind}|${role}`;
  const n = counts.get(k) ?? 0;
  counts.set(k, n + 1);
  const tools = (body?.tools ?? []).map((t: any) => t.function?.name ?? t.name);
  return { kind, role, pipeline: h?.[2] ?? null, n, input, text, user, last: messages.at(-1), tools, body };
}

export function pscript(...layers: PScript[]): (req: RecordedRequest) => Reply {
  const counts = new Map<string, number>();
  return (req) => {
    const ask = describePipelineAsk(req.body, counts);
    for (const layer of layers) {
      const a = layer(ask);
      if (a !== undefined) return toReply(a);
    }
    return { status: 500, error: `pipeline script: nothing scripted for ${ask.kind} ${ask.role ?? ''} (#${ask.n})` };
  };
}

/** The (kind, role) of every chat request, in order. */
export function asked(chats: RecordedRequest[]): string[] {
  const counts = new Map<string, number>();
  return chats.map((c) => {
    const a = describePipelineAsk(c.body, counts);
    return a.kind === 'role' ? (a.role ?? '?') : `${a.kind}${a.role ? `:${a.role}` : ''}`;
  });
}
