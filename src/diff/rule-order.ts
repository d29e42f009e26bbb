/**
 * The rules kept in both versions whose place among them changed: those outside a longest common
 * subsequence of the two orders, the fewest moves that explain the new order. Rule order matters:
 * without `precedence` it decides between outcomes. Rules added or removed move nobody.
 */
export function movedRules(before: readonly string[], after: readonly string[]): Set<string> {
  const kept = new Set(after);
  const b = before.filter((id) => kept.has(id));
  const had = new Set(b);
  const a = after.filter((id) => had.has(id));
  // lcs[i][j]: length of a longest common subsequence of b[i..] and a[j..].
  const lcs: number[][] = Array.from({ length: b.length + 1 }, () => new Array<number>(a.length + 1).fill(0));
  const at = (i: number, j: number): number => lcs[i]?.[j] ?? 0;
  for (let i = b.length - 1; i >= 0; i--) {
    const row = lcs[i] as number[];
    for (let j = a.length - 1; j >= 0; j--) {
      row[j] = b[i] === a[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const inOrder = new Set<string>();
  let i = 0;
  let j = 0;
  while (i < b.length && j < a.length) {
    if (b[i] === a[j]) {
      inOrder.add(b[i] as string);
      i++;
      j++;
    } else if (at(i + 1, j) >= at(i, j + 1)) {
      i++;
    } else {
      j++;
    }
  }
  return new Set(a.filter((id) => !inOrder.has(id)));
}
