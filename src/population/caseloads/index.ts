export { CASELOADS, caseloadOf, type SizeForYear, sizeFor } from './caseloads.ts';
export { CONFIDENCE_LABELS } from './confidence.ts';
export { type Calibration, calibrationOf, generateCaseload, type WeightedPerson, weightedLine } from './generate-caseload.ts';
export type { Caseload, CaseloadSize, Confidence, Payer, RegionalShares, Source } from './types.ts';
export { isVoivodeship, VOIVODESHIPS, type Voivodeship } from './voivodeships.ts';
