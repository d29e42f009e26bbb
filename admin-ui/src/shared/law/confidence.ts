import type { Schemas } from '../api/client.ts';
import { translate } from '../i18n/translate.ts';

/** How sure a dated value or a version is, as the schema's enumeration names it. */
export type Confidence = Schemas['ParameterValue']['confidence'];

/** The schema's confidences, surest first: the choices of a confidence select. */
export const CONFIDENCES = ['read', 'secondary', 'derived', 'recalled', 'inferred', 'uncertain', 'contested'] as const;

// The compiler fails here if the schema gains a confidence this list lacks.
type Missing = Exclude<Confidence, (typeof CONFIDENCES)[number]>;
const complete: [Missing] extends [never] ? true : Missing = true;
void complete;

/** True for one of the schema's confidences. */
export function isConfidence(value: unknown): value is Confidence {
  return typeof value === 'string' && (CONFIDENCES as readonly string[]).includes(value);
}

/** A confidence in words (`secondary` → "ze źródła wtórnego"); an unknown one as written. */
export function confidenceLabel(value: string): string {
  return isConfidence(value) ? translate(`confidence.${value}` as const) : value;
}
