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

/** Every command. Later capabilities add theirs here. */
export const COMMANDS: CommandEntry[] = [
  { name: 'serve', load: async () => (await import('./commands/serve.ts')).serve, service: true },
  { name: 'check', load: async () => (await import('./commands/check.ts')).checkCmd },
  { name: 'run', load: async () => (await import('./commands/run.ts')).runCmd },
  { name: 'demo', load: async () => (await import('./commands/demo.ts')).demo, service: true },
  ...(['run', 'list', 'show', 'approve', 'resume', 'cancel'] as const).map((sub, i) => ({
    name: `project ${sub}`,
    load: async () => (await import('./commands/project.ts')).PROJECT_COMMANDS[i]!,
    service: true,
  })),
  { name: 'audit verify', load: async () => (await import('./commands/audit.ts')).auditVerify },
  { name: 'audit query', load: async () => (await import('./commands/audit.ts')).auditQuery },
  { name: 'token create', load: async () => (await import('./commands/audit.ts')).tokenCreate },
  { name: 'token list', load: async () => (await import('./commands/audit.ts')).tokenList },
  { name: 'token revoke', load: async () => (await import('./commands/audit.ts')).tokenRevoke },
];

async function topHelp(): Promise<string> {
  const commands = await Promise.all(COMMANDS.map((c) => c.load()));
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'factory — the agent-factory coordinator and its tools',
    '',
    'Usage: factory <command> [options]      factory <command> --help',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
  ].join('\n');
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  env: process.env,
};

function find(argv: string[]): CommandEntry | undefined {
  return (
    COMMANDS.find((c) => c.name.includes(' ') && c.name.split(' ').every((w, i) => argv[i] === w)) ??
    COMMANDS.find((c) => c.name === argv[0])
  );
}

/** Runs the CLI and returns the exit code: 0 ok, 1 failure, 2 usage or configuration error. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.out(await topHelp());
    return argv.length === 0 ? 2 : 0;
  }
  const entry = find(argv);
  if (!entry) {
    const group = COMMANDS.filter((c) => c.name.startsWith(`${argv[0]} `));
    if (group.length > 0) {
      io.err(`error: '${argv.join(' ')}' needs a subcommand: ${group.map((c) => c.name).join(', ')}\n`);
    } else {
      io.err(`error: unknown command '${argv[0]}'\n\n${await topHelp()}`);
    }
    return 2;
  }
  let cmd: Command | undefined;
  const rest = argv.slice(entry.name.split(' ').length);
  try {
    cmd = await entry.load();
    const args = parse(cmd, rest);
    if (args.values.help) {
      io.out(helpText(cmd));
      return 0;
    }
    if (entry.service && !isolatesEnabled()) return await rerunWithIsolates();
    // zod compiles a fast path for each object schema at its first use (generated code, which no code
    // cache keeps): a one-shot command that validates a few times pays more for it than it saves
    if (!entry.service) z.config({ jitless: true });
    return await cmd.run(args as Parameters<Command['run']>[0], io);
  } catch (e) {
    if (e instanceof UsageError && cmd) io.err(`${helpText(cmd)}\n`);
    return reportError(e, io);
  }
}
