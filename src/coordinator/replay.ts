/**
 * Deterministic replay: the workflow runs again over a project's journal with no model, no tools and
 * no agent pool at all (each of them fails if asked), and nothing is written. Every step must come
 * back from the journal; the result must equal the recorded one.
 */
import { FactoryError } from '../errors/catalog.ts';
import type { LlmProvider } from '../llm/index.ts';
import { WorkflowContext } from './engine/context.ts';
import { errorValue, Suspended } from './engine/errors.ts';
import { RunState, type EngineDeps } from './engine/run.ts';
import { canonicalJson, verifyJournal } from './journal.ts';
import type { ErrorValue, JournalEntry, ProjectRecord } from './model.ts';
import type { AgentPool, ToolPool } from './ports.ts';
import type { ReplayResult } from './schemas.ts';
import type { Workflow } from './workflows/types.ts';

export type { ReplayResult } from './schemas.ts';

const refuse = (what: string) => (): never => {
  throw new FactoryError('REPLAY_DIVERGED', `Replay asked for ${what}, which a replay never does (a step is missing from the journal)`, {
    what,
  });
};

const NO_MODEL: LlmProvider = {
  chat: refuse('a model call'),
  structured: refuse('a model call'),
  status: refuse('the model status'),
  modelFor: (role, override) => override ?? role,
};
const NO_AGENTS: AgentPool = {
  list: refuse('the agent pool'),
  get: refuse('an agent'),
  create: refuse('a new agent'),
  destroy: refuse('an agent destruction'),
  policies: () => [],
};
const NO_TOOLS: ToolPool = {
  list: refuse('the tool list'),
  get: refuse('a tool'),
  execute: refuse('a tool run'),
  generate: refuse('a tool generation'),
  destroy: refuse('a tool destruction'),
};

export async function replayProject(deps: EngineDeps, p: ProjectRecord, rows: JournalEntry[], workflow: Workflow): Promise<ReplayResult> {
  const verdict = verifyJournal(rows, { length: p.journalLength, head: p.journalHead });
  if (!verdict.ok) {
    throw new FactoryError(
      'JOURNAL_BROKEN',
      `The journal of project ${p.id} does not verify at row ${verdict.brokenAt} (${verdict.key}): ${verdict.reason}`,
      verdict,
    );
  }
  const run = new RunState({ ...deps, llm: NO_MODEL, agents: NO_AGENTS, tools: NO_TOOLS }, structuredClone(p), rows, undefined);
  const visited = new Set<string>();
  const ctx = new WorkflowContext(run, (key) => visited.add(key));
  const t0 = performance.now();
  let result: unknown;
  let error: ErrorValue | null = null;
  let stoppedAt: string | null = null;
  try {
    result = (await workflow(ctx)).result;
  } catch (e) {
    if (e instanceof Suspended) stoppedAt = `gate:${e.gate}`;
    else {
      error = errorValue(run.signal.aborted ? run.signal.reason : e);
      stoppedAt = error.code;
    }
  }
  const durationMs = performance.now() - t0;
  const journaled = rows.filter((r) => r.kind === 'step' && r.key !== 'close');
  const unvisited = journaled.filter((r) => !visited.has(r.key)).map((r) => r.key);
  const resultMatches = p.status === 'completed' ? error === null && canonicalJson(result) === canonicalJson(p.result) : null;
  // a finished project must come out the same; an unfinished one must at least reproduce every recorded step
  const ok = unvisited.length === 0 && (p.status === 'completed' ? error === null && stoppedAt === null && resultMatches === true : true);
  return {
    project: p.id,
    ok,
    steps: visited.size,
    calls: rows.filter((r) => r.kind === 'llm' || r.kind === 'tool').length,
    unvisited,
    resultMatches,
    stoppedAt,
    error,
    durationMs,
    stepsPerSecond: durationMs > 0 ? (visited.size / durationMs) * 1000 : visited.size,
  };
}
