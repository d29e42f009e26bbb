/** The outcome change matrix: outcomes before (rows) and after (columns), with the persons in each pair. */
export interface TransitionMatrix {
  /** Every outcome met before or after, the rows and the columns alike (so the diagonal is "unchanged"). */
  outcomes: string[];
  count(from: string, to: string): number;
  /** The pairs whose outcome changes and that hold someone, largest first. */
  changes: { from: string; to: string; persons: number }[];
}

/**
 * Builds the matrix from the server's `from → to` counts. Rows and columns follow `order` (the question's
 * outcomes, as the catalogue lists them) and then any other outcome met, by name.
 */
export function transitionMatrix(transitions: Record<string, number>, order: readonly string[] = []): TransitionMatrix {
  const cells = new Map<string, number>();
  const outcomes = new Set<string>();
  const changes: TransitionMatrix['changes'] = [];
  for (const [key, persons] of Object.entries(transitions)) {
    const [a, b] = key.split(' → ');
    if (a === undefined || b === undefined) continue;
    outcomes.add(a);
    outcomes.add(b);
    cells.set(`${a}\n${b}`, persons);
    if (a !== b && persons > 0) changes.push({ from: a, to: b, persons });
  }
  const rank = (o: string) => {
    const i = order.indexOf(o);
    return i < 0 ? order.length : i;
  };
  return {
    outcomes: [...outcomes].sort((x, y) => rank(x) - rank(y) || x.localeCompare(y)),
    count: (a, b) => cells.get(`${a}\n${b}`) ?? 0,
    changes: changes.sort((x, y) => y.persons - x.persons),
  };
}
