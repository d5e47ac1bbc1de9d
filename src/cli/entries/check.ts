/**
 * The entry of `factory check`, built into a bundle of its own (dist/check.cjs, see bin/dist.js): only
 * what a check loads, so that a start reads and deserializes no more than that.
 */
import type { Io } from '../command.ts';
import { dispatch, type CommandEntry } from '../dispatch.ts';

export const COMMANDS: CommandEntry[] = [{ name: 'check', load: async () => (await import('../commands/check.ts')).checkCmd }];

export function main(argv: string[], io?: Io): Promise<number> {
  return dispatch(COMMANDS, argv, io);
}
