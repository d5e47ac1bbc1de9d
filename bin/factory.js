#!/usr/bin/env -S node --no-node-snapshot
// The `factory` command. Loads the TypeScript sources through tsx; isolated-vm needs --no-node-snapshot.
import { register } from 'tsx/esm/api';

// `factory … | head` closes the pipe early: stop quietly instead of crashing on EPIPE
for (const s of [process.stdout, process.stderr]) {
  s.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
// The command has answered. Whatever still holds the event loop after this (a request to an engine that
// stopped answering, say) must not keep the process: leave within a second, sooner if nothing is left.
setTimeout(() => process.exit(), 1000).unref();
