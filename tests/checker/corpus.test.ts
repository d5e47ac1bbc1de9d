/**
 * The corpus: one test per file, so a regression names the sample. Hostile samples must be blocked
 * by a finding of a rule family that belongs to their ATTACKS.md class; benign samples must pass.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/checker/index.ts';
import { isBlocking } from '../../src/checker/types.ts';
import { explain, ROOT, run } from './helpers.ts';

const CORPUS = path.join(ROOT, 'tests/corpus');

/** Rule-id prefixes that count as "caught for the right reason", per ATTACKS.md class. */
const FAMILIES: Record<number, readonly string[]> = {
  1: ['py.import.', 'py.callable.', 'py.module.'],
  2: ['py.import.', 'py.callable.', 'py.reflection.'],
  3: ['py.import.', 'py.module.', 'py.dunder.', 'py.callable.'],
  4: ['py.module.', 'py.attribute.', 'py.callable.', 'py.import.', 'py.dunder.'],
  5: ['py.dunder.', 'py.frame.', 'py.callable.', 'py.reflection.', 'py.import.', 'py.attribute.', 'py.module.'],
  6: ['py.reflection.', 'py.callable.', 'py.module.', 'py.dunder.'],
  7: ['py.dunder.', 'py.frame.', 'py.attribute.', 'py.callable.'],
  8: ['py.callable.', 'py.import.', 'py.code.'],
  9: ['py.import.', 'py.module.', 'py.attribute.', 'py.callable.'],
  10: ['py.callable.', 'py.import.', 'py.module.'],
  11: ['py.network.', 'py.import.', 'py.module.'],
  12: ['py.path.', 'py.module.', 'py.import.', 'py.callable.'],
  13: ['sh.command.'],
  14: ['sh.command.'],
  15: ['sh.command.', 'sh.syntax'],
  16: ['sh.command.'],
  17: ['sh.command.', 'sh.wrapper.', 'sh.find.', 'sh.interpreter.', 'sh.path.'],
  18: ['sh.interpreter.', 'sh.awk.', 'sh.sed.', 'sh.command.', 'py.'],
  19: ['sh.pipe-to-shell', 'sh.builtin.', 'sh.command.', 'sh.interpreter.'],
  // code hidden in trap/alias strings is judged by every rule, paths included
  20: ['sh.hidden.', 'sh.arith.', 'sh.builtin.', 'sh.command.', 'sh.path.'],
  21: ['sh.path.', 'sh.redirect.', 'sh.network.dev-tcp'],
  // unbounded input devices (/dev/zero, /dev/urandom) are outside the allowed paths
  22: ['sh.forkbomb', 'sh.command.', 'sh.path.'],
  23: ['sh.network.', 'sh.command.'],
  24: ['sh.command.'],
  // found by outside testing: names built at run time, library escape hatches, options, names evaluated by bash
  31: ['py.namespace.', 'py.format.', 'py.dunder.', 'py.frame.', 'py.attribute.', 'py.reflection.'],
  32: ['py.code.', 'py.attribute.', 'py.module.', 'py.library.', 'py.environ.', 'py.import.'],
  33: ['sh.option.', 'sh.path.', 'sh.find.', 'sh.sed.', 'sh.awk.'],
  34: ['sh.name.', 'sh.arith.'],
};

interface Sample {
  file: string;
  language: Language;
  kind: 'hostile' | 'benign';
  attackClass: number | null;
  source: string;
}

function samples(): Sample[] {
  const out: Sample[] = [];
  for (const language of ['python', 'shell'] as const) {
    for (const kind of ['hostile', 'benign'] as const) {
      const dir = path.join(CORPUS, language, kind);
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir).sort()) {
        if (!f.endsWith(language === 'python' ? '.py' : '.sh')) continue;
        const source = readFileSync(path.join(dir, f), 'utf8');
        const m = /^#\s*attack-class:\s*(\d+)/m.exec(source);
        out.push({ file: `${language}/${kind}/${f}`, language, kind, attackClass: m ? Number(m[1]) : null, source });
      }
    }
  }
  return out;
}

const all = samples();
const hostile = all.filter((s) => s.kind === 'hostile');
const benign = all.filter((s) => s.kind === 'benign');

describe('corpus', () => {
  it('exists, with several samples of every class found by outside testing and at least 150 benign tools', () => {
    expect(hostile.length).toBeGreaterThan(0);
    expect(benign.length).toBeGreaterThanOrEqual(150);
    for (const cls of [31, 32, 33, 34])
      expect(hostile.filter((s) => s.attackClass === cls).length, `class ${cls}`).toBeGreaterThanOrEqual(4);
  });

  it.each(hostile.map((s) => [s.file, s] as const))('hostile %s is blocked', (_file, s) => {
    const r = run(s.source, s.language);
    expect(r.allowed, `not blocked:\n${explain(r)}`).toBe(false);
    const family = s.attackClass !== null ? FAMILIES[s.attackClass] : undefined;
    if (family) {
      const related = r.findings.filter((f) => isBlocking(f.severity) && family.some((p) => f.rule.startsWith(p)));
      expect(related.length, `blocked, but by no rule of class ${s.attackClass} (${family.join(', ')}):\n${explain(r)}`).toBeGreaterThan(0);
    }
  });

  it.each(benign.map((s) => [s.file, s] as const))('benign %s is allowed', (_file, s) => {
    const r = run(s.source, s.language);
    expect(r.allowed, `blocked:\n${explain(r)}`).toBe(true);
  });
});
