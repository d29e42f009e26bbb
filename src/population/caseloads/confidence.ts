import type { LocalText } from '../../schema/common.ts';
import type { Confidence } from './types.ts';

/** How each confidence word reads to a person, in Polish and English (never the code word in a sentence). */
export const CONFIDENCE_LABELS: Readonly<Record<Confidence, LocalText>> = {
  read: { pl: 'odczytana w publikacji', en: 'read in the publication' },
  secondary: { pl: 'odczytana za innym źródłem', en: 'read in a source quoting it' },
  derived: { pl: 'wyliczona z odczytanych liczb', en: 'derived from figures read' },
  recalled: { pl: 'przypomniana, do sprawdzenia', en: 'recalled, to be checked' },
  assumption: { pl: 'założenie bez źródła', en: 'an assumption without a source' },
};
