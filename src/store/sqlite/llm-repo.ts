import type Database from 'better-sqlite3';
import type { LlmCallRow, LlmRepository, LlmTotals, UsageBucketRow, UsageSeriesQuery } from '../repositories.ts';
import type { Run } from './columns.ts';
import type { GroupCommit } from './group-commit.ts';

/** Every model call with its tokens, duration and cost (seed 003 tracks tokens and cost per call). */
export class LlmRepo implements LlmRepository {
  private readonly insert: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly run: Run,
    /** outside a transaction: records join the store's next batched transaction instead of one each */
    private readonly group?: GroupCommit,
  ) {
    this.insert =
      db.prepare(`INSERT INTO llm_calls (id, at, role, model, prompt_tokens, completion_tokens, duration_ms, attempts, ok, error, cost_usd, project, task, agent)
                VALUES (@id, @at, @role, @model, @promptTokens, @completionTokens, @durationMs, @attempts, @ok, @error, @costUsd, @project, @task, @agent)`);
  }

  /**
   * Outside a transaction the record is a grouped write: it shares the transaction of the writes asked for
   * in the same turn (the project commit that journals the reply, the other calls that ended with it)
   * rather than paying a commit (an fsync with synchronous=FULL) of its own.
   */
  record(c: LlmCallRow): Promise<void> {
    const write = () => {
      this.insert.run({ ...c, ok: c.ok ? 1 : 0, project: c.project ?? null, task: c.task ?? null, agent: c.agent ?? null });
    };
    return this.group ? this.group.enqueue({ write }) : this.run(write);
  }

  /**
   * Totals, optionally for one project, one task (a job or run id) or the jobs and runs of one owner.
   * Token sums cover the known counts; `callsWithUnknownTokens` says how many calls had a count Ollama
   * did not report.
   */
  totals(filter: { project?: string; task?: string; owner?: string } = {}): Promise<LlmTotals> {
    return this.run(() => {
      const where = filter.project
        ? 'WHERE project = @project'
        : filter.task
          ? 'WHERE task = @task'
          : filter.owner
            ? 'WHERE task IN (SELECT id FROM work WHERE owner = @owner)'
            : '';
      const r = this.db
        .prepare(
          `SELECT count(*) AS calls, coalesce(sum(prompt_tokens),0) AS p, coalesce(sum(completion_tokens),0) AS c, coalesce(sum(cost_usd),0) AS cost,
                         count(*) - count(prompt_tokens + completion_tokens) AS unknown FROM llm_calls ${where}`,
        )
        .get(filter) as { calls: number; p: number; c: number; cost: number; unknown: number };
      return { calls: r.calls, promptTokens: r.p, completionTokens: r.c, costUsd: r.cost, callsWithUnknownTokens: r.unknown };
    });
  }

  series(q: UsageSeriesQuery): Promise<UsageBucketRow[]> {
    return this.run(() => {
      const start = q.bucket === 'hour' ? `substr(at, 1, 13) || ':00:00.000Z'` : `substr(at, 1, 10) || 'T00:00:00.000Z'`;
      const where = ['1'];
      if (q.from) where.push('at >= @from');
      if (q.to) where.push('at < @to');
      if (q.owner) where.push('task IN (SELECT id FROM work WHERE owner = @owner)');
      return this.db
        .prepare(
          `SELECT ${start} AS start, model, role, count(*) AS calls, sum(ok = 0) AS errors, coalesce(sum(prompt_tokens), 0) AS promptTokens,
                         coalesce(sum(completion_tokens), 0) AS completionTokens, coalesce(sum(cost_usd), 0) AS costUsd, sum(duration_ms) AS durationMs
                  FROM llm_calls WHERE ${where.join(' AND ')} GROUP BY 1, model, role
                  ${q.after ? 'HAVING (start, model, role) > (@a0, @a1, @a2)' : ''} ORDER BY 1, model, role LIMIT @limit`,
        )
        .all({
          limit: q.limit,
          ...(q.from ? { from: q.from } : {}),
          ...(q.to ? { to: q.to } : {}),
          ...(q.owner ? { owner: q.owner } : {}),
          ...(q.after ? { a0: q.after[0], a1: q.after[1], a2: q.after[2] } : {}),
        }) as UsageBucketRow[];
    });
  }
}
