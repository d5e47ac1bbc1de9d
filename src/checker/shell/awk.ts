/**
 * awk programs. There is no awk grammar installed, so the literal program text is scanned by a small
 * tokenizer that skips strings, regex literals and comments and reports: system(), command pipes
 * (`"cmd" | getline`, `print | "cmd"`, `|&`), output redirection to literal files outside the
 * writable paths (`print > "/etc/x"`), `getline < "file"` outside the readable paths, and
 * @load/@include. Programs that are not literals or come from files (-f, -i, -l, -E) are blocked.
 */
import type { Invocation, ShContext } from './context.ts';
import { checkOptionWords } from './option-parse.ts';
import { checkPathValue, checkPathWord } from './paths.ts';

const VALUE_OPTS = new Set(['-F', '-v', '--assign', '--field-separator']);
const FILE_OPTS = new Set(['-f', '--file', '-i', '--include', '-l', '--load', '-E', '--exec']);

export function checkAwk(ctx: ShContext, cmd: string, inv: Invocation): void {
  const args = inv.args;
  let program: (typeof args)[number] | undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    const v = a.v.exact ? a.v.value : null;
    if (v === '--') {
      i++;
      break;
    }
    if (v !== null && (FILE_OPTS.has(v) || /^-[fiEl]./.test(v) || /^--(file|include|load|exec)=/.test(v))) {
      ctx.sink.report('sh.awk.dynamic', a.node, `awk ${v} loads program code from a file or an extension that was not checked`);
      return;
    }
    if (v === '-e' || v === '--source') {
      checkOptionWords(ctx, cmd, inv, [a]);
      program = args[++i];
      continue;
    }
    if (v !== null && VALUE_OPTS.has(v)) {
      checkOptionWords(ctx, cmd, inv, args.slice(i, i + 2));
      i++;
      continue;
    }
    if (v !== null && v.startsWith('-') && v.length > 1) {
      checkOptionWords(ctx, cmd, inv, [a]);
      continue;
    }
    break;
  }
  if (!program) program = args[i++];
  if (!program) return;
  if (!program.v.exact) {
    ctx.sink.report('sh.awk.dynamic', program.node, 'the awk program is not a literal string');
    return;
  }
  scanAwk(ctx, program.v.value, program.node);
  for (const a of args.slice(i)) {
    if (a.v.exact && /^[A-Za-z_][A-Za-z0-9_]*=/.test(a.v.value)) continue; // var=value operand
    checkPathWord(ctx, a, 'read', inv.at);
  }
}

interface Tok {
  kind: 'ident' | 'string' | 'regex' | 'op' | 'other';
  text: string;
}

/** Tokens of an awk program, without comments; string tokens carry their decoded value. */
export function awkTokens(prog: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const regexAllowed = () => {
    const prev = out[out.length - 1];
    return (
      !prev ||
      (prev.kind === 'op' && !/^[)\]]$/.test(prev.text)) ||
      (prev.kind === 'ident' && /^(print|printf|return|in|getline)$/.test(prev.text))
    );
  };
  while (i < prog.length) {
    const c = prog[i]!;
    if (c === '#') {
      while (i < prog.length && prog[i] !== '\n') i++;
      continue;
    }
    if (/\s/.test(c)) {
      if (c === '\n') out.push({ kind: 'op', text: ';' });
      i++;
      continue;
    }
    if (c === '"') {
      let s = '';
      i++;
      while (i < prog.length && prog[i] !== '"') {
        if (prog[i] === '\\' && i + 1 < prog.length) {
          const n = prog[i + 1]!;
          s += n === 'n' ? '\n' : n === 't' ? '\t' : n;
          i += 2;
        } else s += prog[i++];
      }
      i++;
      out.push({ kind: 'string', text: s });
      continue;
    }
    if (c === '/' && regexAllowed()) {
      i++;
      let inClass = false;
      while (i < prog.length && (prog[i] !== '/' || inClass)) {
        if (prog[i] === '\\') i++;
        else if (prog[i] === '[') inClass = true;
        else if (prog[i] === ']') inClass = false;
        i++;
      }
      i++;
      out.push({ kind: 'regex', text: '' });
      continue;
    }
    const ident = /^[A-Za-z_@][A-Za-z0-9_]*/.exec(prog.slice(i));
    if (ident) {
      out.push({ kind: 'ident', text: ident[0] });
      i += ident[0].length;
      continue;
    }
    const op = /^(\|\||\|&|&&|>>|>=|<=|==|!=|[|<>(){}\[\];,!~?:=+\-*\/%^$&])/.exec(prog.slice(i));
    if (op) {
      out.push({ kind: 'op', text: op[0] });
      i += op[0].length;
      continue;
    }
    out.push({ kind: 'other', text: c });
    i++;
  }
  return out;
}

function scanAwk(ctx: ShContext, prog: string, at: import('../grammars.ts').SyntaxNode): void {
  const toks = awkTokens(prog);
  let inPrint = false;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    const next = toks[k + 1];
    if (t.kind === 'ident') {
      if (t.text === 'system' && next?.text === '(') {
        ctx.sink.report('sh.awk.system', at, 'awk program calls system(), which runs a shell command');
        return;
      }
      if (t.text === '@load' || t.text === '@include') {
        ctx.sink.report('sh.awk.dynamic', at, `awk program uses ${t.text}, which loads code that was not checked`);
        return;
      }
      if (t.text === 'print' || t.text === 'printf') inPrint = true;
      continue;
    }
    if (t.kind !== 'op') continue;
    if (t.text === ';' || t.text === '{' || t.text === '}') inPrint = false;
    if (t.text === '|' || t.text === '|&') {
      const what = next?.text === 'getline' ? 'reads the output of a command ("cmd" | getline)' : 'pipes output into a command';
      ctx.sink.report('sh.awk.system', at, `awk program ${what}`);
      return;
    }
    if ((t.text === '>' || t.text === '>>') && next?.kind === 'string' && inPrint) {
      checkPathValue(ctx, { value: next.text, exact: true }, 'write', at, 'awk output file');
    }
    if (t.text === '<' && next?.kind === 'string' && (toks[k - 1]?.text === 'getline' || toks[k - 2]?.text === 'getline')) {
      checkPathValue(ctx, { value: next.text, exact: true }, 'read', at, 'awk getline file');
    }
  }
}
