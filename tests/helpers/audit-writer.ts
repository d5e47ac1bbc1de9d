// Child process for the crash test: appends audit events as fast as it can and reports each
// acknowledged seq on stdout, until it is killed.
import { AuditTrail } from '../../src/audit/trail.ts';
import { Store } from '../../src/store/index.ts';

const dir = process.argv[2]!;
const store = Store.open(dir, { synchronous: (process.argv[3] as 'full' | 'normal' | undefined) ?? 'full' });
const audit = new AuditTrail(store.audit);
process.stdout.write('ready\n');
let i = 0;
for (;;) {
  const e = await audit.record({ type: 'tool_executed', action: 'crash-test', input: 'x'.repeat(200), output: String(i++) });
  process.stdout.write(`${e.seq}\n`);
}
