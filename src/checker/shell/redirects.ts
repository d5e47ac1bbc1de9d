/**
 * Redirect targets: `> file`, `>> file`, `&> file`, `<> file` write; `< file` reads. Literal targets
 * (and literal prefixes) must be writable or readable under the policy; `/dev/tcp/…` and
 * `/dev/udp/…` open network connections and are always blocked. fd duplications (`2>&1`) are fine.
 */
import type { SyntaxNode } from '../grammars.ts';
import type { ShContext } from './context.ts';
import { checkPathValue } from './paths.ts';

const WRITE_OPS = new Set(['>', '>>', '&>', '&>>', '>|', '<>', '>&', '&>|']);
const READ_OPS = new Set(['<', '<&']);

export function checkRedirects(ctx: ShContext): void {
  for (const r of ctx.cap('redirect')) checkRedirect(ctx, r);
}

function checkRedirect(ctx: ShContext, r: SyntaxNode): void {
  const dest = r.childForFieldName('destination');
  if (!dest) return;
  let op = '';
  for (const c of r.children) {
    if (!c.isNamed && (WRITE_OPS.has(c.type) || READ_OPS.has(c.type))) {
      op = c.type;
      break;
    }
  }
  const raw = ctx.text(r);
  if (op === '' && raw.includes('<>')) op = '<>';
  const v = ctx.pathWord({ node: dest, v: ctx.word(dest) });
  if ((op === '>&' || op === '<&') && v.exact && /^(\d+|-)$/.test(v.value)) return; // fd duplication / close
  if (dest.type === 'number' && (op === '>&' || op === '<&')) return;
  const mode = READ_OPS.has(op) ? 'read' : 'write';
  checkPathValue(ctx, v, mode, r, 'redirect target');
}
