/**
 * The CLI: every command. The one-shot commands are defined with their own entries (src/cli/entries/),
 * which the build makes smaller bundles of; bin/factory.js picks the entry by the command line.
 */
import type { Io } from './command.ts';
import { dispatch, type CommandEntry } from './dispatch.ts';
import { COMMANDS as CHECK } from './entries/check.ts';
import { COMMANDS as ONE_SHOT } from './entries/one-shot.ts';

export type { CommandEntry } from './dispatch.ts';

const [run, ...onData] = ONE_SHOT;

/** Every command, in the order of the help. Later capabilities add theirs here (or to an entry's list). */
export const COMMANDS: CommandEntry[] = [
  { name: 'serve', load: async () => (await import('./commands/serve.ts')).serve, service: true },
  ...CHECK,
  run!,
  { name: 'demo', load: async () => (await import('./commands/demo.ts')).demo, service: true },
  ...(['run', 'list', 'show', 'approve', 'resume', 'cancel'] as const).map((sub, i) => ({
    name: `project ${sub}`,
    load: async () => (await import('./commands/project.ts')).PROJECT_COMMANDS[i]!,
    service: true,
  })),
  ...onData,
];

/** Runs the CLI and returns the exit code: 0 ok, 1 failure, 2 usage or configuration error. */
export function main(argv: string[], io?: Io): Promise<number> {
  return dispatch(COMMANDS, argv, io);
}
