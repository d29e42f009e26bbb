import type { Caseload } from '../types.ts';
import { CIS_PARTICIPANTS } from './cis-benefit.ts';

/** The incentive bonus concerns the same persons as the benefit; the CIS pays it from its own means. */
export const CIS_PREMIA: Caseload = {
  question: 'cis-premia',
  ...CIS_PARTICIPANTS,
  payer: {
    labourFund: false,
    label: { pl: 'środki CIS (nie Fundusz Pracy)', en: 'the CIS’s own means (not the Labour Fund)' },
    basis: 'UZS art. 15a',
    confidence: 'recalled',
  },
};
