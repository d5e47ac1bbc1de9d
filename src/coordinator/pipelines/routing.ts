/**
 * Routing (seed 000 §2 route_query): a message or task goes to the agent whose description is most
 * similar by embeddings when that similarity reaches the threshold; else a model picks among the
 * candidates (the answer must be one of them: the format's enum, re-asked once by the LLM layer);
 * an answer still invalid falls back to the most similar agent. `@name` addresses an agent directly,
 * `@all` every agent of the project.
 */
import { FactoryError } from '../../errors/catalog.ts';
import type { LlmFormat } from '../../llm/index.ts';
import type { StepIO } from '../engine/step-io.ts';
import { cosine, EMBED_ROLE } from '../memory.ts';

export interface Candidate {
  key: string;
  description: string;
}

export interface RouteDecision {
  agent: string;
  by: 'embedding' | 'model' | 'fallback';
  /** cosine similarity of each candidate, best first */
  scores: { agent: string; score: number }[];
  threshold: number;
  reason?: string;
}

const MENTION_RE = /(^|[^\w@.-])@([a-z][a-z0-9_-]{0,31})\b/g;

/** The @names in a text: `all`, the known agents it names, and names that are not agents. */
export function parseMentions(text: string, known: readonly string[]): { mentions: string[] | 'all'; unknown: string[] } {
  const names = [...text.matchAll(MENTION_RE)].map((m) => m[2]!);
  if (names.includes('all')) return { mentions: 'all', unknown: [] };
  const mentions = [...new Set(names.filter((n) => known.includes(n)))];
  const unknown = [...new Set(names.filter((n) => !known.includes(n)))];
  return { mentions, unknown };
}

export async function route(
  io: StepIO,
  text: string,
  candidates: Candidate[],
  r: { threshold: number; format: LlmFormat | undefined },
): Promise<RouteDecision> {
  if (candidates.length === 0) throw new FactoryError('INTERNAL', 'routing needs at least one candidate');
  const res = await io.llm.embed({ role: EMBED_ROLE, input: [text, ...candidates.map((c) => `${c.key}: ${c.description}`)] });
  const [q, ...vs] = res.embeddings;
  const scores = candidates
    .map((c, i) => ({ agent: c.key, score: Math.round(cosine(q!, vs[i]!) * 1e6) / 1e6 }))
    .sort((a, b) => b.score - a.score || (a.agent < b.agent ? -1 : 1));
  const best = scores[0]!;
  if (best.score >= r.threshold || candidates.length === 1 || !r.format) {
    return { agent: best.agent, by: 'embedding', scores, threshold: r.threshold };
  }
  const names = candidates.map((c) => c.key);
  const list = candidates.map((c) => `- \`${c.key}\`: ${c.description}`).join('\n');
  try {
    const pick = await io.llm.structured(r.format, {
      role: 'router',
      messages: [
        {
          role: 'system',
          content: 'You route a message to the one agent best suited to handle it. Answer with the agent’s name as given, and why.',
        },
        { role: 'user', content: `# Message\n${text}\n\n# Agents\n${list}\n\nWhich one agent should take this message?` },
      ],
      options: { temperature: 0 },
    });
    const v = pick.value as { agent: string; reason: string };
    if (names.includes(v.agent)) return { agent: v.agent, by: 'model', scores, threshold: r.threshold, reason: v.reason };
    return { agent: best.agent, by: 'fallback', scores, threshold: r.threshold, reason: `the model named ${v.agent}, not a candidate` };
  } catch (e) {
    if (!(e instanceof FactoryError) || e.code !== 'LLM_OUTPUT_INVALID') throw e;
    return {
      agent: best.agent,
      by: 'fallback',
      scores,
      threshold: r.threshold,
      reason: 'the model named no candidate, also when asked again',
    };
  }
}
