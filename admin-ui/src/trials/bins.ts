import { t } from '../shared/i18n/translate.ts';
import { formatSignedMoney, formatWholeMoney } from './format.ts';
import type { MoneyImpact } from './types.ts';

/** One bar of the gain and loss chart. */
export interface ChartBin {
  /** The range in words: `−100 zł to −50 zł`. */
  label: string;
  /** A short form for under the bar: `−100…−50`. */
  short: string;
  persons: number;
  tone: 'loss' | 'gain';
}

/** The server's inner edges of ±0.005 zł (a change smaller than a grosz) read as 0 zł. */
const edge = (x: number) => (Math.abs(x) < 0.01 ? 0 : x);
const short = (x: number) => String(Math.abs(x) >= 1000 && Number.isInteger(x / 1000) ? `${x / 1000}k` : x).replace('-', '−');

/**
 * The histogram's bins as bars: losses then gains, each labelled by its range, without the middle bin of
 * no change (every person counted there changed by less than a grosz, so it is always empty). Open ends
 * come as null (JSON has no infinity).
 */
export function chartBins(histogram: MoneyImpact['histogram']): ChartBin[] {
  return histogram.flatMap((b): ChartBin[] => {
    const from = b.from === null ? null : edge(b.from);
    const to = b.to === null ? null : edge(b.to);
    if (from === 0 && to === 0) return [];
    const tone = (to ?? 1) <= 0 ? 'loss' : 'gain';
    if (from === null)
      return [
        {
          label: t('trials.bin.below', { to: formatWholeMoney(to ?? 0) }),
          short: `< ${short(to ?? 0)}`,
          persons: b.persons,
          tone,
        },
      ];
    if (to === null)
      return [
        { label: t('trials.bin.above', { from: formatWholeMoney(from) }), short: `≥ ${short(from)}`, persons: b.persons, tone },
      ];
    return [
      {
        label: t('trials.bin.range', { from: formatWholeMoney(from), to: formatWholeMoney(to) }),
        short: `${short(from)}…${short(to)}`,
        persons: b.persons,
        tone,
      },
    ];
  });
}

/** Money to whole złoty when the bins are a złoty or wider, else to the grosz. */
function edgeText(x: number, width: number): string {
  return width >= 1 ? formatWholeMoney(x) : formatSignedMoney(x).replace('+', '');
}

/**
 * Bins chosen from the data (Freedman–Diaconis, computed by the server) as bars: each labelled by its range,
 * a loss when it lies below zero, a gain otherwise.
 */
export function dataBins(fd: { width: number; bins: { from: number; to: number; persons: number }[] }): ChartBin[] {
  return fd.bins.map((b) => ({
    label: t('trials.bin.range', { from: edgeText(b.from, fd.width), to: edgeText(b.to, fd.width) }),
    short: `${short(b.from)}…${short(b.to)}`,
    persons: b.persons,
    tone: b.to <= 0 ? 'loss' : 'gain',
  }));
}
