/**
 * The entry of the one-shot commands on the data directory and the engine (`run`, `audit`, `token`),
 * built into a bundle of their own (dist/one-shot.cjs, see bin/dist.js): no HTTP server, coordinator or
 * LLM client in it.
 */
import type { Io } from '../command.ts';
import { dispatch, type CommandEntry } from '../dispatch.ts';

export const COMMANDS: CommandEntry[] = [
  { name: 'run', load: async () => (await import('../commands/run.ts')).runCmd },
  { name: 'audit verify', load: async () => (await import('../commands/audit.ts')).auditVerify },
  { name: 'audit query', load: async () => (await import('../commands/audit.ts')).auditQuery },
  { name: 'token create', load: async () => (await import('../commands/audit.ts')).tokenCreate },
  { name: 'token list', load: async () => (await import('../commands/audit.ts')).tokenList },
  { name: 'token revoke', load: async () => (await import('../commands/audit.ts')).tokenRevoke },
];

export function main(argv: string[], io?: Io): Promise<number> {
  return dispatch(COMMANDS, argv, io);
}
