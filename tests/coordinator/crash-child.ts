// A process that runs the coordinator on a real SQLite file, to be killed with SIGKILL mid-project
// and started again: `create` starts a project and prints its id; `resume` resumes what was left.
// Usage: node --no-node-snapshot --import tsx crash-child.ts DATA_DIR OLLAMA_URL create|resume [CONFIG_JSON]
import { SYSTEM } from '../../src/access/index.ts';
import { openCore } from '../../src/service.ts';
import { testConfig } from '../helpers/env.ts';

const [dataDir, url, mode, configJson] = process.argv.slice(2) as [string, string, 'create' | 'resume', string | undefined];
const who = { id: 'tok_alice', role: 'submitter' as const };
const core = await openCore(
  testConfig(dataDir, { 'ollama.host': url, 'ollama.retries': '0', 'ollama.requestTimeoutMs': '120000', 'coordinator.leaseMs': '60000' }),
);
const coordinator = core.coordinator;
const say = (line: string) => process.stdout.write(`${line}\n`);
if (mode === 'create') {
  await core.factory.agents.create(
    { name: 'analyst', type: 'analysis', description: 'Analyses', systemPrompt: 'You are analyst.', outputFormat: { format: 'text' } },
    SYSTEM,
  );
  const p = await coordinator.create(who, { task: 'a project that survives a crash', config: configJson ? JSON.parse(configJson) : {} });
  say(`id ${p.id}`);
  const done = await coordinator.settled(who, p.id);
  say(`status ${JSON.stringify({ status: done.status })}`);
} else {
  const { resumed } = await coordinator.start();
  say(`resumed ${JSON.stringify(resumed)}`);
  for (const id of resumed) {
    const done = await coordinator.settled(who, id);
    say(`status ${JSON.stringify({ id, status: done.status, error: done.error })}`);
  }
}
await coordinator.close();
await core.close();
process.exit(0);
