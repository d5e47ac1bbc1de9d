import { z } from 'zod';
import { helpText, parse, reportError, UsageError, type Command, type Io } from './command.ts';
import { isolatesEnabled, rerunWithIsolates } from './isolates.ts';

/**
 * A command, by its words, and how to load it. Commands are loaded only when they are called (top-level
 * help loads them all): `factory check` must not pay for the HTTP server, the Docker client or the LLM.
 */
export interface CommandEntry {
  name: string;
  load: () => Promise<Command>;
  /** The command runs the service in this process: it loads isolated-vm, which needs --no-node-snapshot. */
  service?: boolean;
}

/** The CLI's entry points (src/cli/main.ts and src/cli/entries/): `main(argv, io?)` resolves with the exit code. */
export type Main = (argv: string[], io?: Io) => Promise<number>;

async function topHelp(commands: readonly CommandEntry[]): Promise<string> {
  const loaded = await Promise.all(commands.map((c) => c.load()));
  const width = Math.max(...loaded.map((c) => c.name.length));
  return [
    'factory — the agent-factory coordinator and its tools',
    '',
    'Usage: factory <command> [options]      factory <command> --help',
    '',
    'Commands:',
    ...loaded.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
  ].join('\n');
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  env: process.env,
};

function find(commands: readonly CommandEntry[], argv: string[]): CommandEntry | undefined {
  return (
    commands.find((c) => c.name.includes(' ') && c.name.split(' ').every((w, i) => argv[i] === w)) ??
    commands.find((c) => c.name === argv[0])
  );
}

/** Runs the command line with one of `commands` and returns the exit code: 0 ok, 1 failure, 2 usage or configuration error. */
export async function dispatch(commands: readonly CommandEntry[], argv: string[], io: Io = defaultIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.out(await topHelp(commands));
    return argv.length === 0 ? 2 : 0;
  }
  const entry = find(commands, argv);
  if (!entry) {
    const group = commands.filter((c) => c.name.startsWith(`${argv[0]} `));
    const names = group.map((c) => c.name).join(', ');
    if (group.length > 0 && (argv[1] === '--help' || argv[1] === '-h')) {
      io.out(`'${argv[0]}' has subcommands: ${names}. \`factory ${group[0]!.name} --help\` and so on say more.\n`);
      return 0;
    }
    if (group.length > 0) {
      io.err(`error: '${argv.join(' ')}' needs a subcommand: ${names}\n`);
    } else {
      io.err(`error: unknown command '${argv[0]}'\n\n${await topHelp(commands)}`);
    }
    return 2;
  }
  let cmd: Command | undefined;
  const rest = argv.slice(entry.name.split(' ').length);
  // zod compiles a fast path for each object schema at its first use (generated code, which no code cache
  // keeps): a one-shot command that validates a few times pays more for it than it saves. Whether a schema
  // does is fixed when it is made, so before the command's modules are loaded.
  if (!entry.service) z.config({ jitless: true });
  try {
    cmd = await entry.load();
    const args = parse(cmd, rest);
    if (args.values.help) {
      io.out(helpText(cmd));
      return 0;
    }
    if (entry.service && !isolatesEnabled()) return await rerunWithIsolates();
    return await cmd.run(args as Parameters<Command['run']>[0], io);
  } catch (e) {
    if (e instanceof UsageError && cmd) io.err(`${helpText(cmd)}\n`);
    return reportError(e, io);
  }
}
