/**
 * The shape of a command substitution's output (see values.ts): numbers from `wc`, `grep -c`, `seq`,
 * `date +%s`, `expr`, `bc`, `printf '%d'`, passed through `tr -d`, `head`, `tail`, `sort`; absolute
 * paths from `mktemp`, `pwd`, `realpath`, `readlink -f`. A script function's output is the output of
 * its last command. Anything else is unknown.
 */
import type { SyntaxNode } from '../grammars.ts';
import type { ShContext } from './context.ts';
import { takesValue } from './options.ts';

export interface Shape {
  noCode: boolean;
  noDash: boolean;
}

const NUMBER: Shape = { noCode: true, noDash: true };
const PATH: Shape = { noCode: false, noDash: true };
const UNKNOWN: Shape = { noCode: false, noDash: false };

const NUMERIC_DATE = /^\+(?:%[sYmdHMSjuwNyeVGklICq%]|[-:_ ./0-9])*$/;
const NUMERIC_PRINTF = /^(?:%[-+ 0#]*\d*(?:\.\d+)?[diuxXofeEgG]|[-+ :,./0-9]|\\n)*$/;
const PASS_THROUGH = new Set(['head', 'tail', 'sort', 'xargs', 'cut']);
const ABSOLUTE = new Set(['mktemp', 'pwd', 'realpath']);
/** Commands whose operands may be run-time values (that cannot start with `-`) without changing the output's shape. */
const OPERANDS_MAY_VARY = new Set(['grep', 'egrep', 'fgrep', 'seq', 'dirname', 'realpath', 'wc']);

/** A run-time word right after a literal option that takes a value is that value (`head -n "$n"`). */
function optionValue(ctx: ShContext, cmd: string, args: readonly { value: string; exact: boolean }[], i: number): boolean {
  const prev = args[i - 1];
  return prev !== undefined && prev.exact && takesValue(ctx.policy, cmd, prev.value);
}

type WordShape = (n: SyntaxNode) => Shape;

/** Statements that print nothing (their empty output is harmless). */
const SILENT = new Set(['declaration_command', 'variable_assignment', 'variable_assignments', 'unset_command', 'test_command', 'comment']);
/** Statements made of several statements, each of which may print. */
const SEQUENCES = new Set(['command_substitution', 'list', 'compound_statement', 'subshell', 'program']);

/** The last simple command a statement ends with, and the pipeline stage before it. */
function lastCommand(node: SyntaxNode | null): { cmd: SyntaxNode | null; before: SyntaxNode | null } {
  let before: SyntaxNode | null = null;
  for (let n = node; n;) {
    switch (n.type) {
      case 'command':
        return { cmd: n, before };
      case 'redirected_statement':
        n = n.childForFieldName('body');
        break;
      case 'pipeline': {
        const kids = n.namedChildren.filter((k) => k.type !== 'comment');
        before = kids.length > 1 ? kids[kids.length - 2]! : before;
        n = kids[kids.length - 1] ?? null;
        break;
      }
      default: {
        const kids = n.namedChildren.filter((k) => k.type !== 'comment');
        n = kids[kids.length - 1] ?? null;
      }
    }
  }
  return { cmd: null, before };
}

const visiting = new WeakSet<SyntaxNode>();

/** The shape of `$(…)` / backquote output. */
export function commandShape(ctx: ShContext, sub: SyntaxNode, word: WordShape): Shape {
  return statementShape(ctx, sub, word);
}

function statementShape(ctx: ShContext, node: SyntaxNode, word: WordShape): Shape {
  const parts = SEQUENCES.has(node.type) ? node.namedChildren.filter((k) => k.type !== 'comment') : [];
  if (parts.length > 1 || (parts.length === 1 && SEQUENCES.has(parts[0]!.type))) {
    // `$(a; b)`, `grep -c x f || true`, `{ …; }`: the output of every part that runs
    return parts.reduce<Shape>((acc, part) => {
      const s = statementShape(ctx, part, word);
      return { noCode: acc.noCode && s.noCode, noDash: acc.noDash && s.noDash };
    }, NUMBER);
  }
  if (SILENT.has((parts[0] ?? node).type)) return NUMBER;
  const { cmd, before } = lastCommand(parts[0] ?? node);
  if (!cmd) return UNKNOWN;
  const nameNode = cmd.childForFieldName('name');
  if (!nameNode) return UNKNOWN;
  const name = ctx.word(nameNode).value;
  const argNodes = cmd.childrenForFieldName('argument');
  const fn = ctx.functionNode(name);
  if (fn) {
    if (visiting.has(fn)) return UNKNOWN;
    visiting.add(fn);
    try {
      return statementShape(ctx, fn.childForFieldName('body')!, word);
    } finally {
      visiting.delete(fn);
    }
  }
  const args = argNodes.map((a) => ctx.word(a));
  const fixed = (i: number) =>
    args[i]!.exact || optionValue(ctx, name, args, i) || (OPERANDS_MAY_VARY.has(name) && word(argNodes[i]!).noDash);
  if (!args.every((_a, i) => fixed(i))) return UNKNOWN;
  const values = args.map((a) => a.value);
  const upstream = () => (before ? statementShape(ctx, before, word) : UNKNOWN);
  switch (name) {
    case 'wc':
      return values.every((v) => /^-[lcwmL]+$/.test(v) || /^--(lines|bytes|chars|words)$/.test(v)) ? NUMBER : UNKNOWN;
    case 'grep':
    case 'egrep':
    case 'fgrep':
      return grepCount(values) ? NUMBER : UNKNOWN;
    case 'seq':
    case 'bc':
    case 'true':
    case 'false':
    case ':':
    case 'cd':
    case 'shift':
    case 'set':
    case 'shopt':
    case 'return':
    case 'exit':
      return NUMBER;
    case 'date': {
      const formats = values.filter((v) => v.startsWith('+'));
      return formats.length > 0 && formats.every((v) => NUMERIC_DATE.test(v)) ? NUMBER : UNKNOWN;
    }
    case 'printf': {
      const format = values[0] === '--' ? values[1] : values[0];
      return format !== undefined && !values.includes('-v') && NUMERIC_PRINTF.test(format) ? NUMBER : UNKNOWN;
    }
    case 'echo':
      return argNodes.length > 0 && argNodes.every(numericWord) ? NUMBER : UNKNOWN;
    case 'expr':
      return values.some((v) => /^[-+*/%]$/.test(v) || v === 'length') && !values.some((v) => /^(substr|match|index|:)$/.test(v))
        ? NUMBER
        : UNKNOWN;
    case 'jq':
      return values.filter((v) => !v.startsWith('-'))[0] === 'length' ? NUMBER : UNKNOWN;
    case 'stat':
      return values.some((v, i) => /^(%[sYXZihb]|\s)+$/.test(v) && /^(-c|--format|--printf)$/.test(values[i - 1] ?? '')) ? NUMBER : UNKNOWN;
    case 'tr':
      if (values.some((v) => /^-[cC]*d[cC]+|^-[cC]+d/.test(v)) && values.some((v) => /^(0-9|\[:digit:\])$/.test(v))) return NUMBER;
      return values.some((v) => /^-[ds]+$/.test(v)) ? upstream() : UNKNOWN;
    case 'readlink':
      return values.some((v) => /^-[fem]+$/.test(v)) ? PATH : UNKNOWN;
    case 'dirname':
      return argNodes.length === 1 && word(argNodes[0]!).noDash ? PATH : UNKNOWN;
    default:
      if (ABSOLUTE.has(name)) return PATH;
      if (PASS_THROUGH.has(name) && args.every((a) => a.exact) && (name !== 'xargs' || values.length === 0)) return upstream();
      return UNKNOWN;
  }
}

/** `echo $((a + b))`, `echo 3`: a number. */
function numericWord(a: SyntaxNode): boolean {
  if (a.type === 'number' || a.type === 'arithmetic_expansion') return true;
  return a.type === 'string' && a.namedChildren.every((c) => c.type === 'arithmetic_expansion');
}

/** `grep -c PATTERN [FILE]` prints one number (more files or -r print `file:count`). */
function grepCount(values: string[]): boolean {
  let count = false;
  let operands = 0;
  let explicitPattern = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === '--count' || /^-[A-Za-z]*c[A-Za-z]*$/.test(v)) count = true;
    if (/^-[A-Za-z]*[rR]/.test(v) || v.startsWith('--recursive') || v.startsWith('--dereference-recursive')) return false;
    if (/^-[A-Za-z]*[efmABCd]$/.test(v) || v === '--regexp' || v === '--file') {
      if (/[ef]$/.test(v) || v === '--regexp' || v === '--file') explicitPattern = true;
      i++;
    } else if (!v.startsWith('-') || v === '-') operands++;
  }
  return count && operands <= (explicitPattern ? 1 : 2);
}
