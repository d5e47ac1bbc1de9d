import type Database from 'better-sqlite3';

export interface LlmCallRow {
  id: string; at: string; role: string; model: string; promptTokens: number | null; completionTokens: number | null; durationMs: number;
  attempts: number; ok: boolean; error: string | null; costUsd: number; project?: string | null; task?: string | null; agent?: string | null;
}

/** Every model call with its tokens, duration and cost (seed 003 tracks tokens and cost per call). */
export class LlmRepo {
  private readonly insert: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(`INSERT INTO llm_calls (id, at, role, model, prompt_tokens, completion_tokens, duration_ms, attempts, ok, error, cost_usd, project, task, agent)
                VALUES (@id, @at, @role, @model, @promptTokens, @completionTokens, @durationMs, @attempts, @ok, @error, @costUsd, @project, @task, @agent)`);
  }

  record(c: LlmCallRow): void {
    this.insert
      .run({ ...c, ok: c.ok ? 1 : 0, project: c.project ?? null, task: c.task ?? null, agent: c.agent ?? null });
  }

  /**
   * Totals, optionally for one project, one task (a job or run id) or the jobs and runs of one owner.
   * Token sums cover the known counts; `callsWithUnknownTokens` says how many calls had a count Ollama
   * did not report.
   */
  totals(filter: { project?: string; task?: string; owner?: string } = {}): {
    calls: number;
    promptTokens: number;
    completionTokens: number;
    costUsd: number;
    callsWithUnknownTokens: number;
  } {
    const where = filter.project ? 'WHERE project = @project' : filter.task ? 'WHERE task = @task'
      : filter.owner ? 'WHERE task IN (SELECT id FROM work WHERE owner = @owner)' : '';
    const r = this.db
      .prepare(`SELECT count(*) AS calls, coalesce(sum(prompt_tokens),0) AS p, coalesce(sum(completion_tokens),0) AS c, coalesce(sum(cost_usd),0) AS cost,
                       count(*) - count(prompt_tokens + completion_tokens) AS unknown FROM llm_calls ${where}`)
      .get(filter) as { calls: number; p: number; c: number; cost: number; unknown: number };
    return { calls: r.calls, promptTokens: r.p, completionTokens: r.c, costUsd: r.cost, callsWithUnknownTokens: r.unknown };
  }
}
