#!/usr/bin/env -S node --no-node-snapshot
// The `factory` command. Loads the TypeScript sources through tsx; isolated-vm needs --no-node-snapshot.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
