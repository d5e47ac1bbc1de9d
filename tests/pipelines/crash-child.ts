// A process that runs a pipeline project on a real SQLite file, to be killed with SIGKILL mid-project
// and started again: `create PIPELINE` starts a project and prints its id; `resume` resumes it.
// Usage: node --no-node-snapshot --import tsx crash-child.ts DATA_DIR OLLAMA_URL create|resume [PIPELINE]
import { createCoordinator } from '../../src/coordinator/index.ts';
import { openCore } from '../../src/service.ts';
import { testConfig } from '../helpers/env.ts';

const [dataDir, url, mode, pipeline] = process.argv.slice(2) as [string, string, 'create' | 'resume', string | undefined];
const who = { id: 'tok_alice', role: 'submitter' as const };
const core = await openCore(
  testConfig(dataDir, { 'ollama.host': url, 'ollama.retries': '0', 'ollama.requestTimeoutMs': '120000', 'coordinator.leaseMs': '60000' }),
);
const coordinator = createCoordinator(core);
const say = (line: string) => process.stdout.write(`${line}\n`);
if (mode === 'create') {
  const p = await coordinator.create(who, { task: 'a pipeline that survives a crash', pipeline: pipeline ?? 'sequential' });
  say(`id ${p.id}`);
  const done = await coordinator.settled(who, p.id);
  say(`status ${JSON.stringify({ status: done.status })}`);
} else {
  const { resumed } = await coordinator.start();
  say(`resumed ${JSON.stringify(resumed)}`);
  for (const id of resumed) {
    const done = await coordinator.settled(who, id);
    say(`status ${JSON.stringify({ id, status: done.status, error: done.error, result: done.result })}`);
  }
}
await coordinator.close();
await core.close();
process.exit(0);
