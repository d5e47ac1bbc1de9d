/**
 * Variables with one known literal value: every assignment to the name in the script is the same
 * literal, and nothing else sets it (read, for, getopts, mapfile, printf -v, declare without value,
 * array assignments). Flow-insensitive, like the Python constants: used only to judge paths and URLs.
 */
import type { ShContext } from './context.ts';

const SETTERS = new Set([
  'read',
  'mapfile',
  'readarray',
  'getopts',
  'printf',
  'unset',
  'export',
  'local',
  'declare',
  'typeset',
  'readonly',
]);

export function collectConstants(ctx: ShContext): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const unknown = (name: string) => out.set(name, null);
  for (const a of ctx.cap('assign')) {
    const nameNode = a.childForFieldName('name');
    if (!nameNode) continue;
    if (nameNode.type !== 'variable_name') {
      const inner = nameNode.childForFieldName('name');
      if (inner) unknown(ctx.text(inner));
      continue;
    }
    const name = ctx.text(nameNode);
    const value = a.childForFieldName('value');
    const v = value ? ctx.word(value) : { value: '', exact: true, pattern: false };
    const prev = out.get(name);
    if (!v.exact || v.pattern || ctx.text(a).includes('+=') || prev === null || (prev !== undefined && prev !== v.value)) unknown(name);
    else out.set(name, v.value);
  }
  for (const v of ctx.cap('for.var')) unknown(ctx.text(v));
  const names = ctx.cap('command.name');
  const commands = ctx.cap('command');
  for (let i = 0; i < commands.length; i++) {
    if (!SETTERS.has(ctx.text(names[i]!))) continue;
    for (const arg of commands[i]!.childrenForFieldName('argument')) {
      const t = ctx.text(arg);
      if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(t)) unknown(t);
    }
  }
  for (const d of ctx.cap('decl')) for (const v of d.descendantsOfType('variable_name')) if (!out.has(ctx.text(v))) unknown(ctx.text(v));
  return out;
}
