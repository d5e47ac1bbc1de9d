import { useState } from 'preact/hooks';
import { must, type Schemas } from '../api.ts';
import { Loading, Problem, Table } from '../components/ui.tsx';
import { useLoad } from '../hooks.ts';
import { useSession } from '../session.ts';

type Bucket = Schemas['UsageBucket'];
const RANGES = {
  day: { bucket: 'hour', hours: 24, label: 'the last 24 hours, per hour' },
  month: { bucket: 'day', hours: 24 * 30, label: 'the last 30 days, per day' },
} as const;

const fmt = new Intl.NumberFormat();
const usd = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', maximumFractionDigits: 4 });

export function UsagePage() {
  const { api } = useSession();
  const [range, setRange] = useState<keyof typeof RANGES>('month');
  const r = RANGES[range];
  const totals = useLoad(async () => (await must(api.GET('/api/v1/usage'))).llm, [api], ['run:', 'job:']);
  const series = useLoad(
    async () => {
      const from = new Date(Date.now() - r.hours * 3600_000).toISOString();
      const all: Bucket[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 20; page++) {
        const d = await must(
          api.GET('/api/v1/usage/series', { params: { query: { bucket: r.bucket, from, limit: 1000, ...(cursor ? { cursor } : {}) } } }),
        );
        all.push(...d.series);
        if (!d.nextCursor) break;
        cursor = d.nextCursor;
      }
      return all;
    },
    [api, range],
    ['run:', 'job:'],
  );
  const t = totals.data;
  return (
    <section aria-labelledby="h-usage">
      <h1 id="h-usage">Model usage</h1>
      <Problem error={totals.error ?? series.error} />
      {t ? (
        <p>
          In all: {fmt.format(t.calls)} calls, {fmt.format(t.promptTokens)} prompt and {fmt.format(t.completionTokens)} completion tokens,{' '}
          {usd.format(t.costUsd)}.
        </p>
      ) : null}
      <fieldset class="range">
        <legend>Period</legend>
        {Object.entries(RANGES).map(([k, v]) => (
          <label key={k}>
            <input type="radio" name="range" value={k} checked={range === k} onChange={() => setRange(k as keyof typeof RANGES)} />{' '}
            {v.label}
          </label>
        ))}
      </fieldset>
      <Loading loading={series.loading && !series.data} />
      {series.data ? (
        <>
          <Chart buckets={series.data} label={`Tokens over ${r.label}`} />
          <Breakdown buckets={series.data} by="model" />
          <Breakdown buckets={series.data} by="role" />
        </>
      ) : null}
    </section>
  );
}

/** Tokens per bucket as bars (prompt below, completion on top); the tables below carry the same numbers as text. */
function Chart({ buckets, label }: { buckets: Bucket[]; label: string }) {
  const per = new Map<string, { prompt: number; completion: number }>();
  for (const b of buckets) {
    const v = per.get(b.start) ?? { prompt: 0, completion: 0 };
    v.prompt += b.promptTokens;
    v.completion += b.completionTokens;
    per.set(b.start, v);
  }
  const rows = [...per.entries()].sort(([a], [b]) => a.localeCompare(b));
  if (rows.length === 0) return <p>No model calls in this period.</p>;
  const max = Math.max(1, ...rows.map(([, v]) => v.prompt + v.completion));
  const w = 600;
  const h = 160;
  const bw = w / rows.length;
  const total = rows.reduce((n, [, v]) => n + v.prompt + v.completion, 0);
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`${label}: ${fmt.format(total)} tokens in ${rows.length} periods`}>
        {rows.map(([start, v], i) => {
          const ph = (v.prompt / max) * (h - 10);
          const ch = (v.completion / max) * (h - 10);
          return (
            <g key={start}>
              <title>
                {`${new Date(start).toLocaleString()}: ${fmt.format(v.prompt)} prompt, ${fmt.format(v.completion)} completion tokens`}
              </title>
              <rect class="bar-prompt" x={i * bw + 1} y={h - ph} width={Math.max(1, bw - 2)} height={ph} />
              <rect class="bar-completion" x={i * bw + 1} y={h - ph - ch} width={Math.max(1, bw - 2)} height={ch} />
            </g>
          );
        })}
      </svg>
      <figcaption>
        {label}. <span class="key key-prompt">prompt</span> <span class="key key-completion">completion</span>
      </figcaption>
    </figure>
  );
}

function Breakdown({ buckets, by }: { buckets: Bucket[]; by: 'model' | 'role' }) {
  const sums = new Map<string, { calls: number; errors: number; prompt: number; completion: number; cost: number; ms: number }>();
  for (const b of buckets) {
    const s = sums.get(b[by]) ?? { calls: 0, errors: 0, prompt: 0, completion: 0, cost: 0, ms: 0 };
    s.calls += b.calls;
    s.errors += b.errors;
    s.prompt += b.promptTokens;
    s.completion += b.completionTokens;
    s.cost += b.costUsd;
    s.ms += b.durationMs;
    sums.set(b[by], s);
  }
  if (sums.size === 0) return null;
  return (
    <Table label={`Usage by ${by}`}>
      <thead>
        <tr>
          <th scope="col">{by === 'model' ? 'Model' : 'Role'}</th>
          <th scope="col">Calls</th>
          <th scope="col">Failed</th>
          <th scope="col">Prompt tokens</th>
          <th scope="col">Completion tokens</th>
          <th scope="col">Cost</th>
          <th scope="col">Mean time</th>
        </tr>
      </thead>
      <tbody>
        {[...sums.entries()].map(([k, s]) => (
          <tr key={k}>
            <th scope="row">{k}</th>
            <td>{fmt.format(s.calls)}</td>
            <td>{fmt.format(s.errors)}</td>
            <td>{fmt.format(s.prompt)}</td>
            <td>{fmt.format(s.completion)}</td>
            <td>{usd.format(s.cost)}</td>
            <td>{(s.ms / Math.max(1, s.calls) / 1000).toFixed(1)} s</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
