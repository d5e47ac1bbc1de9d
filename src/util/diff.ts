/**
 * A unified line diff of two texts (LCS-based; policy files are small). Returns '' when equal.
 * Lines that differ are prefixed '-' (old) and '+' (new); `context` unchanged lines surround each change.
 */
export function unifiedDiff(
  oldText: string,
  newText: string,
  opts: { context?: number; oldLabel?: string; newLabel?: string } = {},
): string {
  if (oldText === newText) return '';
  const a = oldText.split('\n');
  const b = newText.split('\n');
  if (a.length * b.length > 4_000_000)
    return `--- ${opts.oldLabel ?? 'old'}\n+++ ${opts.newLabel ?? 'new'}\n(too large to diff: ${a.length} vs ${b.length} lines)\n`;
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const ops: { op: ' ' | '-' | '+'; text: string; ai: number; bi: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ op: ' ', text: a[i]!, ai: i, bi: j });
      i++;
      j++;
    } else if (j < m && (i >= n || lcs[i]![j + 1]! > lcs[i + 1]![j]!)) {
      ops.push({ op: '+', text: b[j]!, ai: i, bi: j });
      j++;
    } else {
      ops.push({ op: '-', text: a[i]!, ai: i, bi: j });
      i++;
    }
  }
  const ctx = opts.context ?? 3;
  const out = [`--- ${opts.oldLabel ?? 'old'}`, `+++ ${opts.newLabel ?? 'new'}`];
  let k = 0;
  while (k < ops.length) {
    if (ops[k]!.op === ' ') {
      k++;
      continue;
    }
    let start = Math.max(0, k - ctx);
    let end = k;
    // extend the hunk while changes are within 2*ctx of each other
    while (end < ops.length) {
      let next = end;
      while (next < ops.length && ops[next]!.op !== ' ') next++;
      let gap = next;
      while (gap < ops.length && ops[gap]!.op === ' ') gap++;
      if (gap < ops.length && gap - next <= 2 * ctx) end = gap;
      else {
        end = Math.min(ops.length, next + ctx);
        break;
      }
    }
    const hunk = ops.slice(start, end);
    const oldStart = hunk.find((o) => o.op !== '+')?.ai ?? hunk[0]!.ai;
    const newStart = hunk.find((o) => o.op !== '-')?.bi ?? hunk[0]!.bi;
    out.push(
      `@@ -${oldStart + 1},${hunk.filter((o) => o.op !== '+').length} +${newStart + 1},${hunk.filter((o) => o.op !== '-').length} @@`,
    );
    for (const o of hunk) out.push(`${o.op}${o.text}`);
    k = end;
    start = end;
  }
  return `${out.join('\n')}\n`;
}
