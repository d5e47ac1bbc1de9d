/**
 * Parse errors: tree-sitter ERROR and MISSING nodes. Code that does not parse never runs, so each
 * becomes a major finding (`py.syntax` / `sh.syntax`); at most a few are reported.
 */
import type { SyntaxNode } from './grammars.ts';
import { snippet } from './findings.ts';
import type { Span } from './findings.ts';
import type { ParseError } from './types.ts';

/** A parse error with the span of its node (for the finding's snippet). */
export interface LocatedParseError extends ParseError {
  span: Span;
}

const MAX_ERRORS = 5;

export function collectParseErrors(root: SyntaxNode, errorNodes: readonly SyntaxNode[], source: string): LocatedParseError[] {
  if (!root.hasError) return [];
  const out: LocatedParseError[] = [];
  const seen = new Set<number>();
  const add = (n: SyntaxNode, missing: boolean) => {
    if (out.length >= MAX_ERRORS || seen.has(n.startIndex)) return;
    seen.add(n.startIndex);
    out.push({
      line: n.startPosition.row + 1,
      column: n.startPosition.column + 1,
      snippet: missing ? `missing ${n.type}` : snippet(source.slice(n.startIndex, n.endIndex)),
      missing,
      span: { startIndex: n.startIndex, endIndex: n.endIndex, startPosition: n.startPosition },
    });
  };
  for (const e of errorNodes) add(e, false);
  if (out.length === 0 || out.length < MAX_ERRORS) {
    // MISSING nodes are not queryable as a node type: walk the tree once (only when it has errors).
    const cursor = root.walk();
    for (;;) {
      if (cursor.currentNode.isMissing) add(cursor.currentNode, true);
      if (out.length >= MAX_ERRORS) break;
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return out.sort((a, b) => a.line - b.line || a.column - b.column);
      }
    }
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}
