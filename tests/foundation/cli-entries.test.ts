// The CLI's entries (bin/dist.js BUNDLES): bin/factory.js picks one by the command line's first word, so
// an entry must have every command of its words, and the whole CLI every command of every entry.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CommandEntry } from '../../src/cli/dispatch.ts';
import { COMMANDS } from '../../src/cli/main.ts';
import { REPO } from '../helpers/env.ts';

interface Bundle {
  name: string;
  entry: string;
  words: string[];
}
const { BUNDLES, bundleFor } = createRequire(import.meta.url)('../../bin/dist.js') as {
  BUNDLES: Bundle[];
  bundleFor: (argv: string[]) => Bundle;
};

describe('the CLI entries', () => {
  it('each small entry has exactly the commands of its words, as the whole CLI defines them', async () => {
    const small = BUNDLES.filter((b) => b.words.length > 0);
    expect(small.map((b) => b.name)).toEqual(['check', 'one-shot']);
    for (const b of small) {
      const { COMMANDS: own } = (await import(pathToFileURL(join(REPO, b.entry)).href)) as { COMMANDS: CommandEntry[] };
      const expected = COMMANDS.filter((c) => b.words.includes(c.name.split(' ')[0]!));
      expect(own.map((c) => c.name)).toEqual(expected.map((c) => c.name));
      for (const c of own) {
        expect(COMMANDS).toContain(c); // the same entry, not a copy that could drift
        expect(c.service, `${c.name} must not need the service`).toBeUndefined();
      }
    }
    const last = BUNDLES.at(-1)!;
    expect(last).toMatchObject({ name: 'factory', entry: 'src/cli/main.ts', words: [] });
  });

  it('the command line picks the entry by its first word; anything else is the whole CLI', () => {
    expect(bundleFor(['check', 'x.py']).name).toBe('check');
    expect(bundleFor(['run', 'x.py']).name).toBe('one-shot');
    expect(bundleFor(['audit', 'verify']).name).toBe('one-shot');
    expect(bundleFor(['token', 'list']).name).toBe('one-shot');
    for (const argv of [[], ['--help'], ['serve'], ['project', 'run'], ['demo'], ['frobnicate'], ['x.py', 'check']]) {
      expect(bundleFor(argv).name, argv.join(' ')).toBe('factory');
    }
  });
});
