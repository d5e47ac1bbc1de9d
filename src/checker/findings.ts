/**
 * Collecting findings: positions and snippets from nodes, one finding per rule and place, and
 * re-anchoring of findings from code embedded in a string (`bash -c '…'`, `python3 -c '…'`, `trap '…'`).
 */
import type { Finding, Severity } from './types.ts';
import { RULES, type RuleId } from './rules.ts';

/** Anything with a start position and a range: a tree-sitter node or a hand-made span. */
export interface Span {
  startIndex: number;
  endIndex: number;
  startPosition: { row: number; column: number };
}

export interface ReportOptions {
  severity?: Severity;
  suggestion?: string;
}

const MAX_SNIPPET = 160;

export class FindingSink {
  readonly list: Finding[] = [];
  private readonly seen = new Set<string>();

  constructor(readonly source: string) {}

  report(rule: RuleId, at: Span, message: string, opts: ReportOptions = {}): void {
    const spec = RULES[rule];
    const line = at.startPosition.row + 1;
    const column = at.startPosition.column + 1;
    const key = `${rule}\0${line}\0${column}\0${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push({
      rule,
      severity: opts.severity ?? spec.severity,
      message,
      line,
      column,
      snippet: snippet(this.source.slice(at.startIndex, at.endIndex)),
      suggestion: opts.suggestion ?? spec.suggestion,
    });
  }

  /** Add findings of code embedded at `anchor` (the string node holding it), shifting their positions. */
  addNested(inner: readonly Finding[], anchor: Span, context: string, contentOffset = 1): void {
    for (const f of inner) {
      const line = anchor.startPosition.row + f.line;
      const column = f.line === 1 ? anchor.startPosition.column + contentOffset + f.column : f.column;
      const key = `${f.rule}\0${line}\0${column}\0${f.message}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      this.list.push({ ...f, line, column, message: `${context}: ${f.message}` });
    }
  }
}

export function snippet(text: string): string {
  const first = text.split('\n', 1)[0] ?? '';
  const trimmed = first.length > MAX_SNIPPET ? `${first.slice(0, MAX_SNIPPET - 1)}…` : first;
  return text.includes('\n') && trimmed === first ? `${first} …` : trimmed;
}

/** Sort findings by position, most severe first at the same place. */
export function sortFindings(list: Finding[]): Finding[] {
  const rank: Record<Severity, number> = { critical: 0, major: 1, minor: 2, info: 3 };
  return list.sort((a, b) => a.line - b.line || a.column - b.column || rank[a.severity] - rank[b.severity] || (a.rule < b.rule ? -1 : 1));
}
