// npm run bench [-- NAME…]: runs the benchmarks and prints figures with the machine they ran on.
import { auditBench } from './audit.bench.ts';
import { checkerBench } from './checker.bench.ts';
import { cliBench } from './cli.bench.ts';
import { dashboardBench } from './dashboard.bench.ts';
import { fanoutBench, submissionBench } from './factory.bench.ts';
import { healthzBench } from './healthz.bench.ts';
import { machine } from './lib.ts';
import { orchestratorBench } from './orchestrator.ts';
import { sandboxBench } from './sandbox.bench.ts';

const BENCHES: Record<string, () => Promise<void>> = {
  audit: () => auditBench(Number(process.env.BENCH_AUDIT_EVENTS ?? 100_000)),
  healthz: () => healthzBench(Number(process.env.BENCH_SECONDS ?? 5)),
  checker: () => checkerBench(),
  cli: () => cliBench(),
  sandbox: () => sandboxBench(),
  fanout: () => fanoutBench(),
  submissions: () => submissionBench(),
  dashboard: () => dashboardBench(),
  orchestrator: () => orchestratorBench(),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !(w in BENCHES));
if (unknown.length) {
  process.stderr.write(`unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}\n`);
  process.exit(2);
}
process.stdout.write(
  `agent-factory benchmarks — ${new Date().toISOString()}\nmachine: ${machine()}\ncommand: npm run bench${wanted.length ? ` -- ${wanted.join(' ')}` : ''}\n`,
);
for (const name of wanted.length ? wanted : Object.keys(BENCHES)) await BENCHES[name]!();
