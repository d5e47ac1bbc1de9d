import { isMap, isNode, isPair, isScalar, isSeq, type Document } from 'yaml';

/**
 * Source offset of the deepest node along a validation issue's `path` in a parsed YAML document:
 * the key when `keyOnly` (unknown or misspelt keys), else the value. Used to give every policy and
 * blueprint problem a line and column.
 */
export function yamlOffset(doc: Document, path: readonly string[], keyOnly: boolean): number | undefined {
  let node: unknown = doc.contents;
  let best: number | undefined = isNode(node) ? node.range?.[0] : undefined;
  for (let depth = 0; depth < path.length; depth++) {
    const seg = path[depth]!;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg);
      if (!pair) break;
      if (isNode(pair.key) && pair.key.range) best = pair.key.range[0];
      if (depth === path.length - 1 && keyOnly) break;
      node = pair.value;
      if (isNode(node) && node.range) best = node.range[0];
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)];
      if (!isNode(item)) break;
      node = item;
      if (item.range) best = item.range[0];
    } else {
      break;
    }
  }
  return best;
}
