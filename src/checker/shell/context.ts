/**
 * Per-script state of the shell checker, and the shape of one command invocation as the rules see
 * it (after wrappers are peeled off, the inner command is an invocation of its own).
 */
import type { Policy } from '../../policy/schema.ts';
import type { FindingSink, Span } from '../findings.ts';
import type { SyntaxNode } from '../grammars.ts';
import type { Finding } from '../types.ts';
import { wordValue, type WordValue } from './words.ts';

export interface Arg {
  node: SyntaxNode;
  v: WordValue;
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

/** Runs a nested check of code found in a string and returns its findings (positions inside the string). */
export type NestedChecker = (code: string, language: 'shell' | 'python', depth: number) => Finding[];

export const MAX_DEPTH = 4;

export class ShContext {
  /** Names of functions the script defines (calls to them are judged at their definition). */
  readonly functions = new Set<string>();
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

  text(node: SyntaxNode): string {
    return this.src.slice(node.startIndex, node.endIndex);
  }

  word(node: SyntaxNode): WordValue {
    return wordValue(this.src, node);
  }

  /** Check code embedded in a string at `anchor` and add its findings, re-anchored. */
  nested(code: string, language: 'shell' | 'python', anchor: Span, context: string): void {
    if (this.depth + 1 > MAX_DEPTH) {
      this.sink.report('sh.nesting', anchor, `${context}: code nested more than ${MAX_DEPTH} levels deep`);
      return;
    }
    const inner = this.nestedChecker(code, language, this.depth + 1);
    this.sink.addNested(inner, anchor, context);
  }
}
