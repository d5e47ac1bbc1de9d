import { auditQuery, auditVerify, tokenCreate, tokenList, tokenRevoke } from './commands/audit.ts';
import { checkCmd } from './commands/check.ts';
import { demo } from './commands/demo.ts';
import { PROJECT_COMMANDS } from './commands/project.ts';
import { runCmd } from './commands/run.ts';
import { serve } from './commands/serve.ts';
import { helpText, parse, reportError, UsageError, type Command, type Io } from './command.ts';

/** Every command, by its words. Later capabilities add theirs here. */
export const COMMANDS: Command[] = [
  serve,
  checkCmd,
  runCmd,
  demo,
  ...PROJECT_COMMANDS,
  auditVerify,
  auditQuery,
  tokenCreate,
  tokenList,
  tokenRevoke,
];

function topHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'factory — the agent-factory coordinator and its tools',
    '',
    'Usage: factory <command> [options]      factory <command> --help',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
  ].join('\n');
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  env: process.env,
};

/** Runs the CLI and returns the exit code: 0 ok, 1 failure, 2 usage or configuration error. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.out(topHelp());
    return argv.length === 0 ? 2 : 0;
  }
  const cmd =
    COMMANDS.find((c) => c.name.split(' ').every((w, i) => argv[i] === w) && c.name.includes(' ')) ??
    COMMANDS.find((c) => c.name === argv[0]);
  if (!cmd) {
    const group = COMMANDS.filter((c) => c.name.startsWith(`${argv[0]} `));
    if (group.length > 0) {
      io.err(`error: '${argv.join(' ')}' needs a subcommand: ${group.map((c) => c.name).join(', ')}\n`);
    } else {
      io.err(`error: unknown command '${argv[0]}'\n\n${topHelp()}`);
    }
    return 2;
  }
  const rest = argv.slice(cmd.name.split(' ').length);
  try {
    const args = parse(cmd, rest);
    if (args.values.help) {
      io.out(helpText(cmd));
      return 0;
    }
    return await cmd.run(args as Parameters<Command['run']>[0], io);
  } catch (e) {
    if (e instanceof UsageError) io.err(`${helpText(cmd)}\n`);
    return reportError(e, io);
  }
}
