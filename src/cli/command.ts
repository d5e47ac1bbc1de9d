import { parseArgs, type ParseArgsConfig } from 'node:util';
import { FactoryError } from '../errors/catalog.ts';

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: Options;
  /** true when positional arguments are accepted */
  positionals?: boolean;
  run(args: { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] }, io: Io): Promise<number>;
}

export class UsageError extends Error {}

/** Options every command that touches the store or config understands. */
export const COMMON_OPTIONS: Options = {
  config: { type: 'string' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

export function parse(cmd: Command, argv: string[]) {
  try {
    return parseArgs({ args: argv, options: cmd.options, allowPositionals: cmd.positionals ?? false, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional.*$/s, ''));
  }
}

export function helpText(cmd: Command): string {
  return `${cmd.summary}\n\nUsage: ${cmd.usage}\n`;
}

/** What a user's configuration got wrong (the configuration, or the policy a command was told to use): exit 2. */
const CONFIGURATION_ERRORS = new Set<string>([
  'CONFIG_INVALID',
  'CONFIG_FILE_UNREADABLE',
  'POLICY_INVALID',
  'POLICY_NOT_FOUND',
  'POLICY_NAME_INVALID',
]);

/** Exit codes: 0 ok, 1 failure, 2 usage or configuration error. */
export function reportError(e: unknown, io: Io): number {
  if (e instanceof UsageError) {
    io.err(`error: ${e.message}\n`);
    return 2;
  }
  if (e instanceof FactoryError) {
    io.err(`error [${e.code}]: ${e.message}\n`);
    if (e.hint) io.err(`hint: ${e.hint}\n`);
    return CONFIGURATION_ERRORS.has(e.code) ? 2 : 1;
  }
  io.err(`error: ${(e as Error).stack ?? String(e)}\n`);
  return 1;
}
