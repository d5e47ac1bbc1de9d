/**
 * Per-script state of the shell checker, and the shape of one command invocation as the rules see
 * it (after wrappers are peeled off, the inner command is an invocation of its own).
 */
import type { Policy } from '../../policy/schema.ts';
import type { FindingSink, Span } from '../findings.ts';
import type { SyntaxNode } from '../grammars.ts';
import type { Finding } from '../types.ts';
import { collectConstants } from './constants.ts';
import { ShellValues } from './values.ts';
import { wordValue, type WordValue } from './words.ts';

export interface Arg {
  node: SyntaxNode;
  v: WordValue;
  /** Set when the value is only the part of the word after this many characters (`-o/tmp/x`, `--output=/tmp/x`). */
  offset?: number;
}

export interface Invocation {
  name: WordValue;
  nameNode: SyntaxNode;
  args: Arg[];
  /** The whole command (for the finding's position). */
  at: SyntaxNode;
  /** The wrapper chain that led here (`xargs`, `find -exec` …), outermost first. */
  via: string[];
  /** Tokens a wrapper replaces with data before running the command (`{}` for find, -I for xargs). */
  substitutes: string[];
}

/**
 * Runs a nested check of code found in a string and returns its findings (positions inside the
 * string). Shell code inherits the outer script's function names (`trap cleanup EXIT`).
 */
export type NestedChecker = (code: string, language: 'shell' | 'python', depth: number, functions: ReadonlySet<string>) => Finding[];

export const MAX_DEPTH = 4;

export class ShContext {
  /** Names of functions the script defines (calls to them are judged at their definition). */
  readonly functions = new Set<string>();
  private readonly texts = new WeakMap<SyntaxNode, string>();
  private constantValues: Map<string, string | null> | null = null;
  private shellValues: ShellValues | null = null;
  private functionNodes: Map<string, SyntaxNode> | null = null;
  readonly allowed: Set<string>;
  readonly forbidden: Set<string>;

  constructor(
    readonly src: string,
    readonly policy: Policy,
    readonly sink: FindingSink,
    readonly caps: Map<string, SyntaxNode[]>,
    readonly depth: number,
    private readonly nestedChecker: NestedChecker,
  ) {
    this.allowed = new Set(policy.shell.allowedCommands);
    this.forbidden = new Set(policy.shell.forbiddenCommands);
  }

  cap(name: string): SyntaxNode[] {
    return this.caps.get(name) ?? [];
  }

  /** Source text of a node (cached per node object: every position getter is a native call). */
  text(node: SyntaxNode): string {
    let t = this.texts.get(node);
    if (t === undefined) {
      t = this.src.slice(node.startIndex, node.endIndex);
      this.texts.set(node, t);
    }
    return t;
  }

  word(node: SyntaxNode): WordValue {
    return wordValue(this.src, node, this.text(node));
  }

  /**
   * A word's value for path and URL judgements: plain expansions of variables the script only ever
   * assigns one literal value (`out=/etc/x; cat "$out"`) are substituted. Command names never are:
   * a name built from a variable stays unknown.
   */
  pathWord(arg: Arg): WordValue {
    if (arg.v.exact) return arg.v;
    const constants = (this.constantValues ??= collectConstants(this));
    const whole = wordValue(this.src, arg.node, this.text(arg.node), (name) => constants.get(name) ?? undefined);
    return arg.offset === undefined ? whole : { ...whole, value: whole.value.slice(arg.offset) };
  }

  /** The definition of a function of the script, by name (the last one wins, as in bash). */
  functionNode(name: string): SyntaxNode | undefined {
    if (!this.functionNodes) {
      this.functionNodes = new Map();
      for (const f of this.cap('function')) {
        const n = f.childForFieldName('name');
        if (n) this.functionNodes.set(this.text(n), f);
      }
    }
    return this.functionNodes.get(name);
  }

  /** What the script's variables can hold (built on first use). */
  values(): ShellValues {
    return (this.shellValues ??= new ShellValues(this));
  }

  /** Check code embedded in a string at `anchor` and add its findings, re-anchored. */
  nested(code: string, language: 'shell' | 'python', anchor: Span, context: string, contentOffset = 1): void {
    if (this.depth + 1 > MAX_DEPTH) {
      this.sink.report('sh.nesting', anchor, `${context}: code nested more than ${MAX_DEPTH} levels deep`);
      return;
    }
    const inner = this.nestedChecker(code, language, this.depth + 1, this.functions);
    this.sink.addNested(inner, anchor, context, contentOffset);
  }
}
