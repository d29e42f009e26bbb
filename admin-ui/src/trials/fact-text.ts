/**
 * A fact's value as a population file writes it: lists as `a|b|c`, records as their fields joined by `:`
 * (founders: `natural:true|legal:false`), an empty list or absent value as `—`.
 */
export function factText(value: unknown): string {
  const scalar = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  const text = Array.isArray(value)
    ? value
        .map((item) =>
          item !== null && typeof item === 'object' && !Array.isArray(item)
            ? Object.values(item).map(scalar).join(':')
            : scalar(item),
        )
        .join('|')
    : scalar(value);
  return text === '' ? '—' : text;
}
