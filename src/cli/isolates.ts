/**
 * isolated-vm (the JavaScript sandbox) needs a Node process started with --no-node-snapshot. That flag
 * also costs every start about 0.1 s of CPU (Node's own startup snapshot is not used), so `factory` starts
 * without it and only the commands that load isolated-vm (serve, demo, run of JavaScript) run again
 * with it, as a child process that takes over the terminal.
 */
export function isolatesEnabled(): boolean {
  return process.execArgv.includes('--no-node-snapshot') || /(^|\s)--no-node-snapshot(\s|$)/.test(process.env.NODE_OPTIONS ?? '');
}

const FORWARDED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Runs this same command line again under --no-node-snapshot; resolves with its exit code. */
export async function rerunWithIsolates(): Promise<number> {
  const script = process.argv[1];
  if (!script) return 1;
  const { spawn } = await import('node:child_process'); // loaded only here: most commands never need it
  const argv = ['--no-node-snapshot', ...process.execArgv, script, ...process.argv.slice(2)];
  const child = spawn(process.execPath, argv, { stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const s of FORWARDED) process.on(s, forward);
  return new Promise((resolve) => {
    child.on('error', (e) => {
      process.stderr.write(`error: cannot start ${process.execPath}: ${e.message}\n`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      for (const s of FORWARDED) process.off(s, forward);
      resolve(code ?? 128 + (signal ? (process.getBuiltinModule('node:os').constants.signals[signal] ?? 0) : 0));
    });
  });
}
