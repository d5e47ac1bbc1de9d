/**
 * The tree-sitter grammars, each loaded on first use (a native addon apiece: a check of Python never
 * loads the shell and JavaScript grammars), one parser per language created on first use and reused,
 * and a cache of compiled queries (a query is compiled once per grammar and source text).
 */
import { createRequire } from 'node:module';
import Parser from 'tree-sitter';

export type SyntaxNode = Parser.SyntaxNode;
export type Tree = Parser.Tree;
export type GrammarName = 'python' | 'bash' | 'javascript';

const PACKAGES: Record<GrammarName, string> = {
  python: 'tree-sitter-python',
  bash: 'tree-sitter-bash',
  javascript: 'tree-sitter-javascript',
};
const languages = new Map<GrammarName, Parser.Language>();
const parsers = new Map<GrammarName, Parser>();
const queries = new Map<string, Parser.Query>();

function language(grammar: GrammarName): Parser.Language {
  let lang = languages.get(grammar);
  if (!lang) {
    lang = createRequire(import.meta.url)(PACKAGES[grammar]) as Parser.Language;
    languages.set(grammar, lang);
  }
  return lang;
}

/** node-tree-sitter's default 32 KiB input buffer fails on larger strings; size it to the input. */
function bufferSize(source: string): number {
  return Math.max(32 * 1024, source.length * 2 + 1024);
}

export function parse(grammar: GrammarName, source: string): Tree {
  let parser = parsers.get(grammar);
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(language(grammar));
    parsers.set(grammar, parser);
  }
  return parser.parse(source, null, { bufferSize: bufferSize(source) });
}

/** A compiled query, cached by grammar and text. */
export function query(grammar: GrammarName, source: string): Parser.Query {
  const key = `${grammar}\0${source}`;
  let q = queries.get(key);
  if (!q) {
    q = new Parser.Query(language(grammar), source);
    queries.set(key, q);
  }
  return q;
}

/**
 * Run a query once and group the captured nodes by capture name. Captures of one pattern stay
 * aligned across their lists (the i-th `call.fn` belongs to the i-th `call`), because every match
 * adds exactly one node to each of its pattern's capture names.
 */
export function capturesByName(q: Parser.Query, root: SyntaxNode): Map<string, SyntaxNode[]> {
  const out = new Map<string, SyntaxNode[]>();
  for (const m of q.matches(root)) {
    for (const c of m.captures) {
      let list = out.get(c.name);
      if (!list) out.set(c.name, (list = []));
      list.push(c.node);
    }
  }
  return out;
}

/**
 * Start offset (UTF-16 index) of a node without a native call: node-tree-sitter keeps the start byte
 * of the (UTF-16) input in the node's transfer fields. Verified against the getter on first use and
 * abandoned for the getter if the layout ever differs.
 */
let fastStart: boolean | null = null;
export function startOf(node: SyntaxNode): number {
  const raw = (node as unknown as Record<number, number>)[2];
  if (fastStart === null) fastStart = typeof raw === 'number' && raw / 2 === node.startIndex;
  return fastStart ? raw! / 2 : node.startIndex;
}
